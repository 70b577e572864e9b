/**
 * What runDue asks of the store: a fixed handful of bulk statements whatever the number of
 * subscriptions and weeks, plus a history read only for a week that is due and unclaimed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type DeliveryHarness, deliveryHarness } from '../../../test/helpers/delivery-harness.ts';
import { STORE_KINDS } from '../../../test/helpers/delivery-stores.ts';
import type { Store } from '../ports.ts';

const FRIDAY = '2026-11-20T12:00:00Z';
const MONDAY_0905 = '2026-11-23T09:05:00Z';
const WEEK = 7 * 24 * 3_600_000;

/** Counts the calls made to each Store method, and what the list methods were asked. */
function counting(store: Store) {
  const calls = new Map<string, number>();
  const filters: unknown[] = [];
  const listed: unknown[] = [];
  const keys: number[] = [];
  const methods = [
    'listSubscriptions',
    'findUnclaimed',
    'listDeliveries',
    'markInDoubt',
    'getSubscription',
    'claimDelivery',
  ] as const;
  for (const name of methods) {
    const real = (store[name] as (...a: unknown[]) => Promise<unknown>).bind(store);
    Object.assign(store, {
      [name]: (...args: unknown[]) => {
        calls.set(name, (calls.get(name) ?? 0) + 1);
        if (name === 'listDeliveries') filters.push(args[0]);
        if (name === 'listSubscriptions') listed.push(args[0]);
        if (name === 'findUnclaimed') keys.push((args[1] as unknown[]).length);
        return real(...args);
      },
    });
  }
  const reset = () => {
    calls.clear();
    filters.length = 0;
    listed.length = 0;
    keys.length = 0;
  };
  return { calls: () => Object.fromEntries(calls), filters, listed, keys, reset };
}

describe.each(STORE_KINDS)('runDue’s questions to the $name', ({ open }) => {
  let h: DeliveryHarness;
  afterEach(async () => {
    await h?.store.close();
  });

  it('asks a few bulk questions when nothing is due, then fewer, however long the ledger', async () => {
    h = await deliveryHarness(open, FRIDAY);
    for (let i = 0; i < 30; i++) {
      await h.subscribe(`C${i}`, { day: ((i % 7) + 1) as 1, time: i % 2 ? '09:00' : '16:30' });
    }
    // Six weeks of ticks every 12 hours, ending on a Monday at midnight: six posts each,
    // and eight more for the weekend days of the week they subscribed in.
    h.time.set('2026-11-23T00:00:00Z');
    for (let tick = 0; tick <= 6 * 14; tick++) {
      await h.runner().runDue(h.time.clock());
      if (tick < 6 * 14) h.time.advance(WEEK / 14);
    }
    expect(h.notifier.delivered()).toHaveLength(6 * 30 + 8);
    const spy = counting(h.store);
    const runner = h.runner();
    // A new runner reads every active subscription and asks the ledger about every week once.
    h.time.advance(60_000);
    expect((await runner.runDue(h.time.clock())).sent).toBe(0);
    expect(spy.calls()).toEqual({
      markInDoubt: 1,
      listSubscriptions: 1,
      findUnclaimed: 1,
      listDeliveries: 1,
    });
    expect(spy.listed).toEqual([{ status: ['active'] }]);
    expect(spy.keys).toEqual([30]);
    expect(spy.filters).toEqual([{ since: expect.any(Date), status: ['retry'] }]);
    // Then it reads only what changed, and knows those weeks are in the ledger. Nothing
    // falls due before 09:00.
    for (const minutes of [29, 90]) {
      spy.reset();
      h.time.advance(minutes * 60_000);
      expect((await runner.runDue(h.time.clock())).sent).toBe(0);
      expect(spy.calls()).toEqual({ markInDoubt: 1, listSubscriptions: 1, listDeliveries: 1 });
      expect(spy.listed).toEqual([
        { status: ['active', 'paused', 'inactive', 'removed'], updatedSince: expect.any(Date) },
      ]);
    }
  });

  it('keeps one runner’s view of the subscriptions current: new, changed, made inactive, removed', async () => {
    h = await deliveryHarness(open, FRIDAY);
    const kept = await h.subscribe('C1');
    const removed = await h.subscribe('C2');
    const gone = await h.subscribe('C3');
    await h.subscribe('C4', { day: 2 });
    const runner = h.runner();
    h.time.set('2026-11-22T12:00:00Z');
    await runner.runDue(h.time.clock());
    // Meanwhile, in other processes: one unsubscribes, one is found gone, one moves to
    // Monday, and a new channel subscribes.
    await h.store.setSubscriptionStatus(removed.id, 'removed', 'unsubscribed', h.time.clock());
    await h.store.setSubscriptionStatus(gone.id, 'inactive', 'channel_not_found', h.time.clock());
    await h.subscribe('C4', { day: 1 });
    await h.subscribe('C5');
    h.time.set(MONDAY_0905);
    const summary = await runner.runDue(h.time.clock());
    expect(summary.sent).toBe(3);
    expect(
      h.notifier
        .delivered()
        .map((c) => c.target.channel)
        .sort(),
    ).toEqual(['C1', 'C4', 'C5']);
    expect((await h.store.listDeliveries({ subscriptionId: kept.id }))[0]?.status).toBe('sent');
  });

  it('reads every subscription again after a day', async () => {
    h = await deliveryHarness(open, FRIDAY);
    await h.subscribe('C1');
    const runner = h.runner();
    await runner.runDue(h.time.clock());
    const spy = counting(h.store);
    h.time.advance(23 * 3_600_000);
    await runner.runDue(h.time.clock());
    h.time.advance(3_600_000);
    await runner.runDue(h.time.clock());
    expect(spy.listed).toEqual([
      { status: ['active', 'paused', 'inactive', 'removed'], updatedSince: expect.any(Date) },
      { status: ['active'] },
    ]);
  });

  it('reads the history of a subscription only when its week is due and unclaimed', async () => {
    h = await deliveryHarness(open, FRIDAY);
    const monday = await h.subscribe('C1');
    const tuesday = await h.subscribe('C2', { day: 2 });
    h.time.set('2026-11-23T09:01:00Z');
    const spy = counting(h.store);
    const summary = await h.runner().runDue(h.time.clock());
    expect(summary.sent).toBe(1);
    const histories = spy.filters.filter((f) => (f as { subscriptionId?: string }).subscriptionId);
    expect(histories).toEqual([{ subscriptionId: monday.id, kind: 'briefing' }]);
    expect(histories).not.toContainEqual(expect.objectContaining({ subscriptionId: tuesday.id }));
    expect(spy.calls().claimDelivery).toBe(1);
  });

  it('counts a week missed beyond the grace window without reading its history', async () => {
    h = await deliveryHarness(open, FRIDAY);
    await h.subscribe('C1', { day: 7 });
    h.time.set('2026-11-24T10:00:00Z');
    const spy = counting(h.store);
    const summary = await h.runner().runDue(h.time.clock());
    expect(summary).toMatchObject({ sent: 0, skipped: 1 });
    expect(spy.calls().listDeliveries).toBe(1);
  });
});
