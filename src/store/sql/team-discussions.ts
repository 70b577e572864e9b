import type { TeamDiscussion } from '../../core/index.ts';
import type { Decode, Row } from '../rows.ts';
import { Conditions, type SqlDb } from './sql-db.ts';

async function deliveryExists(db: SqlDb, deliveryId: string): Promise<boolean> {
  const found = await db.query('SELECT 1 AS found FROM deliveries WHERE id = $1', [deliveryId]);
  return found.length > 0;
}

/**
 * The first call for a delivery records its team's discussion; later ones change nothing.
 * Deliveries are never deleted, so the existence check cannot go stale; the primary key
 * makes the insert atomic, and the time read back is the first press's.
 */
export async function recordTeamDiscussion(
  db: SqlDb,
  deliveryId: string,
  at: Date,
): Promise<{ added: boolean; discussedAt: Date } | undefined> {
  if (!(await deliveryExists(db, deliveryId))) return undefined;
  const inserted = await db.query(
    `INSERT INTO team_discussions (delivery_id, discussed_at) VALUES ($1, $2)
     ON CONFLICT (delivery_id) DO NOTHING RETURNING delivery_id`,
    [deliveryId, db.date(at)],
  );
  const rows = await db.query('SELECT * FROM team_discussions WHERE delivery_id = $1', [
    deliveryId,
  ]);
  const row = rows[0];
  if (!row) return undefined;
  return { added: inserted.length > 0, discussedAt: toTeamDiscussion(row, db.decode).discussedAt };
}

/**
 * Saves (or replaces) the team's plan; a team that agreed what to change has discussed
 * the lesson, so the discussion is recorded too when it was not. False when there is no
 * such delivery. The caller trims and checks the plan.
 */
export async function savePlan(
  db: SqlDb,
  input: { deliveryId: string; plan: string; at: Date },
): Promise<boolean> {
  if (!(await deliveryExists(db, input.deliveryId))) return false;
  const at = db.date(input.at);
  await db.query(
    `INSERT INTO team_discussions (delivery_id, discussed_at, plan, planned_at) VALUES ($1, $2, $3, $2)
     ON CONFLICT (delivery_id) DO UPDATE SET plan = excluded.plan, planned_at = excluded.planned_at`,
    [input.deliveryId, at, input.plan],
  );
  return true;
}

/** Oldest first; `since` by when the team first discussed it; `deliveryIds`: only these. */
export async function listTeamDiscussions(
  db: SqlDb,
  filter: { since?: Date; deliveryIds?: readonly string[] } = {},
): Promise<TeamDiscussion[]> {
  const where = new Conditions();
  if (filter.since !== undefined) where.add('discussed_at >= ?', db.date(filter.since));
  if (filter.deliveryIds !== undefined)
    where.add(db.inList('delivery_id', '?'), db.strings(filter.deliveryIds));
  const rows = await db.query(
    `SELECT * FROM team_discussions ${where} ORDER BY discussed_at, delivery_id`,
    where.params,
  );
  return rows.map((row) => toTeamDiscussion(row, db.decode));
}

function toTeamDiscussion(row: Row, decode: Decode): TeamDiscussion {
  const discussion: TeamDiscussion = {
    deliveryId: String(row.delivery_id),
    discussedAt: decode.date(row.discussed_at),
  };
  if (typeof row.plan === 'string') discussion.plan = row.plan;
  if (row.planned_at !== null && row.planned_at !== undefined) {
    discussion.plannedAt = decode.date(row.planned_at);
  }
  return discussion;
}
