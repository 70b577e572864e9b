import { describe, expect, it } from 'vitest';
import { minutes, type StoreOf, sentDelivery, T0 } from './fixtures.ts';

export function acknowledgementContract(store: StoreOf): void {
  describe('acknowledge', () => {
    it('is undefined when the delivery does not exist', async () => {
      await sentDelivery(store());
      expect(
        await store().acknowledge({ deliveryId: 'no-such-id', userId: 'slack:U1', at: T0 }),
      ).toBeUndefined();
      expect(await store().listAcknowledgements()).toEqual([]);
    });

    it('adds one acknowledgement per user and counts them', async () => {
      const d = await sentDelivery(store());
      const ack = (userId: string, at: Date) =>
        store().acknowledge({ deliveryId: d.id, userId, at });
      expect(await ack('slack:U1', minutes(1))).toEqual({ added: true, count: 1 });
      expect(await ack('slack:U1', minutes(2))).toEqual({ added: false, count: 1 });
      expect(await ack('slack:U2', minutes(3))).toEqual({ added: true, count: 2 });
      expect(await store().listAcknowledgements()).toEqual([
        { deliveryId: d.id, userId: 'slack:U1', at: minutes(1) },
        { deliveryId: d.id, userId: 'slack:U2', at: minutes(3) },
      ]);
    });

    it('counts per delivery: the same user may acknowledge two deliveries', async () => {
      const a = await sentDelivery(store(), 'C1', 'W1');
      const b = await sentDelivery(store(), 'C1', 'W2');
      expect(await store().acknowledge({ deliveryId: a.id, userId: 'u', at: T0 })).toEqual({
        added: true,
        count: 1,
      });
      expect(await store().acknowledge({ deliveryId: b.id, userId: 'u', at: T0 })).toEqual({
        added: true,
        count: 1,
      });
    });

    it('adds one of 20 simultaneous acknowledgements by the same user', async () => {
      const d = await sentDelivery(store());
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          store().acknowledge({ deliveryId: d.id, userId: 'teams:aad-1', at: minutes(i) }),
        ),
      );
      expect(results.filter((r) => r?.added)).toHaveLength(1);
      expect(results.every((r) => r?.count === 1)).toBe(true);
    });
  });

  describe('countAcknowledgements', () => {
    it('counts acknowledgements per delivery asked about', async () => {
      const a = await sentDelivery(store(), 'C1', 'W1');
      const b = await sentDelivery(store(), 'C1', 'W2');
      const c = await sentDelivery(store(), 'C1', 'W3');
      for (const user of ['u1', 'u2', 'u3']) {
        await store().acknowledge({ deliveryId: a.id, userId: user, at: T0 });
      }
      await store().acknowledge({ deliveryId: b.id, userId: 'u1', at: T0 });
      const counts = await store().countAcknowledgements([a.id, b.id, c.id, 'no-such-id']);
      expect(counts.get(a.id)).toBe(3);
      expect(counts.get(b.id)).toBe(1);
      expect(counts.get(c.id) ?? 0).toBe(0);
      expect(counts.get('no-such-id') ?? 0).toBe(0);
      expect((await store().countAcknowledgements([])).size).toBe(0);
    });
  });

  describe('listAcknowledgements', () => {
    it('lists oldest first, from `since` inclusive', async () => {
      const d = await sentDelivery(store());
      await store().acknowledge({ deliveryId: d.id, userId: 'late', at: minutes(30) });
      await store().acknowledge({ deliveryId: d.id, userId: 'early', at: minutes(10) });
      await store().acknowledge({ deliveryId: d.id, userId: 'middle', at: minutes(20) });
      const users = async (since?: Date) =>
        (await store().listAcknowledgements(since ? { since } : {})).map((a) => a.userId);
      expect(await users()).toEqual(['early', 'middle', 'late']);
      expect(await users(minutes(20))).toEqual(['middle', 'late']);
      expect(await users(minutes(31))).toEqual([]);
    });
  });
}
