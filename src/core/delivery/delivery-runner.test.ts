import { afterEach, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../../test/helpers/delivery-corpus.ts';
import {
  type DeliveryHarness,
  deliveryHarness,
  lessonsPosted,
} from '../../../test/helpers/delivery-harness.ts';
import {
  gone,
  rateLimited,
  refused,
  serverError,
} from '../../../test/helpers/delivery-notifier.ts';
import { STORE_KINDS } from '../../../test/helpers/delivery-stores.ts';

const FRIDAY = '2026-11-20T12:00:00Z';
const MONDAY_0905 = '2026-11-23T09:05:00Z';
const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;

describe.each(STORE_KINDS)('delivery runner on the $name', ({ open }) => {
  let h: DeliveryHarness;
  afterEach(async () => {
    await h?.store.close();
  });

  async function bench(start = FRIDAY) {
    h = await deliveryHarness(open, start);
    return h;
  }

  describe('runDue', () => {
    it('posts a due weekly briefing once, however often it runs', async () => {
      await bench();
      const sub = await h.subscribe('C1');
      h.time.set(MONDAY_0905);
      const first = await h.runner().runDue(h.time.clock());
      const second = await h.runner().runDue(h.time.clock());
      expect(first).toMatchObject({ sent: 1, retried: 0, gone: 0, failed: 0, skipped: 0 });
      expect(second.sent).toBe(0);
      expect(h.notifier.deliveredTo('C1')).toHaveLength(1);
      const [row] = await h.store.listDeliveries({ subscriptionId: sub.id });
      expect(row).toMatchObject({
        status: 'sent',
        kind: 'briefing',
        period: '2026-W48',
        attempts: 1,
      });
      expect(row?.dueAt.toISOString()).toBe('2026-11-23T09:00:00.000Z');
      expect(row?.messageRef).toBe('C1/1');
      const message = h.notifier.calls[0]?.message;
      expect(message?.kind === 'briefing' && message.briefing.deliveryId).toBe(row?.id);
    });

    it('does not post before the time, nor for a week before the subscription', async () => {
      await bench('2026-11-23T10:00:00Z');
      await h.subscribe('C1');
      expect((await h.runner().runDue(h.time.clock())).sent).toBe(0);
      h.time.set('2026-11-30T08:59:00Z');
      expect((await h.runner().runDue(h.time.clock())).sent).toBe(0);
      h.time.set('2026-11-30T09:00:00Z');
      expect((await h.runner().runDue(h.time.clock())).sent).toBe(1);
    });

    it('posts for a week before the subscription when an operator asks for it, once', async () => {
      await bench('2026-11-25T10:00:00Z');
      await h.subscribe('C1');
      const at = new Date(MONDAY_0905);
      expect((await h.runner().runDue(at)).sent).toBe(0);
      expect((await h.runner().runDue(at, { operator: true })).sent).toBe(1);
      expect((await h.runner().runDue(at, { operator: true })).sent).toBe(0);
      expect(h.notifier.deliveredTo('C1')).toHaveLength(1);
    });

    it('posts once when two processes run the same tick at the same moment', async () => {
      await bench();
      for (let i = 0; i < 6; i++) await h.subscribe(`C${i}`);
      h.time.set(MONDAY_0905);
      const at = h.time.clock();
      const [a, b] = await Promise.all([
        h.runner('host-a').runDue(at),
        h.runner('host-b').runDue(at),
      ]);
      expect(a.sent + b.sent).toBe(6);
      for (let i = 0; i < 6; i++) expect(h.notifier.deliveredTo(`C${i}`)).toHaveLength(1);
      expect(h.notifier.calls).toHaveLength(6);
    });

    it('posts a different lesson the next week', async () => {
      await bench();
      await h.subscribe('C1');
      h.time.set(MONDAY_0905);
      await h.runner().runDue(h.time.clock());
      h.time.set('2026-11-30T09:05:00Z');
      await h.runner().runDue(h.time.clock());
      const [first, second] = lessonsPosted(h.notifier, 'C1');
      expect(first).toBeDefined();
      expect(second).toBeDefined();
      expect(second).not.toBe(first);
    });

    it('catches up a tick missed within 48 hours, and not one missed for longer', async () => {
      await bench();
      await h.subscribe('C1');
      const sunday = await h.subscribe('C2', { day: 7, time: '09:00' });
      // Down from before Sunday 09:00 until Tuesday 08:00: C2's post is 47 h late, C1's 23 h.
      h.time.set('2026-11-24T08:00:00Z');
      const summary = await h.runner().runDue(h.time.clock());
      expect(summary.sent).toBe(2);
      const [row] = await h.store.listDeliveries({ subscriptionId: sunday.id });
      expect(row?.dueAt.toISOString()).toBe('2026-11-22T09:00:00.000Z');
      // The next week, down from Saturday until Tuesday 10:00: C1's post is 25 h late and is
      // made; C2's Sunday post is 49 h late, too late for this week's lesson.
      h.time.set('2026-12-01T10:00:00Z');
      const late = await h.runner().runDue(h.time.clock());
      expect(late).toMatchObject({ sent: 1, skipped: 1 });
      expect(h.notifier.deliveredTo('C1')).toHaveLength(2);
      expect(h.notifier.deliveredTo('C2')).toHaveLength(1);
    });

    it('posts once a week across both changes of the clocks', async () => {
      await bench('2026-03-16T12:00:00Z');
      const monday = await h.subscribe('C1');
      const sunday = await h.subscribe('C2', { day: 7, time: '01:30' });
      // Hourly ticks from mid-March to mid-April, and through October's change (starting
      // more than 48 h after the last slots, so that nothing is caught up).
      const tickFrom = async (from: string, weeks: number) => {
        h.time.set(from);
        for (let i = 0; i < weeks * 7 * 24; i++) {
          await h.runner().runDue(h.time.clock());
          h.time.advance(HOUR);
        }
      };
      await tickFrom('2026-03-16T12:00:00Z', 4);
      await tickFrom('2026-10-14T12:00:00Z', 3);
      const rows = await h.store.listDeliveries({ kind: 'briefing' });
      const periods = (id: string) =>
        rows.filter((r) => r.subscriptionId === id).map((r) => r.period);
      expect(periods(monday.id)).toEqual([
        '2026-W13',
        '2026-W14',
        '2026-W15',
        '2026-W16',
        '2026-W43',
        '2026-W44',
        '2026-W45',
      ]);
      expect(periods(sunday.id)).toEqual([
        '2026-W12',
        '2026-W13',
        '2026-W14',
        '2026-W15',
        '2026-W42',
        '2026-W43',
        '2026-W44',
      ]);
      const due = (id: string, period: string) =>
        rows.find((r) => r.subscriptionId === id && r.period === period)?.dueAt.toISOString();
      expect(due(monday.id, '2026-W14')).toBe('2026-03-30T08:00:00.000Z');
      expect(due(sunday.id, '2026-W13')).toBe('2026-03-29T01:30:00.000Z');
      expect(due(sunday.id, '2026-W43')).toBe('2026-10-25T00:30:00.000Z');
      expect(h.notifier.deliveredTo('C2')).toHaveLength(7);
    });

    it('runs 52 weeks for a 3-theme focus without repeating a lesson before the cycle is done', async () => {
      await bench();
      await h.subscribe('C1', { themes: ['neglect', 'escalation', 'domestic-abuse'] });
      h.time.set(MONDAY_0905);
      for (let week = 0; week < 52; week++) {
        await h.runner().runDue(h.time.clock());
        h.time.advance(WEEK);
      }
      const posted = lessonsPosted(h.notifier, 'C1');
      expect(posted).toHaveLength(52);
      // 8 lessons have one of the three themes: each cycle of 8 holds each exactly once.
      const fitting = new Set(posted);
      expect(fitting.size).toBe(8);
      for (let start = 0; start < 52; start += 8) {
        const cycle = posted.slice(start, start + 8);
        expect(new Set(cycle).size).toBe(cycle.length);
      }
      expect(fitting.has('york-child-c/1')).toBe(false);
      expect(fitting.has('leeds-child-b/3')).toBe(false);
    });

    it('marks a gone channel’s subscription inactive and lists it', async () => {
      await bench();
      const sub = await h.subscribe('C1');
      h.notifier.script('C1', gone('channel_not_found'));
      h.time.set(MONDAY_0905);
      const summary = await h.runner().runDue(h.time.clock());
      expect(summary.gone).toBe(1);
      expect(summary.goneChannels).toEqual([
        expect.objectContaining({
          subscriptionId: sub.id,
          label: '#C1',
          reason: 'channel_not_found',
        }),
      ]);
      expect(await h.store.getSubscription(sub.id)).toMatchObject({
        status: 'inactive',
        statusReason: 'channel_not_found',
      });
      const [row] = await h.store.listDeliveries({ subscriptionId: sub.id });
      expect(row).toMatchObject({ status: 'gone', error: 'channel_not_found' });
      h.time.set('2026-11-30T09:05:00Z');
      await h.runner().runDue(h.time.clock());
      expect(h.notifier.calls).toHaveLength(1);
    });

    it('claims nothing for a platform this process is not configured for, says so once, and posts once it is', async () => {
      await bench();
      await h.subscribe('C1');
      await h.subscribe('19:t@thread.tacv2', { platform: 'teams', workspace: 'tenant' });
      h.time.set(MONDAY_0905);
      const teamsless = {
        ...h.notifier,
        notConfigured: (platform: string) =>
          platform === 'teams' ? 'Teams is not configured in this process' : undefined,
      };
      const runner = h.runner('runner-a', {}, { notifier: teamsless });
      const first = await runner.runDue(h.time.clock());
      expect(first).toMatchObject({ sent: 1, notConfigured: 1, retried: 0, failed: 0 });
      expect(first.notConfiguredChannels).toEqual([
        expect.objectContaining({
          channel: '19:t@thread.tacv2',
          reason: 'Teams is not configured in this process',
        }),
      ]);
      expect((await runner.runDue(h.time.clock())).notConfigured).toBe(1);
      expect(h.logs.filter((l) => l.message.includes('not configured here'))).toHaveLength(1);
      expect(await h.store.listDeliveries({ kind: 'briefing' })).toHaveLength(1);
      expect((await h.runner('runner-b').runDue(h.time.clock())).sent).toBe(1);
    });

    it('does not count a week before the subscription as missed when an operator asks about it', async () => {
      await bench('2026-11-27T10:00:00Z');
      await h.subscribe('C1');
      const summary = await h.runner().runDue(h.time.clock(), { operator: true });
      expect(summary).toMatchObject({ sent: 0, skipped: 0 });
    });

    it('retries after a 429 once Retry-After has passed, with the same lesson', async () => {
      await bench();
      const sub = await h.subscribe('C1');
      h.notifier.script('C1', rateLimited(30_000));
      h.time.set(MONDAY_0905);
      const summary = await h.runner().runDue(h.time.clock());
      expect(summary).toMatchObject({ sent: 0, retried: 1 });
      const [row] = await h.store.listDeliveries({ subscriptionId: sub.id });
      expect(row).toMatchObject({ status: 'retry', attempts: 1 });
      expect(row?.nextAttemptAt?.getTime()).toBe(new Date(MONDAY_0905).getTime() + 30_000);
      h.time.advance(10_000);
      expect((await h.runner().runDue(h.time.clock())).sent).toBe(0);
      h.time.advance(20_000);
      expect((await h.runner().runDue(h.time.clock())).sent).toBe(1);
      const [after] = await h.store.listDeliveries({ subscriptionId: sub.id });
      expect(after).toMatchObject({ status: 'sent', attempts: 2, lessonId: row?.lessonId });
      expect(lessonsPosted(h.notifier, 'C1')).toEqual([row?.lessonId]);
    });

    it('backs off with jitter after a server error', async () => {
      await bench();
      const sub = await h.subscribe('C1');
      h.notifier.script('C1', serverError(503), serverError(502));
      h.time.set(MONDAY_0905);
      await h.runner().runDue(h.time.clock());
      const [first] = await h.store.listDeliveries({ subscriptionId: sub.id });
      const start = new Date(MONDAY_0905).getTime();
      // random() is 0.5 in the bench: 5 s × ¾ after the first attempt, 10 s × ¾ after the second.
      expect(first?.nextAttemptAt?.getTime()).toBe(start + 3_750);
      h.time.advance(3_750);
      await h.runner().runDue(h.time.clock());
      const [second] = await h.store.listDeliveries({ subscriptionId: sub.id });
      expect(second).toMatchObject({ status: 'retry', attempts: 2, error: 'HTTP 502' });
      expect(second?.nextAttemptAt?.getTime()).toBe(start + 3_750 + 7_500);
    });

    it('gives up after maxAttempts', async () => {
      await bench();
      const sub = await h.subscribe('C1');
      h.notifier.script('C1', serverError(), serverError(), serverError());
      h.time.set(MONDAY_0905);
      const runner = h.runner('runner-a', { maxAttempts: 3 });
      let failed = 0;
      for (let i = 0; i < 5; i++) {
        failed += (await runner.runDue(h.time.clock())).failed;
        h.time.advance(60_000);
      }
      expect(failed).toBe(1);
      const [row] = await h.store.listDeliveries({ subscriptionId: sub.id });
      expect(row).toMatchObject({ status: 'failed', attempts: 3 });
      expect(row?.error).toMatch(/gave up after 3 attempts/);
      expect(h.notifier.calls).toHaveLength(3);
    });

    it('records a refusal as failed and does not retry it', async () => {
      await bench();
      const sub = await h.subscribe('C1');
      h.notifier.script('C1', refused('invalid_blocks'));
      h.time.set(MONDAY_0905);
      expect((await h.runner().runDue(h.time.clock())).failed).toBe(1);
      h.time.advance(HOUR);
      await h.runner().runDue(h.time.clock());
      expect(h.notifier.calls).toHaveLength(1);
      expect((await h.store.getSubscription(sub.id))?.status).toBe('active');
    });

    it('survives a notifier that throws, retries, and logs no token', async () => {
      await bench();
      await h.subscribe('C1');
      await h.subscribe('C2');
      h.notifier.script('C1', 'throw');
      h.time.set(MONDAY_0905);
      const summary = await h.runner().runDue(h.time.clock());
      expect(summary).toMatchObject({ sent: 1, retried: 1 });
      h.time.advance(HOUR);
      expect((await h.runner().runDue(h.time.clock())).sent).toBe(1);
      expect(h.notifier.deliveredTo('C1')).toHaveLength(1);
      expect(JSON.stringify(h.logs)).not.toContain('xoxb');
      expect(JSON.stringify(await h.store.listDeliveries())).not.toContain('xoxb');
    });

    it('never logs what was posted', async () => {
      await bench();
      await h.subscribe('C1');
      h.time.set(MONDAY_0905);
      await h.runner().runDue(h.time.clock());
      const message = h.notifier.calls[0]?.message;
      const text = message?.kind === 'briefing' ? message.briefing.lesson.text : 'missing';
      expect(JSON.stringify(h.logs)).not.toContain(text);
    });

    it('marks a post whose process died in doubt and never sends it again', async () => {
      await bench();
      const sub = await h.subscribe('C1');
      h.time.set(MONDAY_0905);
      // A process claimed this week's post, made its request and died before it could say
      // how it went.
      const claim = await h.store.claimDelivery({
        subscriptionId: sub.id,
        kind: 'briefing',
        period: '2026-W48',
        lessonId: 'newham-child-a/1',
        dueAt: new Date('2026-11-23T09:00:00Z'),
        owner: 'dead-process',
        now: h.time.clock(),
        leaseMs: 120_000,
      });
      expect(await h.store.markSending(claim?.id ?? '', 'dead-process', h.time.clock())).toBe(true);
      expect((await h.runner().runDue(h.time.clock())).inDoubt).toBe(0);
      h.time.advance(5 * 60_000);
      const summary = await h.runner().runDue(h.time.clock());
      expect(summary).toMatchObject({ inDoubt: 1, sent: 0 });
      expect((await h.store.listDeliveries({ subscriptionId: sub.id }))[0]?.status).toBe(
        'in-doubt',
      );
      expect(h.notifier.calls).toHaveLength(0);
      // and its lesson counts as given: next week brings another
      h.time.set('2026-11-30T09:05:00Z');
      await h.runner().runDue(h.time.clock());
      expect(lessonsPosted(h.notifier, 'C1')).not.toContain('newham-child-a/1');
    });

    it('does not post to removed or inactive subscriptions', async () => {
      await bench();
      const removed = await h.subscribe('C1');
      const inactive = await h.subscribe('C2');
      await h.store.setSubscriptionStatus(removed.id, 'removed', 'unsubscribed', h.time.clock());
      await h.store.setSubscriptionStatus(
        inactive.id,
        'inactive',
        'not_in_channel',
        h.time.clock(),
      );
      h.time.set(MONDAY_0905);
      expect((await h.runner().runDue(h.time.clock())).sent).toBe(0);
      expect(h.notifier.calls).toHaveLength(0);
    });

    it('gives up a waiting retry when the channel unsubscribes', async () => {
      await bench();
      const sub = await h.subscribe('C1');
      h.notifier.script('C1', rateLimited(60_000));
      h.time.set(MONDAY_0905);
      await h.runner().runDue(h.time.clock());
      await h.store.setSubscriptionStatus(sub.id, 'removed', 'unsubscribed', h.time.clock());
      h.time.advance(HOUR);
      expect((await h.runner().runDue(h.time.clock())).failed).toBe(1);
      expect((await h.store.listDeliveries({ subscriptionId: sub.id }))[0]).toMatchObject({
        status: 'failed',
        error: 'the subscription is no longer active',
      });
      expect(h.notifier.deliveredTo('C1')).toHaveLength(0);
    });
  });

  describe('when something breaks', () => {
    it('goes on with the other channels when the store fails for one, and counts it', async () => {
      await bench();
      const broken = await h.subscribe('C1');
      await h.subscribe('C2');
      const listDeliveries = h.store.listDeliveries.bind(h.store);
      h.store.listDeliveries = async (filter) => {
        if (filter?.subscriptionId === broken.id)
          throw new Error('connection reset: password=hunter2');
        return listDeliveries(filter);
      };
      h.time.set(MONDAY_0905);
      const summary = await h.runner().runDue(h.time.clock());
      expect(summary).toMatchObject({ sent: 1, errors: 1 });
      expect(h.notifier.deliveredTo('C2')).toHaveLength(1);
      expect(JSON.stringify(h.logs)).not.toContain('hunter2');
      h.store.listDeliveries = listDeliveries;
      expect((await h.runner().runDue(h.time.clock())).sent).toBe(1);
    });

    it('gives up a retry whose lesson has left the corpus', async () => {
      await bench();
      const sub = await h.subscribe('C1');
      h.notifier.script('C1', serverError());
      h.time.set(MONDAY_0905);
      await h.runner().runDue(h.time.clock());
      const [row] = await h.store.listDeliveries({ subscriptionId: sub.id });
      h.useCorpus(
        buildCorpus([
          { id: 'other-child-z', published: '2026', lessons: [{ n: 1, themes: ['neglect'] }] },
        ]),
      );
      h.time.advance(HOUR);
      expect((await h.runner().runDue(h.time.clock())).failed).toBe(1);
      expect(await h.store.getDelivery(row?.id ?? '')).toMatchObject({
        status: 'failed',
        error: `lesson ${row?.lessonId} is no longer in the corpus`,
      });
      expect(h.notifier.deliveredTo('C1')).toHaveLength(0);
    });
  });
});
