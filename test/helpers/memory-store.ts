import { randomUUID } from 'node:crypto';
import { MemoryConversationRefs } from '../../src/adapters/teams/memory-conversation-refs.ts';
import type {
  Acknowledgement,
  AuditEntry,
  Broadcast,
  Delivery,
  DeliveryClaim,
  DeliveryFilter,
  DeliveryKey,
  DeliveryKind,
  FollowUpAnswer,
  PersonDataErased,
  Store,
  Subscription,
  SubscriptionFilter,
  SubscriptionInput,
  SubscriptionStatus,
  Target,
  TeamDiscussion,
} from '../../src/core/index.ts';
import { MemoryKeptReviews } from './memory-kept-reviews.ts';

/**
 * The Store port in memory, written from its doc comments, for unit tests. Every method
 * is atomic (nothing awaits between its read and its write) and returns copies, as a
 * database would, so a caller cannot change what is stored by changing what it got.
 */

const copyDates = <T extends object>(value: T): T => structuredClone(value);

function byDueThenId(a: Delivery, b: Delivery): number {
  return a.dueAt.getTime() - b.dueAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function sameTarget(a: Target, b: Pick<Target, 'platform' | 'workspace' | 'channel'>): boolean {
  return a.platform === b.platform && a.workspace === b.workspace && a.channel === b.channel;
}

function matches(d: Delivery, filter: DeliveryFilter): boolean {
  return (
    (filter.subscriptionId === undefined || d.subscriptionId === filter.subscriptionId) &&
    (filter.kind === undefined || d.kind === filter.kind) &&
    (filter.period === undefined || d.period === filter.period) &&
    (filter.since === undefined || d.dueAt.getTime() >= filter.since.getTime()) &&
    (filter.until === undefined || d.dueAt.getTime() <= filter.until.getTime()) &&
    (filter.status === undefined || filter.status.includes(d.status))
  );
}

/** The same words as the SQL stores' (src/store/sql/ledger.ts), so that tests can compare. */
const LAPSED_CLAIM = 'the claim lapsed before the request was made; nothing was sent';

/** A dead lease: a request was issued (in doubt), or none was (handed back to retry). */
function settleDeadLease(d: Delivery, now: Date): Delivery {
  if (d.status === 'sending') return { ...d, status: 'in-doubt', updatedAt: now };
  const { leaseUntil: _lapsed, ...rest } = d;
  return { ...rest, status: 'retry', nextAttemptAt: now, error: LAPSED_CLAIM, updatedAt: now };
}

/** Drops the optional fields that are undefined, as exactOptionalPropertyTypes wants. */
function withoutUndefined<T extends object>(value: { [K in keyof T]: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** A value that names a person, as src/store/sql/person-data.ts tells them: not one erased. */
export function namesPerson(id: string | undefined): id is string {
  return /^(slack|teams):/.test(id ?? '') && id !== 'slack:erased' && id !== 'teams:erased';
}

const erasedActor = (id: string) => (id.startsWith('teams:') ? 'teams:erased' : 'slack:erased');

export class MemoryStore implements Store {
  readonly conversations = new MemoryConversationRefs();
  readonly reviews = new MemoryKeptReviews();
  readonly #subscriptions = new Map<string, Subscription>();
  readonly #deliveries = new Map<string, Delivery>();
  readonly #broadcasts: Broadcast[] = [];
  readonly #acks: Acknowledgement[] = [];
  readonly #discussions = new Map<string, TeamDiscussion>();
  readonly #answers = new Map<string, FollowUpAnswer>();
  readonly #audit: AuditEntry[] = [];
  #ids = 0;
  #closed = false;

  /** Zero-padded, so that ids sort in the order they were made. */
  #id(prefix: string): string {
    this.#ids += 1;
    return `${prefix}-${String(this.#ids).padStart(8, '0')}`;
  }

  #open(): void {
    if (this.#closed) throw new Error('the memory store is closed');
  }

  async saveSubscription(input: SubscriptionInput, now: Date): Promise<Subscription> {
    this.#open();
    const existing = [...this.#subscriptions.values()].find((s) =>
      sameTarget(s.target, input.target),
    );
    const label = input.target.label ?? existing?.target.label;
    const createdBy = existing ? existing.createdBy : input.by;
    const saved = withoutUndefined<Subscription>({
      id: existing?.id ?? this.#id('sub'),
      target: withoutUndefined<Target>({ ...input.target, label }),
      schedule: { ...input.schedule },
      themes: [...input.themes],
      status: 'active' as const,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
      createdBy,
      nation: input.nation ?? existing?.nation,
      reminders: input.reminders ?? existing?.reminders,
    });
    this.#subscriptions.set(saved.id, saved);
    return copyDates(saved);
  }

  async getSubscription(id: string): Promise<Subscription | undefined> {
    this.#open();
    const found = this.#subscriptions.get(id);
    return found && copyDates(found);
  }

  async findSubscription(
    target: Pick<Target, 'platform' | 'workspace' | 'channel'>,
  ): Promise<Subscription | undefined> {
    this.#open();
    const found = [...this.#subscriptions.values()].find(
      (s) => sameTarget(s.target, target) && s.status !== 'removed',
    );
    return found && copyDates(found);
  }

  async listSubscriptions(filter: SubscriptionFilter = {}): Promise<Subscription[]> {
    this.#open();
    const statuses = filter.status ?? ['active', 'paused', 'inactive'];
    const since = filter.updatedSince?.getTime() ?? Number.NEGATIVE_INFINITY;
    return [...this.#subscriptions.values()]
      .filter((s) => statuses.includes(s.status) && s.updatedAt.getTime() >= since)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
      .map(copyDates);
  }

  async setSubscriptionStatus(
    id: string,
    status: SubscriptionStatus,
    reason: string | undefined,
    now: Date,
  ): Promise<boolean> {
    this.#open();
    const found = this.#subscriptions.get(id);
    if (!found) return false;
    const { statusReason: _dropped, ...rest } = found;
    this.#subscriptions.set(id, {
      ...rest,
      status,
      updatedAt: now,
      ...(reason === undefined ? {} : { statusReason: reason }),
    });
    return true;
  }

  async claimDelivery(claim: DeliveryClaim): Promise<Delivery | undefined> {
    this.#open();
    const leaseUntil = new Date(claim.now.getTime() + claim.leaseMs);
    const existing = [...this.#deliveries.values()].find(
      (d) =>
        d.subscriptionId === claim.subscriptionId &&
        d.kind === claim.kind &&
        d.period === claim.period,
    );
    if (!existing) return this.#insertClaim(claim, leaseUntil);
    const due = existing.nextAttemptAt?.getTime() ?? 0;
    if (existing.status !== 'retry' || due > claim.now.getTime()) return undefined;
    const { nextAttemptAt: _done, ...rest } = existing;
    const taken: Delivery = {
      ...rest,
      status: 'claimed',
      attempts: existing.attempts + 1,
      owner: claim.owner,
      leaseUntil,
      updatedAt: claim.now,
    };
    this.#deliveries.set(taken.id, taken);
    return copyDates(taken);
  }

  #insertClaim(claim: DeliveryClaim, leaseUntil: Date): Delivery {
    const row = withoutUndefined<Delivery>({
      id: this.#id('dlv'),
      subscriptionId: claim.subscriptionId,
      kind: claim.kind,
      period: claim.period,
      lessonId: claim.lessonId,
      reviewId: claim.reviewId,
      status: 'claimed' as const,
      attempts: 1,
      dueAt: claim.dueAt,
      owner: claim.owner,
      leaseUntil,
      updatedAt: claim.now,
    });
    this.#deliveries.set(row.id, row);
    return copyDates(row);
  }

  /** The row, when it is `claimed` or `sending` under this owner's claim. */
  #owned(id: string, owner: string): Delivery | undefined {
    const found = this.#deliveries.get(id);
    const live = found?.status === 'claimed' || found?.status === 'sending';
    return live && found.owner === owner ? found : undefined;
  }

  /** The owner's row it may still settle: live, or put in doubt while its request was out. */
  #settleable(id: string, owner: string): Delivery | undefined {
    const found = this.#deliveries.get(id);
    if (found?.status === 'in-doubt' && found.owner === owner) return found;
    return this.#owned(id, owner);
  }

  async markSending(id: string, owner: string, now: Date): Promise<boolean> {
    this.#open();
    const found = this.#owned(id, owner);
    const leased = (found?.leaseUntil?.getTime() ?? 0) > now.getTime();
    if (found?.status !== 'claimed' || !leased) return false;
    this.#deliveries.set(id, { ...found, status: 'sending', updatedAt: now });
    return true;
  }

  async findUnclaimed(kind: DeliveryKind, keys: readonly DeliveryKey[]): Promise<DeliveryKey[]> {
    this.#open();
    const taken = new Set(
      [...this.#deliveries.values()]
        .filter((d) => d.kind === kind)
        .map((d) => JSON.stringify([d.subscriptionId, d.period])),
    );
    return keys
      .filter((k) => !taken.has(JSON.stringify([k.subscriptionId, k.period])))
      .map((k) => ({ subscriptionId: k.subscriptionId, period: k.period }));
  }

  async completeDelivery(
    id: string,
    owner: string,
    result: { messageRef: string; now: Date },
  ): Promise<boolean> {
    this.#open();
    const found = this.#settleable(id, owner);
    if (!found) return false;
    const { leaseUntil: _gone, ...rest } = found;
    this.#deliveries.set(id, {
      ...rest,
      status: 'sent',
      sentAt: result.now,
      messageRef: result.messageRef,
      updatedAt: result.now,
    });
    return true;
  }

  async failDelivery(
    id: string,
    owner: string,
    failure: {
      status: 'retry' | 'gone' | 'failed';
      error: string;
      nextAttemptAt?: Date;
      now: Date;
    },
  ): Promise<boolean> {
    this.#open();
    const found = this.#settleable(id, owner);
    if (!found) return false;
    const { leaseUntil: _gone, nextAttemptAt: _old, ...rest } = found;
    // A retry without a time may be taken over at once, as the SQL stores do.
    const next = failure.status === 'retry' ? (failure.nextAttemptAt ?? failure.now) : undefined;
    this.#deliveries.set(id, {
      ...rest,
      status: failure.status,
      error: failure.error,
      updatedAt: failure.now,
      ...(next ? { nextAttemptAt: next } : {}),
    });
    return true;
  }

  async markInDoubt(now: Date): Promise<Delivery[]> {
    this.#open();
    const stale = [...this.#deliveries.values()].filter(
      (d) =>
        (d.status === 'sending' || d.status === 'claimed') &&
        (d.leaseUntil?.getTime() ?? 0) <= now.getTime(),
    );
    for (const d of stale) this.#deliveries.set(d.id, settleDeadLease(d, now));
    return stale.map((d) => copyDates(this.#deliveries.get(d.id) ?? d)).sort(byDueThenId);
  }

  async getDelivery(id: string): Promise<Delivery | undefined> {
    this.#open();
    const found = this.#deliveries.get(id);
    return found && copyDates(found);
  }

  async listDeliveries(filter: DeliveryFilter = {}): Promise<Delivery[]> {
    this.#open();
    return [...this.#deliveries.values()]
      .filter((d) => matches(d, filter))
      .sort(byDueThenId)
      .map(copyDates);
  }

  async startBroadcast(input: {
    reviewId: string;
    again: boolean;
    by: string;
    now: Date;
  }): Promise<{ broadcast: Broadcast; created: boolean }> {
    this.#open();
    const latest = this.#broadcasts
      .filter((b) => b.reviewId === input.reviewId)
      .sort((a, b) => b.round - a.round)[0];
    if (latest && !input.again) return { broadcast: copyDates(latest), created: false };
    const broadcast: Broadcast = {
      id: this.#id('bc'),
      reviewId: input.reviewId,
      round: (latest?.round ?? 0) + 1,
      createdAt: input.now,
      createdBy: input.by,
    };
    this.#broadcasts.push(broadcast);
    return { broadcast: copyDates(broadcast), created: true };
  }

  async listBroadcasts(filter: { reviewId?: string } = {}): Promise<Broadcast[]> {
    this.#open();
    return this.#broadcasts
      .filter((b) => filter.reviewId === undefined || b.reviewId === filter.reviewId)
      .sort(
        (a, b) =>
          b.createdAt.getTime() - a.createdAt.getTime() ||
          b.round - a.round ||
          a.reviewId.localeCompare(b.reviewId),
      )
      .map(copyDates);
  }

  async acknowledge(ack: Acknowledgement): Promise<{ added: boolean; count: number } | undefined> {
    this.#open();
    if (!this.#deliveries.has(ack.deliveryId)) return undefined;
    const already = this.#acks.some(
      (a) => a.deliveryId === ack.deliveryId && a.userId === ack.userId,
    );
    if (!already) this.#acks.push(copyDates(ack));
    const count = this.#acks.filter((a) => a.deliveryId === ack.deliveryId).length;
    return { added: !already, count };
  }

  async countAcknowledgements(deliveryIds: readonly string[]): Promise<Map<string, number>> {
    this.#open();
    const counts = new Map<string, number>(deliveryIds.map((id) => [id, 0]));
    for (const a of this.#acks) {
      const n = counts.get(a.deliveryId);
      if (n !== undefined) counts.set(a.deliveryId, n + 1);
    }
    return counts;
  }

  async listAcknowledgements(filter: { since?: Date } = {}): Promise<Acknowledgement[]> {
    this.#open();
    return this.#acks
      .filter((a) => filter.since === undefined || a.at.getTime() >= filter.since.getTime())
      .sort(
        (a, b) =>
          a.at.getTime() - b.at.getTime() ||
          a.deliveryId.localeCompare(b.deliveryId) ||
          a.userId.localeCompare(b.userId),
      )
      .map(copyDates);
  }

  async recordTeamDiscussion(
    deliveryId: string,
    at: Date,
  ): Promise<{ added: boolean; discussedAt: Date } | undefined> {
    this.#open();
    if (!this.#deliveries.has(deliveryId)) return undefined;
    const found = this.#discussions.get(deliveryId);
    if (found) return { added: false, discussedAt: new Date(found.discussedAt) };
    this.#discussions.set(deliveryId, { deliveryId, discussedAt: new Date(at) });
    return { added: true, discussedAt: new Date(at) };
  }

  async savePlan(input: { deliveryId: string; plan: string; at: Date }): Promise<boolean> {
    this.#open();
    if (!this.#deliveries.has(input.deliveryId)) return false;
    const found = this.#discussions.get(input.deliveryId);
    this.#discussions.set(input.deliveryId, {
      deliveryId: input.deliveryId,
      discussedAt: new Date(found?.discussedAt ?? input.at),
      plan: input.plan,
      plannedAt: new Date(input.at),
    });
    return true;
  }

  async listTeamDiscussions(
    filter: { since?: Date; deliveryIds?: readonly string[] } = {},
  ): Promise<TeamDiscussion[]> {
    this.#open();
    return [...this.#discussions.values()]
      .filter((d) => filter.since === undefined || d.discussedAt >= filter.since)
      .filter((d) => filter.deliveryIds === undefined || filter.deliveryIds.includes(d.deliveryId))
      .sort(
        (a, b) =>
          a.discussedAt.getTime() - b.discussedAt.getTime() ||
          a.deliveryId.localeCompare(b.deliveryId),
      )
      .map(copyDates);
  }

  async saveFollowUpAnswer(answer: FollowUpAnswer): Promise<boolean> {
    this.#open();
    if (!this.#deliveries.has(answer.deliveryId)) return false;
    this.#answers.set(answer.deliveryId, copyDates(answer));
    return true;
  }

  async listFollowUpAnswers(filter: { since?: Date } = {}): Promise<FollowUpAnswer[]> {
    this.#open();
    return [...this.#answers.values()]
      .filter((a) => filter.since === undefined || a.answeredAt >= filter.since)
      .sort(
        (a, b) =>
          a.answeredAt.getTime() - b.answeredAt.getTime() ||
          a.deliveryId.localeCompare(b.deliveryId),
      )
      .map(copyDates);
  }

  async audit(entry: AuditEntry): Promise<void> {
    this.#open();
    this.#audit.push(copyDates(entry));
  }

  async listAudit(filter: { since?: Date } = {}): Promise<AuditEntry[]> {
    this.#open();
    // A stable sort keeps entries of the same instant in the order they were written.
    return this.#audit
      .filter((e) => filter.since === undefined || e.at.getTime() >= filter.since.getTime())
      .sort((a, b) => a.at.getTime() - b.at.getTime())
      .map(copyDates);
  }

  async purgePersonData(before: Date): Promise<PersonDataErased> {
    this.#open();
    return this.#erase((_id, at) => at.getTime() < before.getTime());
  }

  async forgetPerson(userId: string): Promise<PersonDataErased> {
    this.#open();
    return this.#erase((id) => id === userId);
  }

  /** The person goes, the row stays; an acknowledgement keeps a random id, so counts stay. */
  #erase(match: (id: string, at: Date) => boolean): PersonDataErased {
    const hit = (id: string | undefined, at: Date): id is string =>
      namesPerson(id) && match(id, at);
    const erased = { acknowledgements: 0, auditEntries: 0, subscriptions: 0, broadcasts: 0 };
    this.#acks.forEach((a, i) => {
      if (!hit(a.userId, a.at)) return;
      this.#acks[i] = { ...a, userId: `erased:${randomUUID()}` };
      erased.acknowledgements += 1;
    });
    this.#audit.forEach((e, i) => {
      if (!hit(e.actor, e.at)) return;
      this.#audit[i] = { ...e, actor: erasedActor(e.actor) };
      erased.auditEntries += 1;
    });
    for (const [id, sub] of this.#subscriptions) {
      if (!hit(sub.createdBy, sub.createdAt)) continue;
      const { createdBy: _erased, ...rest } = sub;
      this.#subscriptions.set(id, rest);
      erased.subscriptions += 1;
    }
    this.#broadcasts.forEach((b, i) => {
      if (!hit(b.createdBy, b.createdAt)) return;
      this.#broadcasts[i] = { ...b, createdBy: erasedActor(b.createdBy) };
      erased.broadcasts += 1;
    });
    return { ...erased, reviews: this.reviews.erasePeople(hit) };
  }

  async ping(): Promise<void> {
    this.#open();
  }

  async close(): Promise<void> {
    this.#closed = true;
  }
}

/** A fresh, empty memory store. */
export function memoryStore(): MemoryStore {
  return new MemoryStore();
}
