import type { PersonDataErased } from '../../core/index.ts';
import { PSEUDONYM, type Pseudonymise } from './person-key.ts';
import type { SqlDb } from './sql-db.ts';

/**
 * Every column that names a person, with the time that ages it and what the value becomes
 * when the person is erased. The row itself stays: it is the team's record (a delivery was
 * discussed, a channel subscribed, a review published). A new table with a person's id
 * adds its line here, and retention and `forget` cover it.
 * - `unlinkable`: a random value per row, so that a primary key holds and counts stay;
 * - `platform`: "slack:erased" or "teams:erased", for columns that cannot be empty;
 * - `empty`: NULL.
 */
const PERSON_COLUMNS: readonly {
  kind: keyof PersonDataErased;
  table: string;
  column: string;
  at: string;
  erased: 'unlinkable' | 'platform' | 'empty';
}[] = [
  {
    kind: 'acknowledgements',
    table: 'acknowledgements',
    column: 'user_id',
    at: 'at',
    erased: 'unlinkable',
  },
  { kind: 'auditEntries', table: 'audit_log', column: 'actor', at: 'at', erased: 'platform' },
  {
    kind: 'subscriptions',
    table: 'subscriptions',
    column: 'created_by',
    at: 'created_at',
    erased: 'empty',
  },
  {
    kind: 'broadcasts',
    table: 'broadcasts',
    column: 'created_by',
    at: 'created_at',
    erased: 'platform',
  },
  {
    kind: 'reviews',
    table: 'kept_reviews',
    column: 'updated_by',
    at: 'updated_at',
    erased: 'empty',
  },
];

/** A value that still names a person: a platform's id or pseudonym, not one already erased. */
function namesPerson(column: string): string {
  return `(${column} LIKE 'slack:%' OR ${column} LIKE 'teams:%') AND ${column} NOT IN ('slack:erased', 'teams:erased')`;
}

function erasedValue(
  db: SqlDb,
  column: string,
  erased: 'unlinkable' | 'platform' | 'empty',
): string {
  if (erased === 'empty') return 'NULL';
  if (erased === 'unlinkable') return `'erased:' || ${db.randomText}`;
  return `CASE WHEN ${column} LIKE 'teams:%' THEN 'teams:erased' ELSE 'slack:erased' END`;
}

async function erase(db: SqlDb, where: (at: string, column: string) => string, param: unknown) {
  const erased: PersonDataErased = {
    acknowledgements: 0,
    auditEntries: 0,
    subscriptions: 0,
    broadcasts: 0,
    reviews: 0,
  };
  for (const c of PERSON_COLUMNS) {
    const rows = await db.query(
      `UPDATE ${c.table} SET ${c.column} = ${erasedValue(db, c.column, c.erased)}
       WHERE ${namesPerson(c.column)} AND ${where(c.at, c.column)} RETURNING 1 AS done`,
      [param],
    );
    erased[c.kind] += rows.length;
  }
  return erased;
}

/** Retention: the people of every row older than `before` are erased; the rows stay. */
export function purgePersonData(db: SqlDb, before: Date): Promise<PersonDataErased> {
  return erase(db, (at) => `${at} < $1`, db.date(before));
}

/** One person, everywhere: `stored` is what the store keeps for them (their pseudonym). */
export function forgetPerson(db: SqlDb, stored: string): Promise<PersonDataErased> {
  return erase(db, (_at, column) => `${column} = $1`, stored);
}

/**
 * Replaces the platform ids kept before pseudonyms (or by a store opened without them) with
 * pseudonyms, once: a settings row records that it was done. Two replicas doing it at once
 * is harmless, as the second finds nothing left to change.
 */
export async function pseudonymiseKept(db: SqlDb, person: Pseudonymise): Promise<number> {
  const done = await db.query(`SELECT 1 AS done FROM settings WHERE name = 'ids_pseudonymised'`);
  if (done.length > 0) return 0;
  let changed = 0;
  for (const c of PERSON_COLUMNS) {
    const rows = await db.query(
      `SELECT DISTINCT ${c.column} AS id FROM ${c.table} WHERE ${namesPerson(c.column)}`,
    );
    for (const id of rows.map((row) => String(row.id)).filter((id) => !PSEUDONYM.test(id))) {
      const updated = await db.query(
        `UPDATE ${c.table} SET ${c.column} = $1 WHERE ${c.column} = $2 RETURNING 1 AS done`,
        [person(id), id],
      );
      changed += updated.length;
    }
  }
  await db.query(
    `INSERT INTO settings (name, value) VALUES ('ids_pseudonymised', '1') ON CONFLICT (name) DO NOTHING`,
  );
  return changed;
}
