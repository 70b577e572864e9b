/**
 * The ledger's two steps: a claim (`claimed`, nothing sent) and, once the notifier has
 * prepared the post and immediately before its request leaves, `sending`. A process that
 * stops between the two costs no week; one that stops after the second is never sent twice.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type DeliveryHarness, deliveryHarness } from '../../../test/helpers/delivery-harness.ts';
import { STORE_KINDS } from '../../../test/helpers/delivery-stores.ts';
import type { Metrics, Notifier } from '../ports.ts';

const FRIDAY = '2026-11-20T12:00:00Z';
const MONDAY_0905 = '2026-11-23T09:05:00Z';
const LEASE_MS = 120_000;

function recordingMetrics(): Metrics & { outcomes: string[] } {
  const outcomes: string[] = [];
  return {
    outcomes,
    commandHandled() {},
    searchTimed() {},
    deliveryOutcome: (kind, outcome) => outcomes.push(`${kind}:${outcome}`),
    platformError() {},
  };
}

describe.each(STORE_KINDS)('claimed, then sending, on the $name', ({ open }) => {
  let h: DeliveryHarness;
  afterEach(async () => {
    await h?.store.close();
  });

  async function bench() {
    h = await deliveryHarness(open, FRIDAY);
    const sub = await h.subscribe('C1');
    h.time.set(MONDAY_0905);
    return sub;
  }

  /** the notifier, run through `before` first: what a process does between claim and request */
  function stalling(before: () => Promise<void>): Notifier {
    return {
      prepare: async (target, message) => {
        await before();
        return h.notifier.prepare(target, message);
      },
      update: (target, ref, message) => h.notifier.update(target, ref, message),
    };
  }

  it('marks the row sending immediately before the request, and sent after it', async () => {
    const sub = await bench();
    const seen: string[] = [];
    const statusNow = async () =>
      (await h.store.listDeliveries({ subscriptionId: sub.id }))[0]?.status ?? 'none';
    const watching: Notifier = {
      prepare: async (target, message) => {
        seen.push(await statusNow());
        const prepared = await h.notifier.prepare(target, message);
        if (!prepared.ok) return prepared;
        return {
          ok: true,
          send: async () => {
            seen.push(await statusNow());
            return prepared.send();
          },
        };
      },
      update: (target, ref, message) => h.notifier.update(target, ref, message),
    };
    const summary = await h.runner('runner-a', {}, { notifier: watching }).runDue(h.time.clock());
    expect(summary.sent).toBe(1);
    expect(seen).toEqual(['claimed', 'sending']);
    expect((await h.store.listDeliveries({ subscriptionId: sub.id }))[0]).toMatchObject({
      status: 'sent',
      attempts: 1,
    });
  });

  it('posts, once and with the same lesson, a week whose process stopped between its claim and its request', async () => {
    const sub = await bench();
    await h.store.claimDelivery({
      subscriptionId: sub.id,
      kind: 'briefing',
      period: '2026-W48',
      lessonId: 'york-child-c/2',
      dueAt: new Date('2026-11-23T09:00:00Z'),
      owner: 'dead-process',
      now: h.time.clock(),
      leaseMs: LEASE_MS,
    });
    // Under its lease the claim is respected: nobody else posts.
    expect(await h.runner().runDue(h.time.clock())).toMatchObject({ sent: 0, inDoubt: 0 });
    expect(h.notifier.calls).toHaveLength(0);
    h.time.advance(LEASE_MS);
    const metrics = recordingMetrics();
    const summary = await h.runner('runner-b', {}, { metrics }).runDue(h.time.clock());
    expect(summary).toMatchObject({ sent: 1, inDoubt: 0, retried: 0 });
    expect(metrics.outcomes).toEqual(['briefing:retry', 'briefing:sent']);
    expect(h.logs.map((l) => l.message)).toContain(
      'claim lapsed before its request was made; it will be posted again',
    );
    const [row] = await h.store.listDeliveries({ subscriptionId: sub.id });
    expect(row).toMatchObject({ status: 'sent', attempts: 2, lessonId: 'york-child-c/2' });
    expect((await h.runner().runDue(h.time.clock())).sent).toBe(0);
    expect(h.notifier.deliveredTo('C1')).toHaveLength(1);
  });

  it('sends nothing when its own claim lapsed before the request, and posts on the retry', async () => {
    const sub = await bench();
    let stalls = 1;
    const stalled = stalling(async () => {
      if (stalls-- > 0) h.time.advance(LEASE_MS + 1);
    });
    const summary = await h.runner('runner-a', {}, { notifier: stalled }).runDue(h.time.clock());
    // Handed back for a retry at once, which the same run's retry pass makes.
    expect(summary).toMatchObject({ sent: 1, retried: 1, inDoubt: 0 });
    expect(h.notifier.unsent()).toEqual([{ target: expect.objectContaining({ channel: 'C1' }) }]);
    expect(h.notifier.calls).toHaveLength(1);
    const [row] = await h.store.listDeliveries({ subscriptionId: sub.id });
    expect(row).toMatchObject({
      status: 'sent',
      attempts: 2,
      error: 'not sent: the claim was lost before the request was made',
    });
    expect((await h.runner().runDue(h.time.clock())).sent).toBe(0);
    expect(h.notifier.deliveredTo('C1')).toHaveLength(1);
  });

  it('sends nothing when another process has taken its lapsed claim over', async () => {
    await bench();
    let other = { sent: 0 };
    const stalled = stalling(async () => {
      h.time.advance(LEASE_MS + 1);
      other = await h.runner('runner-b').runDue(h.time.clock());
    });
    const mine = await h.runner('runner-a', {}, { notifier: stalled }).runDue(h.time.clock());
    expect(other.sent).toBe(1);
    expect(mine).toMatchObject({ sent: 0, retried: 0, failed: 0 });
    expect(h.notifier.unsent()).toHaveLength(1);
    expect(h.notifier.deliveredTo('C1')).toHaveLength(1);
    expect(h.logs.some((l) => l.message === 'claim lost before the request; nothing sent')).toBe(
      true,
    );
  });

  it('never marks the row sending when the notifier refuses before its request', async () => {
    const sub = await bench();
    let marks = 0;
    const markSending = h.store.markSending.bind(h.store);
    h.store.markSending = (...args) => {
      marks += 1;
      return markSending(...args);
    };
    const refusing: Notifier = {
      prepare: async () => ({ ok: false, outcome: 'gone', error: 'no_reference' }),
      update: (target, ref, message) => h.notifier.update(target, ref, message),
    };
    const summary = await h.runner('runner-a', {}, { notifier: refusing }).runDue(h.time.clock());
    expect(summary.gone).toBe(1);
    expect(marks).toBe(0);
    expect((await h.store.listDeliveries({ subscriptionId: sub.id }))[0]?.status).toBe('gone');
    expect((await h.store.getSubscription(sub.id))?.status).toBe('inactive');
  });
});
