import type { Logger } from '../../core/index.ts';
import type { Migration } from '../migration.ts';
import type { Row } from '../rows.ts';
import { audit } from './audit.ts';
import type { SqlDb } from './sql-db.ts';

/** One subscription folded into an older one of the same channel. */
export interface SubscriptionMerge {
  kept: string;
  merged: string;
  platform: string;
  workspace: string;
  channel: string;
  /** ledger rows of the merged subscription now the kept one's */
  postsMoved: number;
  /** ledger rows of the merged subscription for a week or round the kept one also had: dropped, their acknowledgements moved to the kept one's row */
  duplicatePostsDropped: number;
}

/** Rows sharing a platform and channel with another row, oldest first within each. */
const CANDIDATES = `
SELECT id, platform, workspace, channel, label, status FROM subscriptions s
WHERE EXISTS (
  SELECT 1 FROM subscriptions o
  WHERE o.platform = s.platform AND o.channel = s.channel AND o.id <> s.id
)
ORDER BY platform, channel, created_at, id`;

/** The same week or round posted under both: the merged row's copy. */
const COLLIDING = `
SELECT l.id FROM deliveries l
WHERE l.subscription_id = $2 AND EXISTS (
  SELECT 1 FROM deliveries w
  WHERE w.subscription_id = $1 AND w.kind = l.kind AND w.period = l.period
)`;

const MOVE_ACKNOWLEDGEMENTS = `
INSERT INTO acknowledgements (delivery_id, user_id, at)
SELECT w.id, a.user_id, a.at
FROM acknowledgements a
JOIN deliveries l ON l.id = a.delivery_id
JOIN deliveries w ON w.subscription_id = $1 AND w.kind = l.kind AND w.period = l.period
WHERE l.subscription_id = $2
ON CONFLICT DO NOTHING`;

const text = (row: Row, column: string) => String(row[column] ?? '');

/**
 * A channel is one subscription whatever door made it. Before the command line learned
 * the Slack workspace from the bot token, `subscriptions add` without --team stored the
 * workspace as '' and `/lessons subscribe` in the same channel stored a second row with
 * the real one, so the channel got two lessons a week. This folds such rows together:
 * per platform and channel, when at most one workspace is named, the oldest row that was
 * not unsubscribed (else the oldest) is kept with its id and ledger, takes the named
 * workspace, and receives the others' ledger rows; where both had the same week or round,
 * the kept row's stays and the other's acknowledgements move to it. A channel id seen in
 * two named workspaces is left alone (they may be different channels) and reported.
 */
export async function mergeDuplicateSubscriptions(
  db: SqlDb,
  now: Date,
  logger: Logger,
): Promise<SubscriptionMerge[]> {
  const groups = new Map<string, Row[]>();
  for (const row of await db.query(CANDIDATES)) {
    const key = `${text(row, 'platform')}|${text(row, 'channel')}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const merges: SubscriptionMerge[] = [];
  for (const rows of groups.values()) {
    const named = [...new Set(rows.map((r) => text(r, 'workspace')).filter((w) => w !== ''))];
    if (named.length > 1) {
      logger.warn('one channel id in several workspaces: left as they are', {
        platform: text(rows[0] as Row, 'platform'),
        channel: text(rows[0] as Row, 'channel'),
        workspaces: named,
      });
      continue;
    }
    merges.push(...(await mergeGroup(db, rows, named[0] ?? '')));
  }
  for (const merge of merges) {
    await audit(db, {
      at: now,
      actor: 'lessons-bot',
      action: 'subscriptions.merge',
      detail: { ...merge },
    });
    logger.warn('merged two subscriptions of one channel', { ...merge });
  }
  return merges;
}

async function mergeGroup(db: SqlDb, rows: Row[], workspace: string): Promise<SubscriptionMerge[]> {
  const kept = rows.find((r) => r.status !== 'removed') ?? (rows[0] as Row);
  const keptId = text(kept, 'id');
  const merges: SubscriptionMerge[] = [];
  let label = kept.label ?? null;
  for (const other of rows.filter((r) => r !== kept)) {
    const merged = text(other, 'id');
    await db.query(MOVE_ACKNOWLEDGEMENTS, [keptId, merged]);
    const colliding = (await db.query(COLLIDING, [keptId, merged])).map((r) => text(r, 'id'));
    for (const id of colliding) {
      await db.query('DELETE FROM acknowledgements WHERE delivery_id = $1', [id]);
      await db.query('DELETE FROM deliveries WHERE id = $1', [id]);
    }
    const moved = await db.query(
      'UPDATE deliveries SET subscription_id = $1 WHERE subscription_id = $2 RETURNING id',
      [keptId, merged],
    );
    await db.query('DELETE FROM subscriptions WHERE id = $1', [merged]);
    label ??= other.label ?? null;
    merges.push({
      kept: keptId,
      merged,
      platform: text(kept, 'platform'),
      workspace,
      channel: text(kept, 'channel'),
      postsMoved: moved.length,
      duplicatePostsDropped: colliding.length,
    });
  }
  // After the others are gone, so that the unique (platform, workspace, channel) holds.
  await db.query('UPDATE subscriptions SET workspace = $2, label = $3 WHERE id = $1', [
    keptId,
    workspace,
    label,
  ]);
  return merges;
}

/** The same step for both dialects: version 4 of each schema. */
export const MERGE_DUPLICATE_SUBSCRIPTIONS: Migration = {
  version: 4,
  description:
    'subscriptions: one per channel (duplicates made by two doors merged, the older kept)',
  sql: '',
  after: async (db, logger) => {
    await mergeDuplicateSubscriptions(db, new Date(), logger);
  },
};
