import { describe, expect, it } from 'vitest';
import { minutes, type StoreOf, T0 } from './fixtures.ts';

export function broadcastContract(store: StoreOf): void {
  const start = (reviewId: string, again: boolean, now: Date, by = 'cli') =>
    store().startBroadcast({ reviewId, again, by, now });

  describe('startBroadcast', () => {
    it('starts round 1 of a review never published', async () => {
      const { broadcast, created } = await start('croydon-claire', false, T0, 'slack:U9');
      expect(created).toBe(true);
      expect(broadcast).toEqual({
        id: expect.any(String),
        reviewId: 'croydon-claire',
        round: 1,
        createdAt: T0,
        createdBy: 'slack:U9',
      });
    });

    it('starts round 1 even when `again` is set for a review never published', async () => {
      const { broadcast, created } = await start('croydon-claire', true, T0);
      expect({ round: broadcast.round, created }).toEqual({ round: 1, created: true });
    });

    it('resumes the latest round when `again` is not set', async () => {
      const first = await start('croydon-claire', false, T0);
      const resumed = await start('croydon-claire', false, minutes(5), 'teams:someone-else');
      expect(resumed).toEqual({ broadcast: first.broadcast, created: false });
    });

    it('starts the next round with `again`, and resumes that one afterwards', async () => {
      const first = await start('croydon-claire', false, T0);
      const second = await start('croydon-claire', true, minutes(5), 'slack:U2');
      expect(second.created).toBe(true);
      expect(second.broadcast).toMatchObject({
        round: 2,
        createdAt: minutes(5),
        createdBy: 'slack:U2',
      });
      expect(second.broadcast.id).not.toBe(first.broadcast.id);
      const resumed = await start('croydon-claire', false, minutes(6));
      expect(resumed).toEqual({ broadcast: second.broadcast, created: false });
      expect((await start('croydon-claire', true, minutes(7))).broadcast.round).toBe(3);
    });

    it('counts rounds per review', async () => {
      await start('a', false, T0);
      await start('a', true, minutes(1));
      const b = await start('b', false, minutes(2));
      expect(b).toMatchObject({ created: true, broadcast: { reviewId: 'b', round: 1 } });
    });

    it('creates one round when the same review is published twice at once', async () => {
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => start('croydon-claire', false, minutes(i))),
      );
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.broadcast.id)).size).toBe(1);
      expect(await store().listBroadcasts()).toHaveLength(1);
    });
  });

  describe('listBroadcasts', () => {
    it('lists newest first, and filters by review', async () => {
      await start('a', false, T0);
      await start('b', false, minutes(1));
      await start('a', true, minutes(2));
      const all = await store().listBroadcasts();
      expect(all.map((b) => `${b.reviewId}#${b.round}`)).toEqual(['a#2', 'b#1', 'a#1']);
      const onlyA = await store().listBroadcasts({ reviewId: 'a' });
      expect(onlyA.map((b) => b.round)).toEqual([2, 1]);
      expect(await store().listBroadcasts({ reviewId: 'none' })).toEqual([]);
    });
  });
}
