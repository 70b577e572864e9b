import { randomUUID } from 'node:crypto';
import type {
  Delivery,
  DeliveryClaim,
  DeliveryFilter,
  DeliveryKey,
  DeliveryKind,
} from '../../core/index.ts';
import { toDelivery } from '../rows.ts';
import { Conditions, type SqlDb } from './sql-db.ts';

/**
 * The first claim of a post. The unique (subscription_id, kind, period) makes it atomic:
 * of any number of concurrent inserts, exactly one returns a row.
 */
const INSERT_CLAIM = `
INSERT INTO deliveries
  (id, subscription_id, kind, period, lesson_id, review_id, status, attempts, due_at,
   owner, lease_until, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, 'claimed', 1, $7, $8, $9, $10)
ON CONFLICT (subscription_id, kind, period) DO NOTHING
RETURNING *`;

/**
 * A later claim of a post that failed for a passing reason. The WHERE makes it atomic:
 * once one process has turned the row to `claimed`, no other UPDATE matches it. The
 * row's lesson_id and review_id stay, so a retried briefing posts the same lesson.
 */
const TAKE_OVER_RETRY = `
UPDATE deliveries
SET status = 'claimed', attempts = attempts + 1, owner = $4, lease_until = $5,
    next_attempt_at = NULL, updated_at = $6
WHERE subscription_id = $1 AND kind = $2 AND period = $3
  AND status = 'retry' AND next_attempt_at <= $6
RETURNING *`;

/** Two single statements: whichever decides, decides atomically; neither needs the other's lock. */
export async function claimDelivery(
  db: SqlDb,
  claim: DeliveryClaim,
): Promise<Delivery | undefined> {
  const now = db.date(claim.now);
  const leaseUntil = db.date(new Date(claim.now.getTime() + claim.leaseMs));
  const inserted = await db.query(INSERT_CLAIM, [
    randomUUID(),
    claim.subscriptionId,
    claim.kind,
    claim.period,
    claim.lessonId ?? null,
    claim.reviewId ?? null,
    db.date(claim.dueAt),
    claim.owner,
    leaseUntil,
    now,
  ]);
  const rows =
    inserted.length > 0
      ? inserted
      : await db.query(TAKE_OVER_RETRY, [
          claim.subscriptionId,
          claim.kind,
          claim.period,
          claim.owner,
          leaseUntil,
          now,
        ]);
  return rows[0] && toDelivery(rows[0], db.decode);
}

/** Only the owner, and only while its lease holds: a lapsed claim may be handed on. */
export async function markSending(
  db: SqlDb,
  id: string,
  owner: string,
  now: Date,
): Promise<boolean> {
  const at = db.date(now);
  const rows = await db.query(
    `UPDATE deliveries SET status = 'sending', updated_at = $3
     WHERE id = $1 AND owner = $2 AND status = 'claimed' AND lease_until > $3
     RETURNING id`,
    [id, owner, at],
  );
  return rows.length > 0;
}

/**
 * The keys in a JSON array, each probed with NOT EXISTS on the unique
 * (subscription_id, kind, period) index: the ledger's length does not matter.
 */
export async function findUnclaimed(
  db: SqlDb,
  kind: DeliveryKind,
  keys: readonly DeliveryKey[],
): Promise<DeliveryKey[]> {
  if (keys.length === 0) return [];
  const list = JSON.stringify(keys.map((k) => [k.subscriptionId, k.period]));
  const rows = await db.query(
    `SELECT k.value ->> 0 AS subscription_id, k.value ->> 1 AS period
     FROM ${db.jsonElements('$1')}
     WHERE NOT EXISTS (
       SELECT 1 FROM deliveries d
       WHERE d.subscription_id = k.value ->> 0 AND d.kind = $2 AND d.period = k.value ->> 1)
     ORDER BY k.n`,
    [list, kind],
  );
  return rows.map((row) => ({
    subscriptionId: String(row.subscription_id),
    period: String(row.period),
  }));
}

export async function completeDelivery(
  db: SqlDb,
  id: string,
  owner: string,
  result: { messageRef: string; now: Date },
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE deliveries
     SET status = 'sent', sent_at = $3, message_ref = $4, lease_until = NULL, updated_at = $3
     WHERE id = $1 AND owner = $2 AND status IN ('claimed', 'sending', 'in-doubt')
     RETURNING id`,
    [id, owner, db.date(result.now), result.messageRef],
  );
  return rows.length > 0;
}

/**
 * A retry with no nextAttemptAt may be taken over at once: NULL would otherwise leave
 * the row in `retry` for ever, since no claim's time is ≥ NULL.
 */
export async function failDelivery(
  db: SqlDb,
  id: string,
  owner: string,
  failure: { status: 'retry' | 'gone' | 'failed'; error: string; nextAttemptAt?: Date; now: Date },
): Promise<boolean> {
  const nextAttemptAt =
    failure.status === 'retry' ? db.date(failure.nextAttemptAt ?? failure.now) : null;
  const rows = await db.query(
    `UPDATE deliveries
     SET status = $3, error = $4, next_attempt_at = $5, lease_until = NULL, updated_at = $6
     WHERE id = $1 AND owner = $2 AND status IN ('claimed', 'sending', 'in-doubt')
     RETURNING id`,
    [id, owner, failure.status, failure.error, nextAttemptAt, db.date(failure.now)],
  );
  return rows.length > 0;
}

/** Why a lapsed claim was handed back, for the ledger's error column. */
export const LAPSED_CLAIM = 'the claim lapsed before the request was made; nothing was sent';

/**
 * One statement for both kinds of dead lease; SET reads the row as it was, so each CASE
 * sees the old status.
 */
export async function markInDoubt(db: SqlDb, now: Date): Promise<Delivery[]> {
  const rows = await db.query(
    `UPDATE deliveries
     SET status = CASE status WHEN 'sending' THEN 'in-doubt' ELSE 'retry' END,
         next_attempt_at = CASE status WHEN 'claimed' THEN $1 ELSE next_attempt_at END,
         lease_until = CASE status WHEN 'claimed' THEN NULL ELSE lease_until END,
         error = CASE status WHEN 'claimed' THEN $2 ELSE error END,
         updated_at = $1
     WHERE status IN ('claimed', 'sending') AND lease_until <= $1
     RETURNING *`,
    [db.date(now), LAPSED_CLAIM],
  );
  return rows.map((row) => toDelivery(row, db.decode)).sort(byDueThenId);
}

export async function getDelivery(db: SqlDb, id: string): Promise<Delivery | undefined> {
  const rows = await db.query('SELECT * FROM deliveries WHERE id = $1', [id]);
  return rows[0] && toDelivery(rows[0], db.decode);
}

export async function listDeliveries(db: SqlDb, filter: DeliveryFilter = {}): Promise<Delivery[]> {
  const where = new Conditions();
  if (filter.subscriptionId !== undefined) where.add('subscription_id = ?', filter.subscriptionId);
  if (filter.kind !== undefined) where.add('kind = ?', filter.kind);
  if (filter.period !== undefined) where.add('period = ?', filter.period);
  if (filter.since !== undefined) where.add('due_at >= ?', db.date(filter.since));
  if (filter.until !== undefined) where.add('due_at <= ?', db.date(filter.until));
  if (filter.status !== undefined) where.add(db.inList('status', '?'), db.strings(filter.status));
  const rows = await db.query(
    `SELECT * FROM deliveries ${where} ORDER BY due_at, id`,
    where.params,
  );
  return rows.map((row) => toDelivery(row, db.decode));
}

/** RETURNING has no order; the port's lists are by dueAt, then id */
function byDueThenId(a: Delivery, b: Delivery): number {
  return a.dueAt.getTime() - b.dueAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
