import { afterEach, describe, expect, it } from 'vitest';
import { type DeliveryHarness, deliveryHarness } from '../../../test/helpers/delivery-harness.ts';
import { gone, rateLimited, serverError } from '../../../test/helpers/delivery-notifier.ts';
import { STORE_KINDS } from '../../../test/helpers/delivery-stores.ts';
import type { Subscription } from '../model/index.ts';

const START = '2026-11-24T10:00:00Z';
const REVIEW = 'leeds-child-b';
const PERIOD = 'review:leeds-child-b#1';

describe.each(STORE_KINDS)('publish on the $name', ({ open }) => {
  let h: DeliveryHarness;
  afterEach(async () => {
    await h?.store.close();
  });

  /** 30 channels: 12 in Slack workspace T1, 6 in T2, 12 in one Teams tenant. */
  async function thirty(): Promise<Subscription[]> {
    h = await deliveryHarness(open, START);
    const subs: Subscription[] = [];
    for (let i = 0; i < 30; i++) {
      const where =
        i < 12
          ? { platform: 'slack' as const, workspace: 'T1' }
          : i < 18
            ? { platform: 'slack' as const, workspace: 'T2' }
            : { platform: 'teams' as const, workspace: 'tenant-1' };
      subs.push(await h.subscribe(`ch${i}`, where));
    }
    return subs;
  }

  const announcementsTo = (channel: string) =>
    h.notifier.deliveredTo(channel).filter((c) => c.message.kind === 'announcement');

  it('reaches every active channel exactly once, marking gone ones and waiting out 429s', async () => {
    const subs = await thirty();
    for (const ch of ['ch3', 'ch14', 'ch20']) h.notifier.script(ch, gone('channel_not_found'));
    for (const ch of ['ch1', 'ch5', 'ch15', 'ch22']) h.notifier.script(ch, rateLimited(2_000));
    h.notifier.script('ch7', serverError(502), serverError(504));
    h.notifier.script('ch25', 'throw');

    const result = await h.runner().publish(REVIEW, { again: false, by: 'slack:UADMIN' });

    expect(result).toMatchObject({
      resumed: false,
      subscriptions: 30,
      sent: 27,
      already: 0,
      pending: 0,
    });
    expect(result.failed).toEqual([]);
    expect(result.gone.map((g) => g.label).sort()).toEqual(['#ch14', '#ch20', '#ch3']);
    expect(result.broadcast).toMatchObject({
      reviewId: REVIEW,
      round: 1,
      createdBy: 'slack:UADMIN',
    });
    for (const s of subs) {
      const expected = ['ch3', 'ch14', 'ch20'].includes(s.target.channel) ? 0 : 1;
      expect(announcementsTo(s.target.channel), s.target.channel).toHaveLength(expected);
    }
    for (const ch of ['ch3', 'ch14', 'ch20']) {
      const sub = subs.find((s) => s.target.channel === ch);
      expect((await h.store.getSubscription(sub?.id ?? ''))?.status).toBe('inactive');
    }
    const rows = await h.store.listDeliveries({ kind: 'broadcast', period: PERIOD });
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(27);
    expect(rows.filter((r) => r.status === 'gone')).toHaveLength(3);
    expect(rows.find((r) => r.subscriptionId === subs[7]?.id)?.attempts).toBe(3);
  });

  it('builds the announcement for the review and the row it is posted under', async () => {
    await thirty();
    await h.runner().publish(REVIEW, { again: false, by: 'cli' });
    const [call] = announcementsTo('ch0');
    const rows = await h.store.listDeliveries({ kind: 'broadcast', period: PERIOD });
    if (call?.message.kind !== 'announcement') throw new Error('no announcement');
    const { announcement } = call.message;
    expect(announcement.review.id).toBe(REVIEW);
    expect(announcement.keyLessons).toHaveLength(3);
    expect(announcement.totalLessons).toBe(4);
    expect(rows.map((r) => r.id)).toContain(announcement.deliveryId);
  });

  it('holds a workspace for Retry-After after a 429, without holding the others', async () => {
    await thirty();
    h.notifier.script('ch1', rateLimited(60_000));
    await h.runner().publish(REVIEW, { again: false, by: 'cli' });
    const limited = h.notifier.calls.find((c) => c.target.channel === 'ch1');
    const until = (limited?.at.getTime() ?? 0) + 60_000;
    const laterInT1 = h.notifier.calls.filter(
      (c) => c.target.workspace === 'T1' && c.at.getTime() > (limited?.at.getTime() ?? 0),
    );
    expect(laterInT1.length).toBeGreaterThan(0);
    for (const c of laterInT1) expect(c.at.getTime()).toBeGreaterThanOrEqual(until);
    const teamsDuringPause = h.notifier.calls.filter(
      (c) => c.target.platform === 'teams' && c.at.getTime() < until,
    );
    expect(teamsDuringPause.length).toBeGreaterThan(0);
  });

  it('resumes without --again: only channels that lack it, saying it was published before', async () => {
    await thirty();
    h.notifier.script('ch3', gone('is_archived'));
    await h.runner().publish(REVIEW, { again: false, by: 'cli' });
    const calls = h.notifier.calls.length;

    const again = await h.runner('another-process').publish(REVIEW, { again: false, by: 'cli' });
    expect(again).toMatchObject({ resumed: true, subscriptions: 29, sent: 0, already: 29 });
    expect(again.broadcast.round).toBe(1);
    expect(h.notifier.calls).toHaveLength(calls);

    await h.subscribe('newcomer');
    const third = await h.runner().publish(REVIEW, { again: false, by: 'cli' });
    expect(third).toMatchObject({ resumed: true, sent: 1, already: 29 });
    expect(announcementsTo('newcomer')).toHaveLength(1);
  });

  it('sends a new round to everyone with --again', async () => {
    await thirty();
    await h.runner().publish(REVIEW, { again: false, by: 'cli' });
    const round2 = await h.runner().publish(REVIEW, { again: true, by: 'slack:UADMIN' });
    expect(round2).toMatchObject({ resumed: false, sent: 30, already: 0 });
    expect(round2.broadcast.round).toBe(2);
    expect(announcementsTo('ch0')).toHaveLength(2);
    const rows = await h.store.listDeliveries({
      kind: 'broadcast',
      period: 'review:leeds-child-b#2',
    });
    expect(rows).toHaveLength(30);
  });

  it('finishes a round its process left half done, never re-sending what may have gone out', async () => {
    const subs = await thirty();
    const { broadcast } = await h.store.startBroadcast({
      reviewId: REVIEW,
      again: false,
      by: 'cli',
      now: h.time.clock(),
    });
    const claim = (s: Subscription | undefined, owner: string) =>
      h.store.claimDelivery({
        subscriptionId: s?.id ?? '',
        kind: 'broadcast',
        period: PERIOD,
        reviewId: REVIEW,
        dueAt: broadcast.createdAt,
        owner,
        now: h.time.clock(),
        leaseMs: 120_000,
      });
    // The dead process: posted to ch0, was mid-request to ch1, and had ch2 waiting for a retry.
    const sent = await claim(subs[0], 'dead');
    await h.store.completeDelivery(sent?.id ?? '', 'dead', {
      messageRef: 'x',
      now: h.time.clock(),
    });
    const midRequest = await claim(subs[1], 'dead');
    await h.store.markSending(midRequest?.id ?? '', 'dead', h.time.clock());
    const waiting = await claim(subs[2], 'dead');
    await h.store.failDelivery(waiting?.id ?? '', 'dead', {
      status: 'retry',
      error: 'HTTP 503',
      nextAttemptAt: new Date(h.time.clock().getTime() + 10_000),
      now: h.time.clock(),
    });

    const resumed = await h.runner().publish(REVIEW, { again: false, by: 'cli' });
    expect(resumed).toMatchObject({ resumed: true, sent: 28, already: 1, pending: 1 });
    expect(announcementsTo('ch0')).toHaveLength(0);
    expect(announcementsTo('ch1')).toHaveLength(0);
    expect(announcementsTo('ch2')).toHaveLength(1);

    h.time.advance(10 * 60_000);
    await h.runner().runDue(h.time.clock());
    const last = await h.runner().publish(REVIEW, { again: false, by: 'cli' });
    expect(last).toMatchObject({ sent: 0, already: 30, pending: 0 });
    expect(announcementsTo('ch1')).toHaveLength(0);
  });

  it('posts, once, to a channel whose claim its process left before making the request', async () => {
    const subs = await thirty();
    const { broadcast } = await h.store.startBroadcast({
      reviewId: REVIEW,
      again: false,
      by: 'cli',
      now: h.time.clock(),
    });
    // The dead process claimed ch3 and stopped before its request left: nothing was sent.
    await h.store.claimDelivery({
      subscriptionId: subs[3]?.id ?? '',
      kind: 'broadcast',
      period: PERIOD,
      reviewId: REVIEW,
      dueAt: broadcast.createdAt,
      owner: 'dead',
      now: h.time.clock(),
      leaseMs: 120_000,
    });
    const resumed = await h.runner().publish(REVIEW, { again: false, by: 'cli' });
    expect(resumed).toMatchObject({ sent: 29, pending: 1 });
    expect(announcementsTo('ch3')).toHaveLength(0);
    h.time.advance(3 * 60_000);
    const sweep = await h.runner().runDue(h.time.clock());
    expect(sweep).toMatchObject({ sent: 1, inDoubt: 0 });
    expect(announcementsTo('ch3')).toHaveLength(1);
    const last = await h.runner().publish(REVIEW, { again: false, by: 'cli' });
    expect(last).toMatchObject({ sent: 0, already: 30, pending: 0 });
    expect(announcementsTo('ch3')).toHaveLength(1);
  });

  it('gives a failing channel up after maxAttempts and lists it', async () => {
    await thirty();
    h.notifier.script('ch9', serverError(), serverError(), serverError());
    const result = await h
      .runner('runner-a', { maxAttempts: 3 })
      .publish(REVIEW, { again: false, by: 'cli' });
    expect(result.sent).toBe(29);
    expect(result.failed).toEqual([
      expect.objectContaining({ label: '#ch9', reason: expect.stringMatching(/gave up after 3/) }),
    ]);
    const again = await h.runner().publish(REVIEW, { again: false, by: 'cli' });
    expect(again.failed.map((f) => f.label)).toEqual(['#ch9']);
    expect(h.notifier.calls.filter((c) => c.target.channel === 'ch9')).toHaveLength(3);
  });

  it('audits who published what', async () => {
    await thirty();
    await h.runner().publish(REVIEW, { again: false, by: 'slack:UADMIN' });
    await h.runner().publish(REVIEW, { again: true, by: 'teams:aad-1' });
    const audit = await h.store.listAudit();
    expect(audit.map((a) => [a.actor, a.action, a.detail])).toEqual([
      ['slack:UADMIN', 'publish', { reviewId: REVIEW, round: 1, again: false, resumed: false }],
      ['teams:aad-1', 'publish', { reviewId: REVIEW, round: 2, again: true, resumed: false }],
    ]);
  });

  it('refuses a review that is not in the corpus', async () => {
    await thirty();
    await expect(
      h.runner().publish('nowhere-child-z', { again: false, by: 'cli' }),
    ).rejects.toThrow(/no review/);
    expect(await h.store.listBroadcasts()).toEqual([]);
  });

  it('lets runDue finish a broadcast row left waiting for a retry', async () => {
    const subs = await thirty();
    const { broadcast } = await h.store.startBroadcast({
      reviewId: REVIEW,
      again: false,
      by: 'cli',
      now: h.time.clock(),
    });
    const row = await h.store.claimDelivery({
      subscriptionId: subs[4]?.id ?? '',
      kind: 'broadcast',
      period: PERIOD,
      reviewId: REVIEW,
      dueAt: broadcast.createdAt,
      owner: 'dead',
      now: h.time.clock(),
      leaseMs: 120_000,
    });
    await h.store.failDelivery(row?.id ?? '', 'dead', {
      status: 'retry',
      error: 'HTTP 503',
      now: h.time.clock(),
    });
    const summary = await h.runner().runDue(h.time.clock());
    expect(summary.sent).toBe(1);
    expect(announcementsTo('ch4')).toHaveLength(1);
  });
});
