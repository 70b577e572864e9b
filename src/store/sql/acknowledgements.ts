import type { Acknowledgement } from '../../core/index.ts';
import { toAcknowledgement } from '../rows.ts';
import { Conditions, type SqlDb } from './sql-db.ts';

/**
 * Deliveries are never deleted, so "does it exist" cannot change between the check
 * and the insert. The primary key (delivery_id, user_id) makes the insert atomic; the
 * count is read after it, so it always includes this user.
 */
export async function acknowledge(
  db: SqlDb,
  ack: Acknowledgement,
): Promise<{ added: boolean; count: number } | undefined> {
  const found = await db.query('SELECT 1 AS found FROM deliveries WHERE id = $1', [ack.deliveryId]);
  if (found.length === 0) return undefined;
  const inserted = await db.query(
    `INSERT INTO acknowledgements (delivery_id, user_id, at) VALUES ($1, $2, $3)
     ON CONFLICT (delivery_id, user_id) DO NOTHING
     RETURNING user_id`,
    [ack.deliveryId, ack.userId, db.date(ack.at)],
  );
  const counted = await db.query(
    'SELECT count(*) AS n FROM acknowledgements WHERE delivery_id = $1',
    [ack.deliveryId],
  );
  return { added: inserted.length > 0, count: Number(counted[0]?.n ?? 0) };
}

/** Every id asked about is in the map, with 0 when nobody has acknowledged it (or it does not exist). */
export async function countAcknowledgements(
  db: SqlDb,
  deliveryIds: readonly string[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>(deliveryIds.map((id) => [id, 0]));
  if (deliveryIds.length === 0) return counts;
  const rows = await db.query(
    `SELECT delivery_id, count(*) AS n FROM acknowledgements
     WHERE ${db.inList('delivery_id', '$1')} GROUP BY delivery_id`,
    [db.strings([...counts.keys()])],
  );
  for (const row of rows) counts.set(String(row.delivery_id), Number(row.n));
  return counts;
}

/** oldest first */
export async function listAcknowledgements(
  db: SqlDb,
  filter: { since?: Date } = {},
): Promise<Acknowledgement[]> {
  const where = new Conditions();
  if (filter.since !== undefined) where.add('at >= ?', db.date(filter.since));
  const rows = await db.query(
    `SELECT * FROM acknowledgements ${where} ORDER BY at, delivery_id, user_id`,
    where.params,
  );
  return rows.map((row) => toAcknowledgement(row, db.decode));
}
