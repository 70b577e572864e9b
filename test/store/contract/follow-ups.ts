import { describe, expect, it } from 'vitest';
import { minutes, type StoreOf, sentDelivery, subscriptionInput } from './fixtures.ts';

export function followUpContract(store: StoreOf): void {
  describe('saveFollowUpAnswer and listFollowUpAnswers', () => {
    it('is false when the delivery does not exist, and stores nothing', async () => {
      const saved = await store().saveFollowUpAnswer({
        deliveryId: 'no-such-id',
        answer: 'partly',
        answeredAt: minutes(1),
      });
      expect(saved).toBe(false);
      expect(await store().listFollowUpAnswers()).toEqual([]);
    });

    it("keeps one answer per lesson's post: a later one replaces it", async () => {
      const d = await sentDelivery(store());
      await store().saveFollowUpAnswer({
        deliveryId: d.id,
        answer: 'not-yet',
        answeredAt: minutes(2),
      });
      expect(await store().listFollowUpAnswers()).toEqual([
        { deliveryId: d.id, answer: 'not-yet', answeredAt: minutes(2) },
      ]);
      await store().saveFollowUpAnswer({
        deliveryId: d.id,
        answer: 'changed',
        whatChanged: 'Chronologies at intake',
        answeredAt: minutes(7),
      });
      expect(await store().listFollowUpAnswers()).toEqual([
        {
          deliveryId: d.id,
          answer: 'changed',
          whatChanged: 'Chronologies at intake',
          answeredAt: minutes(7),
        },
      ]);
      expect(await store().listFollowUpAnswers({ since: minutes(8) })).toEqual([]);
      expect(await store().listFollowUpAnswers({ since: minutes(7) })).toHaveLength(1);
    });

    it('keeps the ledger kinds for follow-ups and reminders, keyed by the lesson post', async () => {
      const d = await sentDelivery(store());
      for (const kind of ['follow_up', 'reminder'] as const) {
        const claim = {
          subscriptionId: d.subscriptionId,
          kind,
          period: d.id,
          dueAt: minutes(60),
          owner: 'a',
          now: minutes(60),
          leaseMs: 60_000,
        };
        const first = await store().claimDelivery(claim);
        expect(first?.kind).toBe(kind);
        expect(await store().claimDelivery({ ...claim, owner: 'b' })).toBeUndefined();
        expect(
          await store().findUnclaimed(kind, [{ subscriptionId: d.subscriptionId, period: d.id }]),
        ).toEqual([]);
      }
    });
  });

  describe('listTeamDiscussions by delivery', () => {
    it('lists only the discussions of the deliveries named, and none for an empty list', async () => {
      const a = await sentDelivery(store(), 'C1');
      const b = await sentDelivery(store(), 'C2');
      await store().recordTeamDiscussion(a.id, minutes(1));
      await store().recordTeamDiscussion(b.id, minutes(2));
      const only = await store().listTeamDiscussions({ deliveryIds: [b.id, 'no-such-id'] });
      expect(only.map((d) => d.deliveryId)).toEqual([b.id]);
      expect(await store().listTeamDiscussions({ deliveryIds: [] })).toEqual([]);
    });
  });

  describe("a subscription's nation and reminders", () => {
    it('are absent until set, kept when a later save does not say, and changed when it does', async () => {
      const input = subscriptionInput('C9');
      const first = await store().saveSubscription(input, minutes(1));
      expect(first.nation).toBeUndefined();
      expect(first.reminders).toBeUndefined();
      const set = await store().saveSubscription(
        { ...input, nation: 'scotland', reminders: false },
        minutes(2),
      );
      expect(set).toMatchObject({ id: first.id, nation: 'scotland', reminders: false });
      const kept = await store().saveSubscription(input, minutes(3));
      expect(kept).toMatchObject({ nation: 'scotland', reminders: false });
      const changed = await store().saveSubscription({ ...input, reminders: true }, minutes(4));
      expect(changed).toMatchObject({ nation: 'scotland', reminders: true });
      expect(await store().getSubscription(first.id)).toMatchObject({
        nation: 'scotland',
        reminders: true,
      });
    });
  });
}
