import type { Platform } from './subscription.ts';

/**
 * What the bot remembers about what it has posted: the ledger behind weekly briefings,
 * review broadcasts and the evidence of dissemination. The Store port (core/ports.ts)
 * keeps them; SQLite and PostgreSQL implement it.
 */

/**
 * `follow_up`: "Has it made a difference?", some weeks after a lesson the team planned a
 * change for; `reminder`: one nudge in the thread of a lesson nobody marked discussed.
 * Both are keyed by the original delivery's id (their period), so each is posted once.
 */
export type DeliveryKind = 'briefing' | 'broadcast' | 'follow_up' | 'reminder';

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
   * Follow-ups and reminders: the id of the delivery they follow up or remind of.
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

/**
 * A team's discussion of a posted card, one per delivery: the team-level record, kept
 * apart from who pressed (the person-level `Acknowledgement`s, its confirmations), so that
 * deleting or pseudonymising person data leaves the evidence that a team discussed it.
 */
export interface TeamDiscussion {
  deliveryId: string;
  /** when the team first said so (the first press, or the first plan) */
  discussedAt: Date;
  /** "What will we do differently?", trimmed, at most 280 characters; absent until given */
  plan?: string;
  /** when the plan was last saved */
  plannedAt?: Date;
}

/** How a team answered "Has it made a difference?". */
export type FollowUpAnswerKind = 'changed' | 'partly' | 'not-yet' | 'decided-against';

/** A team's answer to the follow-up of a lesson it planned a change for; one per lesson. */
export interface FollowUpAnswer {
  /** the original delivery (the lesson's post), not the follow-up's */
  deliveryId: string;
  answer: FollowUpAnswerKind;
  /** "What changed", trimmed, at most 280 characters; absent when not given */
  whatChanged?: string;
  answeredAt: Date;
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

/** A channel a post did not reach, as listed in run summaries, publish results and replies. */
export interface ChannelOutcome {
  subscriptionId: string;
  platform: Platform;
  workspace: string;
  channel: string;
  /** what people call it: the target's label, else the channel id */
  label: string;
  /** what the platform said, in words an operator can act on */
  reason: string;
}
