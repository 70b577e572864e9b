import type {
  Acknowledgement,
  AuditEntry,
  Broadcast,
  ConversationRef,
  Delivery,
  Nation,
  Subscription,
} from '../core/index.ts';

/** A row as a driver returns it, columns named as in the migrations. */
export type Row = Record<string, unknown>;

/** How a dialect's column values become JavaScript values. */
export interface Decode {
  date(value: unknown): Date;
  /** a list of strings (JSON text in SQLite, text[] in PostgreSQL) */
  strings(value: unknown): string[];
  /** a JSON object (text in SQLite; pg parses json itself) */
  object(value: unknown): Record<string, unknown>;
}

export function toSubscription(row: Row, decode: Decode): Subscription {
  const label = optional(row.label);
  const statusReason = optional(row.status_reason);
  const createdBy = optional(row.created_by);
  const nation = optional(row.nation);
  const reminders = optional(row.reminders);
  return {
    id: text(row.id),
    target: {
      platform: text(row.platform) as Subscription['target']['platform'],
      workspace: text(row.workspace),
      channel: text(row.channel),
      ...(label === undefined ? {} : { label }),
    },
    schedule: {
      day: Number(row.day) as Subscription['schedule']['day'],
      time: text(row.time),
      timezone: text(row.timezone),
    },
    themes: decode.strings(row.themes),
    status: text(row.status) as Subscription['status'],
    ...(statusReason === undefined ? {} : { statusReason }),
    createdAt: decode.date(row.created_at),
    updatedAt: decode.date(row.updated_at),
    ...(createdBy === undefined ? {} : { createdBy }),
    ...(nation === undefined ? {} : { nation: nation as Nation }),
    ...(reminders === undefined ? {} : { reminders: reminders === 'on' }),
  };
}

export function toDelivery(row: Row, decode: Decode): Delivery {
  const delivery: Delivery = {
    id: text(row.id),
    subscriptionId: text(row.subscription_id),
    kind: text(row.kind) as Delivery['kind'],
    period: text(row.period),
    status: text(row.status) as Delivery['status'],
    attempts: Number(row.attempts),
    dueAt: decode.date(row.due_at),
    updatedAt: decode.date(row.updated_at),
  };
  const lessonId = optional(row.lesson_id);
  const reviewId = optional(row.review_id);
  const owner = optional(row.owner);
  const messageRef = optional(row.message_ref);
  const error = optional(row.error);
  if (lessonId !== undefined) delivery.lessonId = lessonId;
  if (reviewId !== undefined) delivery.reviewId = reviewId;
  if (owner !== undefined) delivery.owner = owner;
  if (row.lease_until != null) delivery.leaseUntil = decode.date(row.lease_until);
  if (row.next_attempt_at != null) delivery.nextAttemptAt = decode.date(row.next_attempt_at);
  if (row.sent_at != null) delivery.sentAt = decode.date(row.sent_at);
  if (messageRef !== undefined) delivery.messageRef = messageRef;
  if (error !== undefined) delivery.error = error;
  return delivery;
}

export function toBroadcast(row: Row, decode: Decode): Broadcast {
  return {
    id: text(row.id),
    reviewId: text(row.review_id),
    round: Number(row.round),
    createdAt: decode.date(row.created_at),
    createdBy: text(row.created_by),
  };
}

export function toAcknowledgement(row: Row, decode: Decode): Acknowledgement {
  return { deliveryId: text(row.delivery_id), userId: text(row.user_id), at: decode.date(row.at) };
}

export function toAuditEntry(row: Row, decode: Decode): AuditEntry {
  return {
    at: decode.date(row.at),
    actor: text(row.actor),
    action: text(row.action),
    detail: decode.object(row.detail),
  };
}

export function toConversationRef(row: Row): ConversationRef {
  const ref: ConversationRef = {
    platform: 'teams',
    tenantId: text(row.tenant_id),
    conversationId: text(row.conversation_id),
    conversationType: text(row.conversation_type) as ConversationRef['conversationType'],
    serviceUrl: text(row.service_url),
    updatedAt: text(row.updated_at),
  };
  const teamId = optional(row.team_id);
  const channelId = optional(row.channel_id);
  if (teamId !== undefined) ref.teamId = teamId;
  if (channelId !== undefined) ref.channelId = channelId;
  return ref;
}

function text(value: unknown): string {
  if (typeof value !== 'string') throw new TypeError(`expected a text column, got ${typeof value}`);
  return value;
}

/** NULL → undefined, so that absent optional fields stay absent */
function optional(value: unknown): string | undefined {
  return value === null || value === undefined ? undefined : text(value);
}
