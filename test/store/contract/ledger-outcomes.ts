import { describe, expect, it } from 'vitest';
import type { Delivery } from '../../../src/core/index.ts';
import {
  claimed,
  claimOf,
  LEASE_MS,
  sending as markedSending,
  minutes,
  type StoreOf,
  subscribe,
  T0,
} from './fixtures.ts';

const OWNER = 'host-a:101:aaaa';
const OTHER = 'host-b:202:bbbb';

export function outcomeContract(store: StoreOf): void {
  /** a row whose owner has marked it sending: its request is on its way */
  async function sending(period = '2026-W48', now = T0): Promise<Delivery> {
    const sub = await subscribe(store());
    return markedSending(store(), claimOf(sub.id, { period, now }));
  }

  /** a row claimed, its request not yet made */
  async function claimedRow(period = '2026-W48', now = T0): Promise<Delivery> {
    const sub = await subscribe(store());
    return claimed(store(), claimOf(sub.id, { period, now }));
  }

  describe('markSending', () => {
    it('turns the owner’s claimed row into sending, keeping its lease and attempts', async () => {
      const d = await claimedRow();
      const now = minutes(0, 300);
      expect(await store().markSending(d.id, OWNER, now)).toBe(true);
      expect(await store().getDelivery(d.id)).toEqual({ ...d, status: 'sending', updatedAt: now });
    });

    it('is false, and changes nothing, for another owner', async () => {
      const d = await claimedRow();
      expect(await store().markSending(d.id, OTHER, minutes(0, 300))).toBe(false);
      expect(await store().getDelivery(d.id)).toEqual(d);
    });

    it('is false once the lease has run out, leaving the row claimed for markInDoubt', async () => {
      const d = await claimedRow();
      const expiry = new Date(T0.getTime() + LEASE_MS);
      expect(await store().markSending(d.id, OWNER, expiry)).toBe(false);
      expect(await store().getDelivery(d.id)).toEqual(d);
    });

    it('is false for a row that is not claimed, and for an unknown id', async () => {
      const already = await sending('W1');
      expect(await store().markSending(already.id, OWNER, minutes(0, 500))).toBe(false);
      const sent = await claimedRow('W2');
      await store().completeDelivery(sent.id, OWNER, { messageRef: 'C1/1', now: minutes(0, 10) });
      const retry = await claimedRow('W3');
      await store().failDelivery(retry.id, OWNER, {
        status: 'retry',
        error: '500',
        nextAttemptAt: minutes(5),
        now: minutes(0, 10),
      });
      for (const d of [sent, retry]) {
        expect(await store().markSending(d.id, OWNER, minutes(0, 500))).toBe(false);
      }
      expect(await store().markSending('no-such-id', OWNER, minutes(0, 500))).toBe(false);
      const statuses = (await store().listDeliveries()).map((d) => d.status).sort();
      expect(statuses).toEqual(['retry', 'sending', 'sent']);
    });

    it('is refused to the old owner once another process has taken the row over', async () => {
      const d = await claimedRow();
      await store().markInDoubt(minutes(10));
      const again = await claimed(
        store(),
        claimOf(d.subscriptionId, { owner: OTHER, now: minutes(10) }),
      );
      expect(await store().markSending(d.id, OWNER, minutes(10, 1))).toBe(false);
      expect(await store().markSending(again.id, OTHER, minutes(10, 1))).toBe(true);
    });

    it('carries a post through claimed → sending → sent', async () => {
      const d = await claimedRow();
      expect(d.status).toBe('claimed');
      expect(await store().markSending(d.id, OWNER, minutes(0, 10))).toBe(true);
      expect((await store().getDelivery(d.id))?.status).toBe('sending');
      const result = { messageRef: 'C1/17.1', now: minutes(0, 900) };
      expect(await store().completeDelivery(d.id, OWNER, result)).toBe(true);
      expect(await store().getDelivery(d.id)).toMatchObject({
        status: 'sent',
        messageRef: 'C1/17.1',
        attempts: 1,
      });
    });
  });

  describe('completeDelivery', () => {
    it('turns the owner’s sending row into sent, with sentAt and messageRef', async () => {
      const d = await sending();
      const now = minutes(1, 250);
      expect(await store().completeDelivery(d.id, OWNER, { messageRef: 'C1/1700.01', now })).toBe(
        true,
      );
      expect(await store().getDelivery(d.id)).toMatchObject({
        status: 'sent',
        sentAt: now,
        messageRef: 'C1/1700.01',
        attempts: 1,
        updatedAt: now,
      });
    });

    it('also completes a claimed row (its notifier made the request without marking it)', async () => {
      const d = await claimedRow();
      const now = minutes(1);
      expect(await store().completeDelivery(d.id, OWNER, { messageRef: 'C1/2', now })).toBe(true);
      expect(await store().getDelivery(d.id)).toMatchObject({ status: 'sent', sentAt: now });
    });

    it('is false, and changes nothing, for another owner', async () => {
      for (const d of [await sending('W1'), await claimedRow('W2')]) {
        expect(
          await store().completeDelivery(d.id, OTHER, { messageRef: 'x', now: minutes(1) }),
        ).toBe(false);
        expect(await store().getDelivery(d.id)).toEqual(d);
      }
    });

    it('is false the second time, keeping the first messageRef', async () => {
      const d = await sending();
      await store().completeDelivery(d.id, OWNER, { messageRef: 'first', now: minutes(1) });
      expect(
        await store().completeDelivery(d.id, OWNER, { messageRef: 'second', now: minutes(2) }),
      ).toBe(false);
      expect(await store().getDelivery(d.id)).toMatchObject({
        messageRef: 'first',
        sentAt: minutes(1),
      });
    });

    it('is false for an unknown id and a failed row', async () => {
      const result = { messageRef: 'x', now: minutes(90) };
      expect(await store().completeDelivery('no-such-id', OWNER, result)).toBe(false);
      const failed = await sending('W1');
      await store().failDelivery(failed.id, OWNER, {
        status: 'failed',
        error: 'e',
        now: minutes(1),
      });
      expect(await store().completeDelivery(failed.id, OWNER, result)).toBe(false);
      expect((await store().getDelivery(failed.id))?.status).toBe('failed');
    });

    it('settles the owner’s in-doubt row as sent when the platform’s answer comes late', async () => {
      const result = { messageRef: 'C1/late', now: minutes(31) };
      const doubtful = await sending('W2');
      await store().markInDoubt(minutes(30));
      expect(await store().completeDelivery(doubtful.id, OTHER, result)).toBe(false);
      expect((await store().getDelivery(doubtful.id))?.status).toBe('in-doubt');
      expect(await store().completeDelivery(doubtful.id, OWNER, result)).toBe(true);
      expect(await store().getDelivery(doubtful.id)).toMatchObject({
        status: 'sent',
        messageRef: 'C1/late',
        sentAt: minutes(31),
      });
    });
  });

  describe('failDelivery', () => {
    it('turns the owner’s sending row into retry, with nextAttemptAt and the error', async () => {
      const d = await sending();
      const ok = await store().failDelivery(d.id, OWNER, {
        status: 'retry',
        error: 'slack: ratelimited (Retry-After 30 s)',
        nextAttemptAt: minutes(1, 500),
        now: minutes(1),
      });
      expect(ok).toBe(true);
      expect(await store().getDelivery(d.id)).toMatchObject({
        status: 'retry',
        error: 'slack: ratelimited (Retry-After 30 s)',
        nextAttemptAt: minutes(1, 500),
        updatedAt: minutes(1),
        attempts: 1,
      });
    });

    it('turns a claimed row into retry, gone or failed: the notifier refused before sending', async () => {
      for (const status of ['retry', 'gone', 'failed'] as const) {
        const d = await claimedRow(status);
        const failure = { status, error: `no_reference (${status})`, now: minutes(1) };
        expect(await store().failDelivery(d.id, OWNER, failure)).toBe(true);
        expect(await store().getDelivery(d.id)).toMatchObject({ status, error: failure.error });
      }
      const [retry] = await store().listDeliveries({ status: ['retry'] });
      expect(retry?.nextAttemptAt).toEqual(minutes(1));
    });

    it('turns it into gone or failed, with the error', async () => {
      for (const status of ['gone', 'failed'] as const) {
        const d = await sending(status);
        expect(
          await store().failDelivery(d.id, OWNER, { status, error: status, now: minutes(1) }),
        ).toBe(true);
        expect(await store().getDelivery(d.id)).toMatchObject({ status, error: status });
      }
    });

    it('settles the owner’s in-doubt row when the platform refused it late: nothing was posted', async () => {
      const doubtful = await sending('W3');
      await store().markInDoubt(minutes(30));
      const failure = {
        status: 'retry' as const,
        error: 'HTTP 500',
        nextAttemptAt: minutes(32),
        now: minutes(31),
      };
      expect(await store().failDelivery(doubtful.id, OTHER, failure)).toBe(false);
      expect((await store().getDelivery(doubtful.id))?.status).toBe('in-doubt');
      expect(await store().failDelivery(doubtful.id, OWNER, failure)).toBe(true);
      expect(await store().getDelivery(doubtful.id)).toMatchObject({
        status: 'retry',
        error: 'HTTP 500',
        nextAttemptAt: minutes(32),
      });
    });

    it('is false, and changes nothing, for another owner or a row not claimed or sending', async () => {
      const d = await sending();
      const failure = { status: 'failed' as const, error: 'no', now: minutes(1) };
      expect(await store().failDelivery(d.id, OTHER, failure)).toBe(false);
      expect(await store().getDelivery(d.id)).toEqual(d);
      const mine = await claimedRow('W2');
      expect(await store().failDelivery(mine.id, OTHER, failure)).toBe(false);
      expect(await store().getDelivery(mine.id)).toEqual(mine);
      await store().completeDelivery(d.id, OWNER, { messageRef: 'C1/1', now: minutes(1) });
      expect(await store().failDelivery(d.id, OWNER, failure)).toBe(false);
      expect((await store().getDelivery(d.id))?.status).toBe('sent');
      expect(await store().failDelivery('no-such-id', OWNER, failure)).toBe(false);
    });
  });

  describe('markInDoubt', () => {
    it('turns sending rows whose lease has run out into in-doubt, and returns them', async () => {
      const old = await sending('W1', T0);
      const fresh = await sending('W2', minutes(1));
      const now = new Date(T0.getTime() + LEASE_MS + 1);
      const marked = await store().markInDoubt(now);
      expect(marked).toHaveLength(1);
      expect(marked[0]).toMatchObject({
        id: old.id,
        status: 'in-doubt',
        owner: OWNER,
        attempts: 1,
        lessonId: old.lessonId,
        updatedAt: now,
      });
      expect((await store().getDelivery(old.id))?.status).toBe('in-doubt');
      expect((await store().getDelivery(fresh.id))?.status).toBe('sending');
    });

    it('hands claimed rows whose lease has run out back as retry, due at once and without a lease', async () => {
      const old = await claimedRow('W1', T0);
      const fresh = await claimedRow('W2', minutes(1));
      const now = new Date(T0.getTime() + LEASE_MS);
      const marked = await store().markInDoubt(now);
      expect(marked).toHaveLength(1);
      expect(marked[0]).toMatchObject({
        id: old.id,
        status: 'retry',
        nextAttemptAt: now,
        owner: OWNER,
        attempts: 1,
        lessonId: old.lessonId,
        error: expect.stringContaining('nothing was sent'),
        updatedAt: now,
      });
      expect(marked[0]).not.toHaveProperty('leaseUntil');
      expect(await store().getDelivery(old.id)).toEqual(marked[0]);
      expect((await store().getDelivery(fresh.id))?.status).toBe('claimed');
    });

    it('lets another process take a lapsed claim over, as claimed, with the same lesson', async () => {
      const old = await claimedRow();
      await store().markInDoubt(minutes(5));
      const again = await claimed(
        store(),
        claimOf(old.subscriptionId, { owner: OTHER, now: minutes(5), lessonId: 'other/2' }),
      );
      expect(again).toMatchObject({
        id: old.id,
        status: 'claimed',
        attempts: 2,
        owner: OTHER,
        lessonId: old.lessonId,
      });
    });

    it('settles both kinds at once: sending → in-doubt, claimed → retry', async () => {
      const sent = await sending('W1');
      const held = await claimedRow('W2');
      const marked = await store().markInDoubt(minutes(30));
      expect(Object.fromEntries(marked.map((d) => [d.id, d.status]))).toEqual({
        [sent.id]: 'in-doubt',
        [held.id]: 'retry',
      });
    });

    it('leaves rows under lease, sent and retry alone, and finds nothing the second time', async () => {
      const under = await sending('W1', minutes(10));
      const sent = await sending('W2');
      await store().completeDelivery(sent.id, OWNER, { messageRef: 'x', now: minutes(1) });
      const retry = await sending('W3');
      await store().failDelivery(retry.id, OWNER, {
        status: 'retry',
        error: '500',
        nextAttemptAt: minutes(2),
        now: minutes(1),
      });
      expect(await store().markInDoubt(new Date(minutes(10).getTime() + LEASE_MS - 1))).toEqual([]);
      expect((await store().getDelivery(under.id))?.status).toBe('sending');
      const later = await store().markInDoubt(minutes(500));
      expect(later.map((d) => d.id)).toEqual([under.id]);
      expect(await store().markInDoubt(minutes(600))).toEqual([]);
    });

    it('returns them ordered by dueAt, then id', async () => {
      const sub = await subscribe(store());
      for (const [period, due] of [
        ['A', 3],
        ['B', 1],
        ['C', 2],
      ] as const) {
        const claim = claimOf(sub.id, { period, dueAt: minutes(due) });
        await (period === 'C' ? claimed(store(), claim) : markedSending(store(), claim));
      }
      const marked = await store().markInDoubt(minutes(100));
      expect(marked.map((d) => d.period)).toEqual(['B', 'C', 'A']);
    });
  });

  describe('getDelivery', () => {
    it('is undefined for an unknown id', async () => {
      await sending();
      expect(await store().getDelivery('no-such-id')).toBeUndefined();
    });
  });
}
