/**
 * What the core needs from the outside world. Adapters, the store and main.ts
 * provide implementations; core code depends only on these shapes.
 */

import type { KeptReviews } from './lessons/kept-reviews.ts';

/** Structured logging. Never pass a user's question, a token or a secret in `fields`. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

/** A logger that drops everything: for tests and the command line. */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child() {
    return silentLogger;
  },
};

/**
 * Where a Teams bot can post without being spoken to: captured when the app is
 * installed, when it is added to a conversation and on the first message there,
 * and forgotten when it is removed. The scheduler and broadcasts read these.
 */
export interface ConversationRef {
  platform: 'teams';
  /** the Microsoft 365 tenant; '' when the activity did not say (local tools) */
  tenantId: string;
  /** set for channel conversations: the team the channel belongs to */
  teamId?: string;
  /** set for channel conversations: the channel itself */
  channelId?: string;
  /** what to send to: the chat, or the channel without any thread suffix */
  conversationId: string;
  conversationType: 'personal' | 'groupChat' | 'channel';
  /** the regional connector that serves this conversation, e.g. https://smba.trafficmanager.net/uk/ */
  serviceUrl: string;
  /** ISO 8601 time of the last capture */
  updatedAt: string;
}

/** Keeps conversation references; an in-memory implementation lives with the Teams adapter. */
export interface ConversationRefs {
  /** insert or replace, keyed by conversationId */
  save(ref: ConversationRef): Promise<void>;
  forget(conversationId: string): Promise<void>;
  /** forgets every conversation of a team: the team was deleted or the app removed from it */
  forgetTeam(teamId: string): Promise<void>;
  get(conversationId: string): Promise<ConversationRef | undefined>;
  list(): Promise<ConversationRef[]>;
}

import type {
  Acknowledgement,
  AuditEntry,
  Broadcast,
  Delivery,
  DeliveryKind,
  DeliveryStatus,
  FollowUpAnswer,
  Nation,
  OutgoingMessage,
  Platform,
  Schedule,
  Subscription,
  SubscriptionStatus,
  Target,
  TeamDiscussion,
} from './model/index.ts';

export interface SubscriptionInput {
  target: Target;
  schedule: Schedule;
  themes: string[];
  /** "slack:U123", "teams:<aad id>" or "cli" */
  by?: string;
  /** absent: kept as it was (england for a new subscription) */
  nation?: Nation;
  /** absent: kept as it was (on for a new subscription) */
  reminders?: boolean;
}

export interface SubscriptionFilter {
  status?: readonly SubscriptionStatus[];
  /** updatedAt ≥ updatedSince */
  updatedSince?: Date;
}

/** Asks the ledger for the right to make one post. */
export interface DeliveryClaim {
  subscriptionId: string;
  kind: DeliveryKind;
  period: string;
  lessonId?: string;
  reviewId?: string;
  dueAt: Date;
  /** this process, e.g. "host:pid:random" */
  owner: string;
  now: Date;
  /** how long the claim holds, from the claim until the request has been answered */
  leaseMs: number;
}

/** One post's identity in the ledger, with its kind given alongside. */
export interface DeliveryKey {
  subscriptionId: string;
  period: string;
}

export interface DeliveryFilter {
  subscriptionId?: string;
  kind?: DeliveryKind;
  period?: string;
  /** dueAt ≥ since */
  since?: Date;
  /** dueAt ≤ until */
  until?: Date;
  /** any of these states */
  status?: readonly DeliveryStatus[];
}

/**
 * Everything the bot keeps. One contract, several implementations (SQLite through
 * node:sqlite, PostgreSQL through pg), one contract test suite. Every method is
 * atomic on its own; none needs a transaction across calls.
 */
export interface Store {
  /** Inserts a subscription, or updates the one for the same platform, workspace and channel (whatever its status), making it active again; keeps its id and createdAt. */
  saveSubscription(input: SubscriptionInput, now: Date): Promise<Subscription>;
  getSubscription(id: string): Promise<Subscription | undefined>;
  /** the subscription of a platform, workspace and channel, unless removed */
  findSubscription(
    target: Pick<Target, 'platform' | 'workspace' | 'channel'>,
  ): Promise<Subscription | undefined>;
  /**
   * Oldest first; by default every status but `removed`. `updatedSince`: only those whose
   * updatedAt ≥ it (every change to a subscription sets updatedAt), for reading changes.
   */
  listSubscriptions(filter?: SubscriptionFilter): Promise<Subscription[]>;
  /** false when there is no such subscription */
  setSubscriptionStatus(
    id: string,
    status: SubscriptionStatus,
    reason: string | undefined,
    now: Date,
  ): Promise<boolean>;

  /**
   * Atomically: inserts a `claimed` row (attempts 1) when there is none for
   * (subscriptionId, kind, period); or takes over a `retry` row whose nextAttemptAt
   * has come, as `claimed` (attempts + 1, keeping the row's lessonId and reviewId).
   * Otherwise — claimed, sending, sent, gone, failed or in-doubt, lease or no lease —
   * undefined. Nothing is sent while a row is `claimed`; see markSending.
   */
  claimDelivery(claim: DeliveryClaim): Promise<Delivery | undefined>;
  /**
   * `claimed` → `sending`, only for the owner and while its lease holds (the lease is kept,
   * not extended); false otherwise, and then the request must not be made. Called
   * immediately before the request leaves: from here on, a process that dies leaves the
   * row for markInDoubt to call in doubt rather than to send again.
   */
  markSending(id: string, owner: string, now: Date): Promise<boolean>;
  /**
   * Of these (subscriptionId, period) keys of `kind`, the ones with no ledger row at all,
   * in the order given: one indexed lookup per key, however long the ledger has grown.
   */
  findUnclaimed(kind: DeliveryKind, keys: readonly DeliveryKey[]): Promise<DeliveryKey[]>;
  /**
   * `claimed`, `sending` or `in-doubt` → `sent`, only for the owner of the claim; false
   * otherwise. From `in-doubt`: the lease ran out while the request was out, and then the
   * platform's answer came back after all, so the owner knows the post was made.
   */
  completeDelivery(
    id: string,
    owner: string,
    result: { messageRef: string; now: Date },
  ): Promise<boolean>;
  /**
   * `claimed`, `sending` or `in-doubt` → `retry` (with nextAttemptAt), `gone` or `failed`,
   * only for the owner; false otherwise. From `claimed`: the post was refused before sending
   * (no conversation reference, the claim lost) or the message could not be built. From
   * `in-doubt`: the lease ran out while the request was out, and the platform then refused
   * it, so the owner knows nothing was posted.
   */
  failDelivery(
    id: string,
    owner: string,
    failure: {
      status: 'retry' | 'gone' | 'failed';
      error: string;
      nextAttemptAt?: Date;
      now: Date;
    },
  ): Promise<boolean>;
  /**
   * Settles the rows whose lease has run out (their process stopped), and returns them as
   * they now are, ordered by dueAt, then id:
   * - `sending` → `in-doubt`: the request was issued and the platform probably has it;
   * - `claimed` → `retry` with nextAttemptAt = now and no lease (owner and lessonId kept):
   *   nothing was sent, so it is safe to send again.
   */
  markInDoubt(now: Date): Promise<Delivery[]>;
  getDelivery(id: string): Promise<Delivery | undefined>;
  /** ordered by dueAt, then id */
  listDeliveries(filter?: DeliveryFilter): Promise<Delivery[]>;

  /**
   * The broadcast of a review to resume (its latest round), or a new one: round 1 when
   * the review was never published, the next round when `again` is set.
   */
  startBroadcast(input: {
    reviewId: string;
    again: boolean;
    by: string;
    now: Date;
  }): Promise<{ broadcast: Broadcast; created: boolean }>;
  /** newest first */
  listBroadcasts(filter?: { reviewId?: string }): Promise<Broadcast[]>;

  /** Records "Discussed in our team" once per delivery and user; undefined when the delivery does not exist. */
  acknowledge(ack: Acknowledgement): Promise<{ added: boolean; count: number } | undefined>;
  countAcknowledgements(deliveryIds: readonly string[]): Promise<Map<string, number>>;
  listAcknowledgements(filter?: { since?: Date }): Promise<Acknowledgement[]>;

  /**
   * Records that the delivery's team discussed it: the first call (the first press) is the
   * team's, later ones change nothing. Kept apart from `acknowledge` (who pressed), so that
   * deleting person data keeps it. Undefined when the delivery does not exist.
   */
  recordTeamDiscussion(
    deliveryId: string,
    at: Date,
  ): Promise<{ added: boolean; discussedAt: Date } | undefined>;
  /**
   * Saves or replaces the team's plan (trimmed, at most 280 characters, checked by the
   * caller), recording the team's discussion too when there was none. False when the
   * delivery does not exist.
   */
  savePlan(input: { deliveryId: string; plan: string; at: Date }): Promise<boolean>;
  /** oldest first, by when the team first discussed it; `deliveryIds`: only those of these deliveries */
  listTeamDiscussions(filter?: {
    since?: Date;
    deliveryIds?: readonly string[];
  }): Promise<TeamDiscussion[]>;

  /**
   * Saves or replaces a team's answer to "Has it made a difference?" for the original
   * delivery (what changed trimmed, at most 280 characters, checked by the caller). False
   * when the delivery does not exist.
   */
  saveFollowUpAnswer(answer: FollowUpAnswer): Promise<boolean>;
  /** oldest first, by when answered; `since`: answered at or after it */
  listFollowUpAnswers(filter?: { since?: Date }): Promise<FollowUpAnswer[]>;

  audit(entry: AuditEntry): Promise<void>;
  /** oldest first */
  listAudit(filter?: { since?: Date }): Promise<AuditEntry[]>;

  /**
   * Retention: erases the person (who pressed, who published, who subscribed) from every
   * row older than `before`. The rows stay, as the team's record: counts do not change.
   */
  purgePersonData(before: Date): Promise<PersonDataErased>;
  /** Erases one person ("slack:U123", "teams:<id>") from every row that names them; the rows stay. */
  forgetPerson(userId: string): Promise<PersonDataErased>;

  /** Teams conversation references, kept with everything else */
  conversations: ConversationRefs;

  /** review files added through the bot: drafts, and live reviews every replica serves */
  reviews: KeptReviews;

  /**
   * Resolves when the database answers and accepts a write (nothing is kept), for
   * readiness; rejects otherwise (unreachable, read-only, full).
   */
  ping(): Promise<void>;

  close(): Promise<void>;
}

/** How many rows of each kind no longer name a person after an erasure. */
export interface PersonDataErased {
  acknowledgements: number;
  auditEntries: number;
  subscriptions: number;
  broadcasts: number;
  reviews: number;
}

/** What "Discussed in our team" and the team's plan need: the ledger, discussions and plans. */
export type AcknowledgementStore = Pick<
  Store,
  | 'getDelivery'
  | 'getSubscription'
  | 'acknowledge'
  | 'recordTeamDiscussion'
  | 'savePlan'
  | 'listTeamDiscussions'
  | 'saveFollowUpAnswer'
>;

/** What resuming a paused subscription needs. */
export type ResumableStore = Pick<Store, 'findSubscription' | 'setSubscriptionStatus' | 'audit'>;

/**
 * What a platform said about a post. A Notifier never throws for a platform's answer:
 * it sorts it into an outcome the delivery runner can act on.
 */
export type PostResult =
  | { ok: true; messageRef: string }
  | {
      ok: false;
      /**
       * `paused`: the bot is not in the channel (never invited, or removed): the subscription
       * waits until it is back; `gone`: the channel itself is gone (deleted, archived, the app
       * uninstalled); `retry`: try later (429, 5xx, network); `failed`: refused for good
       */
      outcome: 'paused' | 'gone' | 'retry' | 'failed';
      /** what went wrong, for the ledger and the logs: never a token or a user's text */
      error: string;
      /** the platform's Retry-After, when it gave one */
      retryAfterMs?: number;
    };

/** A platform's refusal: a PostResult that is not ok. */
export type PostFailure = Extract<PostResult, { ok: false }>;

/** A post rendered and addressed by Notifier.prepare, ready to go. */
export interface PreparedPost {
  ok: true;
  /**
   * Issues the request, in the same turn as the call (nothing awaited first), and sorts the
   * platform's answer. The runner marks the ledger row `sending` immediately before this.
   */
  send(): Promise<PostResult>;
}

/** Posts briefings and announcements to channels; one per platform, routed by target.platform. */
export interface Notifier {
  /**
   * Everything before the request: rendering and whatever must be looked up first (a Teams
   * conversation reference). No side effects: a post prepared and never sent leaves no trace.
   * A refusal (no reference, no credentials) is sent nothing and is final for this attempt.
   */
  prepare(target: Target, message: OutgoingMessage): Promise<PreparedPost | PostFailure>;
  /** Re-renders a posted message in place (e.g. a new acknowledgement count). */
  update(target: Target, messageRef: string, message: OutgoingMessage): Promise<PostResult>;
  /**
   * Why nothing could be posted to the target now, asked when a channel subscribes: the
   * platform's reason (e.g. "not_in_channel"), or undefined when it can post or cannot
   * tell. Absent: never asked.
   */
  unreachable?(target: Target): Promise<string | undefined>;
  /**
   * Why this process cannot post to a platform at all (its credentials are not set), in
   * words that say what to set; undefined when it can. Nothing is claimed for such a post:
   * it is not a passing fault to retry, and another process (or this one, configured) can
   * still make it. Absent: every platform is configured.
   */
  notConfigured?(platform: Platform): string | undefined;
}

/** The time, injected so that tests can run a year of Mondays in a second. */
export type Clock = () => Date;

/**
 * Counters and timings for operators (Prometheus in production). Labels are fixed
 * vocabularies — a command kind, an outcome — never a user's text.
 */
export interface Metrics {
  /** a command answered at a front door */
  commandHandled(frontDoor: 'slack' | 'teams' | 'cli' | 'console', command: string): void;
  /** how long one search took */
  searchTimed(seconds: number): void;
  /** how a post ended in the ledger */
  deliveryOutcome(
    kind: DeliveryKind,
    outcome: 'sent' | 'retry' | 'gone' | 'failed' | 'in-doubt',
  ): void;
  /** a platform API refused or failed, e.g. ("slack", "ratelimited") */
  platformError(platform: 'slack' | 'teams', error: string): void;
}

/** Metrics that go nowhere: the default for tests and the command line. */
export const noMetrics: Metrics = {
  commandHandled() {},
  searchTimed() {},
  deliveryOutcome() {},
  platformError() {},
};
