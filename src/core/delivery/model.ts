/**
 * What the bot remembers about where it posts and what it has posted: the records
 * behind weekly briefings, review broadcasts and the evidence of dissemination.
 * The Store port (core/ports.ts) keeps them; SQLite and PostgreSQL implement it.
 */

export type Platform = 'slack' | 'teams';

/** Where a post goes. One subscription per target. */
export interface Target {
  platform: Platform;
  /** Slack team id (T…), or Teams tenant id ('' when unknown, e.g. local tools) */
  workspace: string;
  /** Slack channel id (C…/G…/D…), or Teams conversation id */
  channel: string;
  /** a name people recognise in reports, e.g. "#safeguarding-team"; optional */
  label?: string;
}

/** ISO weekday: Monday = 1 … Sunday = 7. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** When a channel's weekly briefing is due, in its own wall-clock time. */
export interface Schedule {
  day: Weekday;
  /** 24-hour "HH:MM" */
  time: string;
  /** IANA zone, e.g. "Europe/London" */
  timezone: string;
}

/**
 * `paused`: the bot is not in the channel (never invited, or removed from it); it resumes
 * by itself when the bot is back (invited in Slack; installed or spoken to in Teams).
 * `inactive`: the platform said the channel is gone (deleted, archived, the app
 * uninstalled). `removed`: unsubscribed.
 */
export type SubscriptionStatus = 'active' | 'paused' | 'inactive' | 'removed';

export interface Subscription {
  id: string;
  target: Target;
  schedule: Schedule;
  /** theme ids the channel asked to focus on; empty means every theme */
  themes: string[];
  status: SubscriptionStatus;
  /** why it was paused or became inactive, e.g. "not_in_channel", "is_archived" */
  statusReason?: string;
  createdAt: Date;
  updatedAt: Date;
  /** who subscribed: "slack:U123", "teams:<aad id>" or "cli" */
  createdBy?: string;
}

export type DeliveryKind = 'briefing' | 'broadcast';

/**
 * The ledger's states. A row is written before the post and completed after it, in two
 * steps, so that two replicas, a restart or a retried tick never post twice and a process
 * that dies before its request leaves costs no week:
 * - `claimed`: `owner` holds the right to make the post until `leaseUntil`; nothing has
 *   been sent. If the lease runs out here, the row goes back to `retry` (safe: no request
 *   was made) and keeps its lessonId.
 * - `sending`: the owner is about to issue the request, or has issued it (set immediately
 *   before the request leaves, under the same lease)
 * - `sent`: the platform accepted it (`messageRef` says where)
 * - `retry`: failed for a passing reason (429, 5xx), or its claim lapsed before sending;
 *   tried again from `nextAttemptAt`
 * - `gone`: the channel is gone or removed the bot; the subscription is marked inactive
 * - `failed`: gave up (too many attempts, or refused for good)
 * - `in-doubt`: the lease ran out while `sending`: the request was issued and the platform
 *   probably has it; never re-sent automatically (a duplicate is worse than a report line).
 *   Its owner may still settle it when the platform's answer comes back late: accepted →
 *   `sent`; refused → `retry`, `gone` or `failed`, since nothing was posted.
 *
 * claimed → sending → sent | retry | gone | failed; claimed → retry | gone | failed (the
 * notifier refused before sending); claimed (lease lapsed) → retry; sending (lease lapsed)
 * → in-doubt → (its owner, late) sent | retry | gone | failed; retry → claimed (taken over
 * from nextAttemptAt).
 */
export type DeliveryStatus =
  | 'claimed'
  | 'sending'
  | 'sent'
  | 'retry'
  | 'gone'
  | 'failed'
  | 'in-doubt';

export interface Delivery {
  id: string;
  subscriptionId: string;
  kind: DeliveryKind;
  /**
   * The post's identity within its subscription; (subscriptionId, kind, period) is unique.
   * Briefings: the ISO week in the subscription's timezone, e.g. "2026-W48".
   * Broadcasts: "review:<review id>#<round>", e.g. "review:croydon-claire#1".
   */
  period: string;
  lessonId?: string;
  reviewId?: string;
  status: DeliveryStatus;
  attempts: number;
  /** when it was due (the scheduled time, or when the broadcast started) */
  dueAt: Date;
  owner?: string;
  leaseUntil?: Date;
  nextAttemptAt?: Date;
  sentAt?: Date;
  /** platform id of the posted message: Slack "channel/ts", Teams activity id */
  messageRef?: string;
  /** the last error, in words an operator can act on; never a token or a user's text */
  error?: string;
  updatedAt: Date;
}

/** One "publish <review>": round 1 first, a new round with --again. */
export interface Broadcast {
  id: string;
  reviewId: string;
  round: number;
  createdAt: Date;
  createdBy: string;
}

/** "Discussed in our team", at most once per delivery and user. */
export interface Acknowledgement {
  deliveryId: string;
  /** "slack:U123" or "teams:<aad object id>" */
  userId: string;
  at: Date;
}

/** An admin action, kept as evidence: who did what, when. Never a user's question text. */
export interface AuditEntry {
  at: Date;
  /** "slack:U123", "teams:<aad id>" or "cli" */
  actor: string;
  /** e.g. "publish", "report", "reload", "subscriptions.add" */
  action: string;
  detail: Record<string, unknown>;
}
