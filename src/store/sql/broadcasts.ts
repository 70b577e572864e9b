import { randomUUID } from 'node:crypto';
import type { Broadcast } from '../../core/index.ts';
import { toBroadcast } from '../rows.ts';
import type { SqlDb } from './sql-db.ts';

/**
 * Resume the latest round, or start the next. The unique (review_id, round) settles
 * races: when two admins publish at once, one insert wins and the other gets that
 * same round back, not created — one new round, not two.
 */
export async function startBroadcast(
  db: SqlDb,
  input: { reviewId: string; again: boolean; by: string; now: Date },
): Promise<{ broadcast: Broadcast; created: boolean }> {
  const latest = await latestRound(db, input.reviewId);
  if (latest && !input.again) return { broadcast: latest, created: false };
  const inserted = await db.query(
    `INSERT INTO broadcasts (id, review_id, round, created_at, created_by)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (review_id, round) DO NOTHING
     RETURNING *`,
    [randomUUID(), input.reviewId, (latest?.round ?? 0) + 1, db.date(input.now), input.by],
  );
  if (inserted[0]) return { broadcast: toBroadcast(inserted[0], db.decode), created: true };
  const winner = await latestRound(db, input.reviewId);
  if (!winner) throw new Error(`broadcast of ${input.reviewId} vanished while it was started`);
  return { broadcast: winner, created: false };
}

export async function listBroadcasts(
  db: SqlDb,
  filter: { reviewId?: string } = {},
): Promise<Broadcast[]> {
  const byReview = filter.reviewId !== undefined;
  const rows = await db.query(
    `SELECT * FROM broadcasts ${byReview ? 'WHERE review_id = $1' : ''}
     ORDER BY created_at DESC, round DESC, review_id`,
    byReview ? [filter.reviewId] : [],
  );
  return rows.map((row) => toBroadcast(row, db.decode));
}

async function latestRound(db: SqlDb, reviewId: string): Promise<Broadcast | undefined> {
  const rows = await db.query(
    'SELECT * FROM broadcasts WHERE review_id = $1 ORDER BY round DESC LIMIT 1',
    [reviewId],
  );
  return rows[0] && toBroadcast(rows[0], db.decode);
}
