import type {
  Delivery,
  DeliveryClaim,
  Store,
  Subscription,
  SubscriptionInput,
} from '../../../src/core/index.ts';

/** A Monday 09:00 in London (GMT in November). */
export const T0 = new Date('2026-11-23T09:00:00.000Z');

export const LEASE_MS = 60_000;

/** T0 plus some minutes (and optionally milliseconds, to check precision) */
export function minutes(n: number, ms = 0): Date {
  return new Date(T0.getTime() + n * 60_000 + ms);
}

/** Gives each contract test the store it should use (opened fresh for that test). */
export type StoreOf = () => Store;

export function subscriptionInput(
  channel = 'C1',
  overrides: Partial<SubscriptionInput> = {},
): SubscriptionInput {
  return {
    target: { platform: 'slack', workspace: 'T1', channel, label: `#team-${channel}` },
    schedule: { day: 1, time: '09:00', timezone: 'Europe/London' },
    themes: ['chronologies', 'voice-of-the-child'],
    by: 'slack:U1',
    ...overrides,
  };
}

export async function subscribe(store: Store, channel = 'C1', now = T0): Promise<Subscription> {
  return store.saveSubscription(subscriptionInput(channel), now);
}

export function claimOf(
  subscriptionId: string,
  overrides: Partial<DeliveryClaim> = {},
): DeliveryClaim {
  return {
    subscriptionId,
    kind: 'briefing',
    period: '2026-W48',
    lessonId: 'croydon-claire/1',
    dueAt: T0,
    owner: 'host-a:101:aaaa',
    now: T0,
    leaseMs: LEASE_MS,
    ...overrides,
  };
}

/** A claimed delivery, failing the test if the claim was refused. */
export async function claimed(store: Store, claim: DeliveryClaim): Promise<Delivery> {
  const delivery = await store.claimDelivery(claim);
  if (!delivery) throw new Error(`claim of ${claim.period} was refused`);
  return delivery;
}

/** A claimed delivery that its owner has marked `sending`: its request is on its way. */
export async function sending(store: Store, claim: DeliveryClaim): Promise<Delivery> {
  const delivery = await claimed(store, claim);
  if (!(await store.markSending(delivery.id, claim.owner, claim.now))) {
    throw new Error(`markSending of ${claim.period} was refused`);
  }
  return { ...delivery, status: 'sending', updatedAt: claim.now };
}

/** A subscription and a sent briefing under it: something to acknowledge. */
export async function sentDelivery(
  store: Store,
  channel = 'C1',
  period = '2026-W48',
): Promise<Delivery> {
  const sub = await subscribe(store, channel);
  const delivery = await claimed(store, claimOf(sub.id, { period }));
  await store.completeDelivery(delivery.id, delivery.owner ?? '', {
    messageRef: 'C1/1.2',
    now: T0,
  });
  return delivery;
}
