import { describe, expect, it } from 'vitest';
import { minutes, type StoreOf, sentDelivery } from './fixtures.ts';

export function teamDiscussionContract(store: StoreOf): void {
  describe('recordTeamDiscussion', () => {
    it('is undefined when the delivery does not exist, and records nothing', async () => {
      await sentDelivery(store());
      expect(await store().recordTeamDiscussion('no-such-id', minutes(1))).toBeUndefined();
      expect(await store().listTeamDiscussions()).toEqual([]);
    });

    it("keeps the first press as the team's: later ones change nothing", async () => {
      const d = await sentDelivery(store());
      expect(await store().recordTeamDiscussion(d.id, minutes(5))).toEqual({
        added: true,
        discussedAt: minutes(5),
      });
      expect(await store().recordTeamDiscussion(d.id, minutes(9))).toEqual({
        added: false,
        discussedAt: minutes(5),
      });
      expect(await store().listTeamDiscussions()).toEqual([
        { deliveryId: d.id, discussedAt: minutes(5) },
      ]);
    });

    it('records one of 20 simultaneous first presses', async () => {
      const d = await sentDelivery(store());
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => store().recordTeamDiscussion(d.id, minutes(i))),
      );
      expect(results.filter((r) => r?.added)).toHaveLength(1);
      const first = results.find((r) => r?.added)?.discussedAt;
      expect(results.every((r) => r?.discussedAt.getTime() === first?.getTime())).toBe(true);
      expect(await store().listTeamDiscussions()).toHaveLength(1);
    });

    it('keeps the team record apart from who pressed', async () => {
      const d = await sentDelivery(store());
      await store().recordTeamDiscussion(d.id, minutes(1));
      expect(await store().listAcknowledgements()).toEqual([]);
      expect(await store().listTeamDiscussions()).toHaveLength(1);
    });
  });

  describe('savePlan', () => {
    it('is false when the delivery does not exist, and stores nothing', async () => {
      expect(await store().savePlan({ deliveryId: 'no-such-id', plan: 'x', at: minutes(1) })).toBe(
        false,
      );
      expect(await store().listTeamDiscussions()).toEqual([]);
    });

    it("adds the plan to the team's discussion, and a later plan replaces it", async () => {
      const d = await sentDelivery(store());
      await store().recordTeamDiscussion(d.id, minutes(1));
      expect(
        await store().savePlan({
          deliveryId: d.id,
          plan: 'Chronologies at intake',
          at: minutes(2),
        }),
      ).toBe(true);
      await store().savePlan({ deliveryId: d.id, plan: 'Ask the child first', at: minutes(3) });
      expect(await store().listTeamDiscussions()).toEqual([
        {
          deliveryId: d.id,
          discussedAt: minutes(1),
          plan: 'Ask the child first',
          plannedAt: minutes(3),
        },
      ]);
    });

    it('records the discussion when a plan comes first', async () => {
      const d = await sentDelivery(store());
      await store().savePlan({ deliveryId: d.id, plan: 'Weekly huddle', at: minutes(4) });
      expect(await store().recordTeamDiscussion(d.id, minutes(6))).toEqual({
        added: false,
        discussedAt: minutes(4),
      });
    });

    it('keeps a plan of 280 characters, and any characters, exactly', async () => {
      const d = await sentDelivery(store());
      const plan = `'; DROP TABLE team_discussions; -- ${'é🙂'.repeat(80)}`.slice(0, 280);
      await store().savePlan({ deliveryId: d.id, plan, at: minutes(1) });
      expect((await store().listTeamDiscussions())[0]?.plan).toBe(plan);
    });
  });

  describe('listTeamDiscussions', () => {
    it('lists oldest first, from `since` inclusive', async () => {
      const a = await sentDelivery(store(), 'C1', 'W1');
      const b = await sentDelivery(store(), 'C1', 'W2');
      const c = await sentDelivery(store(), 'C2', 'W1');
      await store().recordTeamDiscussion(b.id, minutes(30));
      await store().recordTeamDiscussion(a.id, minutes(10));
      await store().recordTeamDiscussion(c.id, minutes(20));
      const ids = async (since?: Date) =>
        (await store().listTeamDiscussions(since ? { since } : {})).map((d) => d.deliveryId);
      expect(await ids()).toEqual([a.id, c.id, b.id]);
      expect(await ids(minutes(20))).toEqual([c.id, b.id]);
      expect(await ids(minutes(31))).toEqual([]);
    });
  });
}
