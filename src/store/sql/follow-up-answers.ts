import type { FollowUpAnswer } from '../../core/index.ts';
import type { Decode, Row } from '../rows.ts';
import { Conditions, type SqlDb } from './sql-db.ts';

/**
 * Saves or replaces a team's answer to its follow-up, keyed by the original delivery (a
 * team may change its mind: the latest answer stands). False when there is no such delivery.
 */
export async function saveFollowUpAnswer(db: SqlDb, answer: FollowUpAnswer): Promise<boolean> {
  const found = await db.query('SELECT 1 AS found FROM deliveries WHERE id = $1', [
    answer.deliveryId,
  ]);
  if (found.length === 0) return false;
  await db.query(
    `INSERT INTO follow_up_answers (delivery_id, answer, what_changed, answered_at)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (delivery_id) DO UPDATE SET answer = excluded.answer,
       what_changed = excluded.what_changed, answered_at = excluded.answered_at`,
    [answer.deliveryId, answer.answer, answer.whatChanged ?? null, db.date(answer.answeredAt)],
  );
  return true;
}

/** Oldest first, by when answered; `since`: answered at or after it. */
export async function listFollowUpAnswers(
  db: SqlDb,
  filter: { since?: Date } = {},
): Promise<FollowUpAnswer[]> {
  const where = new Conditions();
  if (filter.since !== undefined) where.add('answered_at >= ?', db.date(filter.since));
  const rows = await db.query(
    `SELECT * FROM follow_up_answers ${where} ORDER BY answered_at, delivery_id`,
    where.params,
  );
  return rows.map((row) => toAnswer(row, db.decode));
}

function toAnswer(row: Row, decode: Decode): FollowUpAnswer {
  const answer: FollowUpAnswer = {
    deliveryId: String(row.delivery_id),
    answer: String(row.answer) as FollowUpAnswer['answer'],
    answeredAt: decode.date(row.answered_at),
  };
  if (typeof row.what_changed === 'string') answer.whatChanged = row.what_changed;
  return answer;
}
