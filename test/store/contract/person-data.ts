import { describe, expect, it } from 'vitest';
import type { PersonDataErased, Store } from '../../../src/core/index.ts';
import { minutes, type StoreOf, sentDelivery, subscriptionInput, T0 } from './fixtures.ts';

const NOTHING: PersonDataErased = {
  acknowledgements: 0,
  auditEntries: 0,
  subscriptions: 0,
  broadcasts: 0,
  reviews: 0,
};

/**
 * One of everything that names a person, by `who`, at `at`: an acknowledgement of
 * `deliveryId`, an audit entry, a channel they subscribed, a broadcast and a kept draft.
 */
async function traces(store: Store, who: string, at: Date, deliveryId: string, n: number) {
  await store.acknowledge({ deliveryId, userId: who, at });
  await store.audit({ at, actor: who, action: 'publish', detail: { reviewId: `r${n}` } });
  await store.saveSubscription(subscriptionInput(`C-${n}`, { by: who }), at);
  await store.startBroadcast({ reviewId: `review-${n}`, again: false, by: who, now: at });
  await store.reviews.saveDraft({ id: `draft-${n}`, text: 'fictional', by: who, now: at }, false);
}

/** Everything the store keeps, for comparing before and after. */
async function everything(store: Store) {
  return {
    acks: await store.listAcknowledgements(),
    audit: await store.listAudit(),
    subscriptions: await store.listSubscriptions({
      status: ['active', 'paused', 'inactive', 'removed'],
    }),
    broadcasts: await store.listBroadcasts(),
    drafts: await store.reviews.list('draft'),
  };
}

/** The rows are all still there, with nothing changed but who. */
function withoutPeople(kept: Awaited<ReturnType<typeof everything>>) {
  return {
    acks: kept.acks.map(({ userId: _, ...rest }) => rest),
    audit: kept.audit.map(({ actor: _, ...rest }) => rest),
    subscriptions: kept.subscriptions.map(({ createdBy: _, ...rest }) => rest),
    broadcasts: kept.broadcasts.map(({ createdBy: _, ...rest }) => rest),
    drafts: kept.drafts.map(({ by: _, ...rest }) => rest),
  };
}

export function personDataContract(store: StoreOf): void {
  describe('purgePersonData', () => {
    it('erases the people of rows older than `before` and keeps every row and count', async () => {
      const d = await sentDelivery(store());
      await traces(store(), 'slack:UOLD', minutes(10), d.id, 1);
      await traces(store(), 'teams:aad-old', minutes(20), d.id, 2);
      await store().audit({ at: minutes(10), actor: 'cli', action: 'reload', detail: {} });
      await traces(store(), 'slack:UNEW', minutes(100), d.id, 3);
      const before = await everything(store());

      const erased = await store().purgePersonData(minutes(50));

      // sentDelivery's own subscription was made by slack:U1 at T0: old too
      expect(erased).toEqual({
        acknowledgements: 2,
        auditEntries: 2,
        subscriptions: 3,
        broadcasts: 2,
        reviews: 2,
      });
      const after = await everything(store());
      expect(withoutPeople(after)).toEqual(withoutPeople(before));
      expect((await store().countAcknowledgements([d.id])).get(d.id)).toBe(3);

      const [old1, old2, recent] = after.acks.map((a) => a.userId);
      expect(old1).toMatch(/^erased:/);
      expect(old2).toMatch(/^erased:/);
      expect(old1).not.toBe(old2);
      expect(recent).toBe(before.acks[2]?.userId);
      expect(after.audit.map((e) => e.actor)).toEqual([
        'slack:erased',
        'cli',
        'teams:erased',
        before.audit[3]?.actor,
      ]);
      expect(after.subscriptions.map((s) => s.createdBy)).toEqual([
        undefined,
        undefined,
        undefined,
        before.subscriptions[3]?.createdBy,
      ]);
      expect(after.broadcasts.map((b) => b.createdBy).sort()).toEqual(
        [before.broadcasts[0]?.createdBy, 'slack:erased', 'teams:erased'].sort(),
      );
      expect(after.drafts.map((r) => r.by)).toEqual([undefined, undefined, before.drafts[2]?.by]);
    });

    it('does nothing the second time, and nothing to rows at or after `before`', async () => {
      const d = await sentDelivery(store());
      await traces(store(), 'slack:U9', minutes(10), d.id, 1);
      // only sentDelivery's subscription, made at T0, is older than minutes(10)
      expect(await store().purgePersonData(minutes(10))).toEqual({ ...NOTHING, subscriptions: 1 });
      const [ack] = await store().listAcknowledgements();
      expect(ack?.userId).not.toMatch(/^erased:/);
      expect(await store().purgePersonData(minutes(10))).toEqual(NOTHING);
      expect(await store().purgePersonData(minutes(11))).toEqual({
        acknowledgements: 1,
        auditEntries: 1,
        subscriptions: 1,
        broadcasts: 1,
        reviews: 1,
      });
      expect(await store().purgePersonData(minutes(11))).toEqual(NOTHING);
    });
  });

  describe('forgetPerson', () => {
    it('erases one person from every row that names them, however recent, and no one else', async () => {
      const a = await sentDelivery(store(), 'C1', '2026-W48');
      const b = await sentDelivery(store(), 'C1', '2026-W49');
      await traces(store(), 'slack:UGONE', minutes(10), a.id, 1);
      await store().acknowledge({ deliveryId: b.id, userId: 'slack:UGONE', at: minutes(500) });
      await traces(store(), 'slack:USTAY', minutes(20), a.id, 2);
      await store().acknowledge({ deliveryId: b.id, userId: 'teams:aad-stay', at: minutes(30) });
      const before = await everything(store());

      expect(await store().forgetPerson('slack:UGONE')).toEqual({
        acknowledgements: 2,
        auditEntries: 1,
        subscriptions: 1,
        broadcasts: 1,
        reviews: 1,
      });
      const after = await everything(store());
      expect(withoutPeople(after)).toEqual(withoutPeople(before));
      const counts = await store().countAcknowledgements([a.id, b.id]);
      expect([counts.get(a.id), counts.get(b.id)]).toEqual([2, 2]);
      // everyone else is as they were
      const changedAcks = after.acks.filter((x, i) => x.userId !== before.acks[i]?.userId);
      expect(changedAcks.map((x) => x.userId)).toEqual([
        expect.stringMatching(/^erased:/),
        expect.stringMatching(/^erased:/),
      ]);
      expect(after.audit.map((e) => e.actor)).toEqual(['slack:erased', before.audit[1]?.actor]);
      expect(await store().forgetPerson('slack:UGONE')).toEqual(NOTHING);
      expect((await store().forgetPerson('teams:aad-stay')).acknowledgements).toBe(1);
    });

    it('matches one id exactly: wildcards, quotes and other people erase nothing', async () => {
      const d = await sentDelivery(store());
      await traces(store(), 'slack:U1', minutes(10), d.id, 1);
      const before = await everything(store());
      for (const hostile of [
        'slack:%',
        'slack:_1',
        "slack:U1' OR '1'='1",
        'slack:u1',
        'slack:U1 ',
        'U1',
        'teams:U1',
        'slack:erased',
        'erased:%',
        '',
        `slack:${'U'.repeat(100_000)}`,
      ]) {
        expect(await store().forgetPerson(hostile)).toEqual(NOTHING);
      }
      expect(await everything(store())).toEqual(before);
    });

    it('leaves ids that are no one\'s ("cli", "lessons-bot") to retention and forget alike', async () => {
      await store().audit({ at: T0, actor: 'cli', action: 'reload', detail: {} });
      await store().audit({ at: T0, actor: 'lessons-bot', action: 'merge', detail: {} });
      expect(await store().forgetPerson('cli')).toEqual(NOTHING);
      expect(await store().purgePersonData(minutes(1))).toEqual(NOTHING);
      expect((await store().listAudit()).map((e) => e.actor)).toEqual(['cli', 'lessons-bot']);
    });
  });
}
