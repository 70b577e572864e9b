import { randomUUID } from 'node:crypto';
import type {
  Subscription,
  SubscriptionFilter,
  SubscriptionInput,
  SubscriptionStatus,
  Target,
} from '../../core/index.ts';
import { toSubscription } from '../rows.ts';
import { Conditions, type SqlDb } from './sql-db.ts';

const DEFAULT_STATUSES: readonly SubscriptionStatus[] = ['active', 'paused', 'inactive'];

/**
 * One statement: the unique (platform, workspace, channel) decides between insert and
 * update. An update keeps id, created_at and created_by, and keeps the label when the
 * new input has none (a CLI re-subscribe should not erase a channel's name), and likewise
 * the nation and the reminders setting.
 */
const UPSERT = `
INSERT INTO subscriptions
  (id, platform, workspace, channel, label, day, time, timezone, themes, status,
   status_reason, created_at, updated_at, created_by, nation, reminders)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'active', NULL, $10, $10, $11, $12, $13)
ON CONFLICT (platform, workspace, channel) DO UPDATE SET
  label = COALESCE(excluded.label, subscriptions.label),
  day = excluded.day,
  time = excluded.time,
  timezone = excluded.timezone,
  themes = excluded.themes,
  status = 'active',
  status_reason = NULL,
  updated_at = excluded.updated_at,
  created_by = COALESCE(subscriptions.created_by, excluded.created_by),
  nation = COALESCE(excluded.nation, subscriptions.nation),
  reminders = COALESCE(excluded.reminders, subscriptions.reminders)
RETURNING *`;

export async function saveSubscription(
  db: SqlDb,
  input: SubscriptionInput,
  now: Date,
): Promise<Subscription> {
  const { target, schedule } = input;
  const rows = await db.query(UPSERT, [
    randomUUID(),
    target.platform,
    target.workspace,
    target.channel,
    target.label ?? null,
    schedule.day,
    schedule.time,
    schedule.timezone,
    db.strings(input.themes),
    db.date(now),
    input.by ?? null,
    input.nation ?? null,
    input.reminders === undefined ? null : input.reminders ? 'on' : 'off',
  ]);
  return toSubscription(single(rows), db.decode);
}

export async function getSubscription(db: SqlDb, id: string): Promise<Subscription | undefined> {
  const rows = await db.query('SELECT * FROM subscriptions WHERE id = $1', [id]);
  return rows[0] && toSubscription(rows[0], db.decode);
}

export async function findSubscription(
  db: SqlDb,
  target: Pick<Target, 'platform' | 'workspace' | 'channel'>,
): Promise<Subscription | undefined> {
  const rows = await db.query(
    `SELECT * FROM subscriptions
     WHERE platform = $1 AND workspace = $2 AND channel = $3 AND status <> 'removed'`,
    [target.platform, target.workspace, target.channel],
  );
  return rows[0] && toSubscription(rows[0], db.decode);
}

export async function listSubscriptions(
  db: SqlDb,
  filter: SubscriptionFilter = {},
): Promise<Subscription[]> {
  const where = new Conditions();
  where.add(db.inList('status', '?'), db.strings(filter.status ?? DEFAULT_STATUSES));
  if (filter.updatedSince === undefined) {
    const rows = await db.query(
      `SELECT * FROM subscriptions ${where} ORDER BY created_at, id`,
      where.params,
    );
    return rows.map((row) => toSubscription(row, db.decode));
  }
  // The few rows changed lately, found through the index on updated_at and sorted here:
  // with an ORDER BY, SQLite would walk the created_at index through every subscription.
  where.add('updated_at >= ?', db.date(filter.updatedSince));
  const rows = await db.query(`SELECT * FROM subscriptions ${where}`, where.params);
  return rows.map((row) => toSubscription(row, db.decode)).sort(oldestFirst);
}

function oldestFirst(a: Subscription, b: Subscription): number {
  return a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export async function setSubscriptionStatus(
  db: SqlDb,
  id: string,
  status: SubscriptionStatus,
  reason: string | undefined,
  now: Date,
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE subscriptions SET status = $2, status_reason = $3, updated_at = $4
     WHERE id = $1 RETURNING id`,
    [id, status, reason ?? null, db.date(now)],
  );
  return rows.length > 0;
}

function single<T>(rows: readonly T[]): T {
  const [row] = rows;
  if (row === undefined) throw new Error('the database returned no row for an upsert');
  return row;
}
