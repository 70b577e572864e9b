import type {
  Acknowledgement,
  AuditEntry,
  Broadcast,
  ConversationRefs,
  Delivery,
  DeliveryClaim,
  DeliveryFilter,
  DeliveryKey,
  DeliveryKind,
  FollowUpAnswer,
  KeptReviews,
  PersonDataErased,
  Store,
  Subscription,
  SubscriptionFilter,
  SubscriptionInput,
  SubscriptionStatus,
  Target,
  TeamDiscussion,
} from '../../core/index.ts';
import * as acks from './acknowledgements.ts';
import * as auditLog from './audit.ts';
import * as broadcasts from './broadcasts.ts';
import { SqlConversationRefs } from './conversation-refs.ts';
import * as followUps from './follow-up-answers.ts';
import { SqlKeptReviews } from './kept-reviews.ts';
import * as ledger from './ledger.ts';
import * as personData from './person-data.ts';
import { keepIds, type Pseudonymise, personKey, pseudonymiser } from './person-key.ts';
import type { SqlDb } from './sql-db.ts';
import * as subscriptions from './subscriptions.ts';
import * as teams from './team-discussions.ts';

/**
 * The Store on a migrated database. `pseudonyms`: people's ids are kept as keyed pseudonyms
 * (PERSON_KEY, or a random key kept in the database), and ids kept before are replaced;
 * absent: ids are kept as given, for tests and tools that read the rows themselves.
 */
export async function openSqlStore(
  db: SqlDb,
  pseudonyms: { key?: string } | undefined,
): Promise<SqlStore> {
  if (pseudonyms === undefined) return new SqlStore(db);
  try {
    const person = pseudonymiser(await personKey(db, pseudonyms.key));
    await personData.pseudonymiseKept(db, person);
    return new SqlStore(db, person);
  } catch (error) {
    await db.close();
    throw error;
  }
}

/**
 * The Store on any SQL database that speaks `INSERT … ON CONFLICT` and `RETURNING`
 * (SQLite ≥ 3.35, PostgreSQL ≥ 9.5). The dialect differences live in SqlDb.
 */
export class SqlStore implements Store {
  readonly conversations: ConversationRefs;
  readonly reviews: KeptReviews;
  readonly #db: SqlDb;
  /** applied to every person's id on its way in: the one place pseudonyms are made */
  readonly #person: Pseudonymise;
  #closed: Promise<void> | undefined;

  constructor(db: SqlDb, person: Pseudonymise = keepIds) {
    this.#db = db;
    this.#person = person;
    this.conversations = new SqlConversationRefs(db);
    this.reviews = new SqlKeptReviews(db, person);
  }

  saveSubscription(input: SubscriptionInput, now: Date): Promise<Subscription> {
    const by = input.by === undefined ? {} : { by: this.#person(input.by) };
    return subscriptions.saveSubscription(this.#db, { ...input, ...by }, now);
  }

  getSubscription(id: string): Promise<Subscription | undefined> {
    return subscriptions.getSubscription(this.#db, id);
  }

  findSubscription(
    target: Pick<Target, 'platform' | 'workspace' | 'channel'>,
  ): Promise<Subscription | undefined> {
    return subscriptions.findSubscription(this.#db, target);
  }

  listSubscriptions(filter?: SubscriptionFilter): Promise<Subscription[]> {
    return subscriptions.listSubscriptions(this.#db, filter);
  }

  setSubscriptionStatus(
    id: string,
    status: SubscriptionStatus,
    reason: string | undefined,
    now: Date,
  ): Promise<boolean> {
    return subscriptions.setSubscriptionStatus(this.#db, id, status, reason, now);
  }

  claimDelivery(claim: DeliveryClaim): Promise<Delivery | undefined> {
    return ledger.claimDelivery(this.#db, claim);
  }

  markSending(id: string, owner: string, now: Date): Promise<boolean> {
    return ledger.markSending(this.#db, id, owner, now);
  }

  findUnclaimed(kind: DeliveryKind, keys: readonly DeliveryKey[]): Promise<DeliveryKey[]> {
    return ledger.findUnclaimed(this.#db, kind, keys);
  }

  completeDelivery(
    id: string,
    owner: string,
    result: { messageRef: string; now: Date },
  ): Promise<boolean> {
    return ledger.completeDelivery(this.#db, id, owner, result);
  }

  failDelivery(
    id: string,
    owner: string,
    failure: {
      status: 'retry' | 'gone' | 'failed';
      error: string;
      nextAttemptAt?: Date;
      now: Date;
    },
  ): Promise<boolean> {
    return ledger.failDelivery(this.#db, id, owner, failure);
  }

  markInDoubt(now: Date): Promise<Delivery[]> {
    return ledger.markInDoubt(this.#db, now);
  }

  getDelivery(id: string): Promise<Delivery | undefined> {
    return ledger.getDelivery(this.#db, id);
  }

  listDeliveries(filter?: DeliveryFilter): Promise<Delivery[]> {
    return ledger.listDeliveries(this.#db, filter);
  }

  startBroadcast(input: {
    reviewId: string;
    again: boolean;
    by: string;
    now: Date;
  }): Promise<{ broadcast: Broadcast; created: boolean }> {
    return broadcasts.startBroadcast(this.#db, { ...input, by: this.#person(input.by) });
  }

  listBroadcasts(filter?: { reviewId?: string }): Promise<Broadcast[]> {
    return broadcasts.listBroadcasts(this.#db, filter);
  }

  acknowledge(ack: Acknowledgement): Promise<{ added: boolean; count: number } | undefined> {
    return acks.acknowledge(this.#db, { ...ack, userId: this.#person(ack.userId) });
  }

  countAcknowledgements(deliveryIds: readonly string[]): Promise<Map<string, number>> {
    return acks.countAcknowledgements(this.#db, deliveryIds);
  }

  listAcknowledgements(filter?: { since?: Date }): Promise<Acknowledgement[]> {
    return acks.listAcknowledgements(this.#db, filter);
  }

  recordTeamDiscussion(
    deliveryId: string,
    at: Date,
  ): Promise<{ added: boolean; discussedAt: Date } | undefined> {
    return teams.recordTeamDiscussion(this.#db, deliveryId, at);
  }

  savePlan(input: { deliveryId: string; plan: string; at: Date }): Promise<boolean> {
    return teams.savePlan(this.#db, input);
  }

  listTeamDiscussions(filter?: {
    since?: Date;
    deliveryIds?: readonly string[];
  }): Promise<TeamDiscussion[]> {
    return teams.listTeamDiscussions(this.#db, filter);
  }

  saveFollowUpAnswer(answer: FollowUpAnswer): Promise<boolean> {
    return followUps.saveFollowUpAnswer(this.#db, answer);
  }

  listFollowUpAnswers(filter?: { since?: Date }): Promise<FollowUpAnswer[]> {
    return followUps.listFollowUpAnswers(this.#db, filter);
  }

  audit(entry: AuditEntry): Promise<void> {
    return auditLog.audit(this.#db, { ...entry, actor: this.#person(entry.actor) });
  }

  listAudit(filter?: { since?: Date }): Promise<AuditEntry[]> {
    return auditLog.listAudit(this.#db, filter);
  }

  purgePersonData(before: Date): Promise<PersonDataErased> {
    return personData.purgePersonData(this.#db, before);
  }

  forgetPerson(userId: string): Promise<PersonDataErased> {
    return personData.forgetPerson(this.#db, this.#person(userId));
  }

  /**
   * An UPDATE that matches no row: both databases refuse it when they cannot write
   * (SQLite: "attempt to write a readonly database"; PostgreSQL: a read-only transaction),
   * and it changes nothing when they can.
   */
  async ping(): Promise<void> {
    await this.#db.query('UPDATE schema_version SET description = description WHERE version < 0');
  }

  /** Safe to call more than once: a shutdown path and a test's afterEach may both call it. */
  close(): Promise<void> {
    this.#closed ??= this.#db.close();
    return this.#closed;
  }
}
