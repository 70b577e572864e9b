import { describe, expect, it } from 'vitest';
import { claimed, claimOf, minutes, type StoreOf, sending, subscribe } from './fixtures.ts';

export function listContract(store: StoreOf): void {
  describe('listDeliveries', () => {
    /** a: two briefings and a broadcast; b: one briefing; due at different minutes */
    async function ledger() {
      const a = await subscribe(store(), 'C1');
      const b = await subscribe(store(), 'C2');
      const rows = [
        await claimed(store(), claimOf(a.id, { period: '2026-W49', dueAt: minutes(7 * 1440) })),
        await claimed(store(), claimOf(a.id, { period: '2026-W48', dueAt: minutes(0) })),
        await claimed(
          store(),
          claimOf(a.id, {
            kind: 'broadcast',
            period: 'review:r#1',
            reviewId: 'r',
            dueAt: minutes(60),
          }),
        ),
        await claimed(store(), claimOf(b.id, { period: '2026-W48', dueAt: minutes(0) })),
      ];
      return { a, b, rows };
    }

    it('lists every delivery ordered by dueAt, then id', async () => {
      const { rows } = await ledger();
      const expected = [...rows].sort(
        (x, y) => x.dueAt.getTime() - y.dueAt.getTime() || (x.id < y.id ? -1 : 1),
      );
      expect(await store().listDeliveries()).toEqual(expected);
    });

    it('filters by subscription, kind and period', async () => {
      const { a, b } = await ledger();
      const periods = async (filter: Parameters<ReturnType<StoreOf>['listDeliveries']>[0]) =>
        (await store().listDeliveries(filter)).map((d) => d.period);
      expect(await periods({ subscriptionId: b.id })).toEqual(['2026-W48']);
      expect(await periods({ subscriptionId: a.id })).toEqual([
        '2026-W48',
        'review:r#1',
        '2026-W49',
      ]);
      expect(await periods({ kind: 'broadcast' })).toEqual(['review:r#1']);
      expect(await periods({ subscriptionId: a.id, kind: 'briefing' })).toEqual([
        '2026-W48',
        '2026-W49',
      ]);
      expect(await periods({ period: '2026-W48' })).toHaveLength(2);
      expect(await periods({ subscriptionId: 'no-such-id' })).toEqual([]);
    });

    it('filters by dueAt, since and until both inclusive', async () => {
      await ledger();
      const periods = async (since?: Date, until?: Date) =>
        (
          await store().listDeliveries({
            ...(since ? { since } : {}),
            ...(until ? { until } : {}),
          })
        ).map((d) => d.period);
      expect(await periods(minutes(60))).toEqual(['review:r#1', '2026-W49']);
      expect(await periods(undefined, minutes(60))).toEqual(['2026-W48', '2026-W48', 'review:r#1']);
      expect(await periods(minutes(60), minutes(60))).toEqual(['review:r#1']);
      expect(await periods(minutes(61), minutes(7 * 1440 - 1))).toEqual([]);
    });

    it('filters by any of several states, with the other filters', async () => {
      const { a, rows } = await ledger();
      const [w49, w48] = rows;
      await store().completeDelivery(w49?.id ?? '', 'host-a:101:aaaa', {
        messageRef: 'C1/1',
        now: minutes(1),
      });
      await store().failDelivery(w48?.id ?? '', 'host-a:101:aaaa', {
        status: 'retry',
        error: '500',
        now: minutes(1),
      });
      const periods = async (filter: Parameters<ReturnType<StoreOf>['listDeliveries']>[0]) =>
        (await store().listDeliveries(filter)).map((d) => `${d.period} ${d.status}`);
      expect(await periods({ status: ['retry'] })).toEqual(['2026-W48 retry']);
      expect(await periods({ status: ['sent', 'retry'] })).toEqual([
        '2026-W48 retry',
        '2026-W49 sent',
      ]);
      expect(await periods({ status: ['claimed'], subscriptionId: a.id })).toEqual([
        'review:r#1 claimed',
      ]);
      expect(await periods({ status: ['claimed'], since: minutes(61) })).toEqual([]);
      expect(await periods({ status: [] })).toEqual([]);
    });

    it('is empty for an empty ledger', async () => {
      expect(await store().listDeliveries()).toEqual([]);
    });
  });

  describe('findUnclaimed', () => {
    it('gives the keys with no row of that kind, in the order asked, whatever state the others are in', async () => {
      const a = await subscribe(store(), 'C1');
      const b = await subscribe(store(), 'C2');
      await claimed(store(), claimOf(a.id, { period: '2026-W48' }));
      await sending(store(), claimOf(b.id, { period: '2026-W49' }));
      const done = await claimed(store(), claimOf(b.id, { period: '2026-W50' }));
      await store().failDelivery(done.id, 'host-a:101:aaaa', {
        status: 'gone',
        error: 'channel_not_found',
        now: minutes(1),
      });
      await claimed(
        store(),
        claimOf(a.id, { kind: 'broadcast', period: '2026-W51', reviewId: 'r' }),
      );
      const keys = [
        { subscriptionId: b.id, period: '2026-W51' },
        { subscriptionId: a.id, period: '2026-W48' },
        { subscriptionId: a.id, period: '2026-W51' },
        { subscriptionId: b.id, period: '2026-W49' },
        { subscriptionId: b.id, period: '2026-W50' },
        { subscriptionId: 'no-such-subscription', period: '2026-W48' },
        { subscriptionId: a.id, period: '2026-W49' },
      ];
      expect(await store().findUnclaimed('briefing', keys)).toEqual([
        { subscriptionId: b.id, period: '2026-W51' },
        { subscriptionId: a.id, period: '2026-W51' },
        { subscriptionId: 'no-such-subscription', period: '2026-W48' },
        { subscriptionId: a.id, period: '2026-W49' },
      ]);
      expect(
        await store().findUnclaimed('broadcast', [
          { subscriptionId: a.id, period: '2026-W51' },
          { subscriptionId: a.id, period: '2026-W48' },
        ]),
      ).toEqual([{ subscriptionId: a.id, period: '2026-W48' }]);
    });

    it('is empty for no keys, and takes a thousand at once', async () => {
      const a = await subscribe(store(), 'C1');
      expect(await store().findUnclaimed('briefing', [])).toEqual([]);
      await claimed(store(), claimOf(a.id, { period: 'P500' }));
      const keys = Array.from({ length: 1000 }, (_, i) => ({
        subscriptionId: a.id,
        period: `P${i}`,
      }));
      const unclaimed = await store().findUnclaimed('briefing', keys);
      expect(unclaimed).toHaveLength(999);
      expect(unclaimed.map((k) => k.period)).toEqual(
        keys.map((k) => k.period).filter((p) => p !== 'P500'),
      );
    });

    it('reads keys with quotes, commas, brackets and non-ASCII text exactly', async () => {
      const a = await subscribe(store(), 'C1');
      const odd = ['a"b', "it's", '[1,2]', 'x\\y', 'week ✓ ü', ''];
      await claimed(store(), claimOf(a.id, { period: 'a"b' }));
      const keys = odd.map((period) => ({ subscriptionId: a.id, period }));
      expect(await store().findUnclaimed('briefing', keys)).toEqual(keys.slice(1));
    });
  });
}
