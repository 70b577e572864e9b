import { describe, expect, it } from 'vitest';
import type { Delivery } from '../../../src/core/index.ts';
import {
  claimed,
  claimOf,
  LEASE_MS,
  minutes,
  type StoreOf,
  sending,
  subscribe,
  T0,
} from './fixtures.ts';

export function claimContract(store: StoreOf): void {
  /** a claimed briefing turned to `retry`, due again at `next` */
  async function retrying(next: Date): Promise<Delivery> {
    const sub = await subscribe(store());
    const first = await claimed(store(), claimOf(sub.id, { reviewId: 'croydon-claire' }));
    const failed = await store().failDelivery(first.id, 'host-a:101:aaaa', {
      status: 'retry',
      error: 'slack: ratelimited',
      nextAttemptAt: next,
      now: minutes(1),
    });
    expect(failed).toBe(true);
    return first;
  }

  describe('claimDelivery', () => {
    it('inserts a claimed row with one attempt, the owner and a lease', async () => {
      const sub = await subscribe(store());
      const now = minutes(5, 123);
      const delivery = await claimed(store(), claimOf(sub.id, { now }));
      expect(delivery).toEqual({
        id: expect.any(String),
        subscriptionId: sub.id,
        kind: 'briefing',
        period: '2026-W48',
        lessonId: 'croydon-claire/1',
        status: 'claimed',
        attempts: 1,
        dueAt: T0,
        owner: 'host-a:101:aaaa',
        leaseUntil: new Date(now.getTime() + LEASE_MS),
        updatedAt: now,
      });
      expect(await store().getDelivery(delivery.id)).toEqual(delivery);
    });

    it('refuses a second claim of the same subscription, kind and period, whoever asks', async () => {
      const sub = await subscribe(store());
      await claimed(store(), claimOf(sub.id));
      expect(await store().claimDelivery(claimOf(sub.id, { owner: 'host-b:202:bbbb' }))).toBe(
        undefined,
      );
      expect(await store().claimDelivery(claimOf(sub.id))).toBeUndefined();
      expect(await store().listDeliveries()).toHaveLength(1);
    });

    it('claims another period, kind or subscription separately', async () => {
      const sub = await subscribe(store(), 'C1');
      const other = await subscribe(store(), 'C2');
      await claimed(store(), claimOf(sub.id));
      await claimed(store(), claimOf(sub.id, { period: '2026-W49' }));
      await claimed(store(), claimOf(sub.id, { kind: 'broadcast' }));
      await claimed(store(), claimOf(other.id));
      expect(await store().listDeliveries()).toHaveLength(4);
    });

    it('keeps a broadcast claim’s reviewId', async () => {
      const sub = await subscribe(store());
      const { lessonId: _none, ...claim } = claimOf(sub.id, {
        kind: 'broadcast',
        period: 'review:croydon-claire#1',
        reviewId: 'croydon-claire',
      });
      const delivery = await claimed(store(), claim);
      expect(delivery).toMatchObject({ kind: 'broadcast', reviewId: 'croydon-claire' });
      expect(delivery).not.toHaveProperty('lessonId');
    });

    it('refuses a claimed or sending row, even after its lease has run out', async () => {
      const sub = await subscribe(store());
      await claimed(store(), claimOf(sub.id, { period: 'W1' }));
      await sending(store(), claimOf(sub.id, { period: 'W2' }));
      for (const period of ['W1', 'W2']) {
        const late = claimOf(sub.id, { period, owner: 'host-b:202:bbbb', now: minutes(60) });
        expect(await store().claimDelivery(late), period).toBeUndefined();
      }
      const statuses = (await store().listDeliveries()).map((d) => d.status);
      expect(statuses.sort()).toEqual(['claimed', 'sending']);
    });

    it('refuses a retry row before its nextAttemptAt', async () => {
      await retrying(minutes(10));
      const [row] = await store().listDeliveries();
      const early = claimOf(row?.subscriptionId ?? '', {
        owner: 'host-b:202:bbbb',
        now: minutes(9),
      });
      expect(await store().claimDelivery(early)).toBeUndefined();
      expect(await store().getDelivery(row?.id ?? '')).toMatchObject({
        status: 'retry',
        attempts: 1,
      });
    });

    it('takes over a retry row from its nextAttemptAt as claimed: same row, attempts + 1, new owner and lease, same lesson', async () => {
      const first = await retrying(minutes(10));
      const now = minutes(10);
      const again = await claimed(
        store(),
        claimOf(first.subscriptionId, {
          owner: 'host-b:202:bbbb',
          now,
          lessonId: 'another/9',
          reviewId: 'another',
          dueAt: minutes(99),
        }),
      );
      expect(again).toMatchObject({
        id: first.id,
        status: 'claimed',
        attempts: 2,
        owner: 'host-b:202:bbbb',
        leaseUntil: new Date(now.getTime() + LEASE_MS),
        lessonId: 'croydon-claire/1',
        reviewId: 'croydon-claire',
        dueAt: T0,
        updatedAt: now,
      });
      expect(await store().getDelivery(first.id)).toEqual(again);
      expect(await store().claimDelivery(claimOf(first.subscriptionId, { now: minutes(11) }))).toBe(
        undefined,
      );
    });

    it('lets only the new owner complete a row it took over', async () => {
      const first = await retrying(minutes(10));
      const again = await claimed(
        store(),
        claimOf(first.subscriptionId, { owner: 'host-b:202:bbbb', now: minutes(10) }),
      );
      const result = { messageRef: 'C1/9.9', now: minutes(11) };
      expect(await store().completeDelivery(again.id, 'host-a:101:aaaa', result)).toBe(false);
      expect(await store().completeDelivery(again.id, 'host-b:202:bbbb', result)).toBe(true);
    });

    it('refuses sent, gone, failed and in-doubt rows', async () => {
      const sub = await subscribe(store());
      const owner = 'host-a:101:aaaa';
      const periods = ['sent', 'gone', 'failed', 'in-doubt'] as const;
      for (const period of periods) {
        const d = await sending(store(), claimOf(sub.id, { period }));
        if (period === 'sent') {
          await store().completeDelivery(d.id, owner, { messageRef: 'C1/1', now: minutes(1) });
        } else if (period !== 'in-doubt') {
          await store().failDelivery(d.id, owner, { status: period, error: 'x', now: minutes(1) });
        }
      }
      expect(await store().markInDoubt(minutes(30))).toHaveLength(1);
      for (const period of periods) {
        const later = claimOf(sub.id, { period, owner: 'host-b:202:bbbb', now: minutes(60 * 24) });
        expect(await store().claimDelivery(later), period).toBeUndefined();
      }
      const statuses = (await store().listDeliveries()).map((d) => d.status).sort();
      expect(statuses).toEqual(['failed', 'gone', 'in-doubt', 'sent']);
    });

    it('lets exactly one of 20 simultaneous claims win', async () => {
      const sub = await subscribe(store());
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          store().claimDelivery(claimOf(sub.id, { owner: `o${i}` })),
        ),
      );
      expect(results.filter((d) => d !== undefined)).toHaveLength(1);
      expect(await store().listDeliveries()).toHaveLength(1);
    });

    it('lets exactly one of 20 simultaneous claims take over a due retry', async () => {
      const first = await retrying(minutes(10));
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          store().claimDelivery(
            claimOf(first.subscriptionId, { owner: `o${i}`, now: minutes(10) }),
          ),
        ),
      );
      const winners = results.filter((d) => d !== undefined);
      expect(winners).toHaveLength(1);
      expect(winners[0]).toMatchObject({ id: first.id, attempts: 2, status: 'claimed' });
    });
  });
}
