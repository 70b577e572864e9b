import { describe, expect, it } from 'vitest';
import { claimed, claimOf, minutes, type StoreOf, subscriptionInput, T0 } from './fixtures.ts';

/** Quotes, SQL, JSON and HTML metacharacters, right-to-left marks, emoji and other scripts. */
const NASTY =
  `'; DROP TABLE subscriptions; -- "quoted" \`back\` \\ $1 ?1 :p1 @p %s {"a":1} <b>x</b> ` +
  '🧒🏽 👩‍👩‍👧 é (e\u0301) Ωμέγα 漢字 العربية \u202Eevil\u202C \t\r\n end';

/** about 100 KB of it, without cutting a character in half */
const HUGE = NASTY.repeat(Math.ceil(100_000 / NASTY.length));

export function hostileContract(store: StoreOf): void {
  describe('hostile and huge values', () => {
    it('stores a 100 KB label and odd ids, themes and schedule text exactly', async () => {
      expect(HUGE.length).toBeGreaterThanOrEqual(100_000);
      const input = subscriptionInput(`C'1"; --`, {
        target: {
          platform: 'slack',
          workspace: `T'); DELETE FROM deliveries; --`,
          channel: NASTY,
          label: HUGE,
        },
        themes: [NASTY, `"]`, '', 'ok'],
        schedule: { day: 7, time: '23:59', timezone: 'America/Argentina/Buenos_Aires' },
        by: NASTY,
      });
      const sub = await store().saveSubscription(input, T0);
      const read = await store().getSubscription(sub.id);
      expect(read).toEqual(sub);
      expect(read?.target.label).toBe(HUGE);
      expect(read?.target.channel).toBe(NASTY);
      expect(read?.themes).toEqual([NASTY, `"]`, '', 'ok']);
      expect(read?.createdBy).toBe(NASTY);
      expect(await store().findSubscription(input.target)).toEqual(sub);
      expect(await store().listSubscriptions()).toHaveLength(1);
    });

    it('stores odd periods, lesson ids, errors and message refs exactly', async () => {
      const sub = await store().saveSubscription(subscriptionInput('C1'), T0);
      const d = await claimed(
        store(),
        claimOf(sub.id, { period: NASTY, lessonId: NASTY, reviewId: HUGE, owner: NASTY }),
      );
      await store().failDelivery(d.id, NASTY, {
        status: 'retry',
        error: HUGE,
        nextAttemptAt: minutes(1),
        now: minutes(1),
      });
      const again = await claimed(
        store(),
        claimOf(sub.id, { period: NASTY, owner: NASTY, now: minutes(1) }),
      );
      await store().completeDelivery(again.id, NASTY, { messageRef: NASTY, now: minutes(2) });
      expect(await store().getDelivery(d.id)).toMatchObject({
        period: NASTY,
        lessonId: NASTY,
        reviewId: HUGE,
        owner: NASTY,
        error: HUGE,
        messageRef: NASTY,
        status: 'sent',
      });
      expect(await store().listDeliveries({ period: NASTY })).toHaveLength(1);
    });

    it('stores odd acknowledgement users, broadcast reviews and audit details exactly', async () => {
      const sub = await store().saveSubscription(subscriptionInput('C1'), T0);
      const d = await claimed(store(), claimOf(sub.id));
      expect(await store().acknowledge({ deliveryId: d.id, userId: NASTY, at: T0 })).toEqual({
        added: true,
        count: 1,
      });
      expect((await store().listAcknowledgements())[0]?.userId).toBe(NASTY);
      const { broadcast } = await store().startBroadcast({
        reviewId: NASTY,
        again: false,
        by: NASTY,
        now: T0,
      });
      expect(await store().listBroadcasts({ reviewId: NASTY })).toEqual([broadcast]);
      const detail = {
        [NASTY]: NASTY,
        huge: HUGE,
        nul: 'a\u0000b',
        nested: [{ q: `"'` }],
        n: -0.5,
      };
      await store().audit({ at: T0, actor: NASTY, action: NASTY, detail });
      expect(await store().listAudit()).toEqual([{ at: T0, actor: NASTY, action: NASTY, detail }]);
    });

    it('stores odd conversation references exactly', async () => {
      const ref = {
        platform: 'teams' as const,
        tenantId: NASTY,
        teamId: NASTY,
        channelId: HUGE,
        conversationId: `19:${NASTY}@thread.tacv2`,
        conversationType: 'groupChat' as const,
        serviceUrl: `https://example.test/${NASTY}`,
        updatedAt: NASTY,
      };
      await store().conversations.save(ref);
      expect(await store().conversations.get(ref.conversationId)).toEqual(ref);
      await store().conversations.forgetTeam(NASTY);
      expect(await store().conversations.list()).toEqual([]);
    });

    it('keeps times to the millisecond', async () => {
      const at = new Date('2026-03-29T00:59:59.999Z');
      await store().audit({ at, actor: 'cli', action: 'x', detail: {} });
      expect((await store().listAudit())[0]?.at.getTime()).toBe(at.getTime());
    });
  });
}
