import { afterEach, describe, expect, it } from 'vitest';
import { type DeliveryHarness, deliveryHarness } from '../../../test/helpers/delivery-harness.ts';
import { gone } from '../../../test/helpers/delivery-notifier.ts';
import { STORE_KINDS } from '../../../test/helpers/delivery-stores.ts';
import type { Delivery, Subscription } from '../model/index.ts';
import { buildReport, summariseReport, weekRange } from './build-report.ts';

const WEEK = 7 * 24 * 3_600_000;

describe('weekRange', () => {
  it('fills the weeks between the first and the last, across a year end', () => {
    expect(weekRange(['2026-W52', '2026-W50', '2027-W01'])).toEqual([
      '2026-W50',
      '2026-W51',
      '2026-W52',
      '2026-W53',
      '2027-W01',
    ]);
    expect(weekRange([])).toEqual([]);
  });
});

describe.each(STORE_KINDS)('buildReport on the $name', ({ open }) => {
  let h: DeliveryHarness;
  afterEach(async () => {
    await h?.store.close();
  });

  /** Six weeks of briefings to four channels, a broadcast, faults and acknowledgements. */
  async function history(): Promise<Subscription[]> {
    h = await deliveryHarness(open, '2026-11-01T12:00:00Z');
    const subs = [
      await h.subscribe('C1', { themes: ['neglect'] }),
      await h.subscribe('C2', { label: null }),
      await h.subscribe('19:abc@thread.tacv2', {
        platform: 'teams',
        workspace: 'tenant-1',
        label: 'Early help team',
      }),
      await h.subscribe('C4'),
    ];
    h.notifier.script(
      'C2',
      { ok: true, messageRef: '' },
      { ok: true, messageRef: '' },
      gone('not_in_channel'),
    );
    h.time.set('2026-11-02T09:05:00Z');
    for (let week = 0; week < 6; week++) {
      await h.runner().runDue(h.time.clock());
      if (week === 1) await h.runner().publish('leeds-child-b', { again: false, by: 'cli' });
      if (week === 3)
        await h.store.setSubscriptionStatus(
          subs[3]?.id ?? '',
          'removed',
          'unsubscribed',
          h.time.clock(),
        );
      h.time.advance(WEEK);
    }
    // A process died mid-request to C1 in week 7: in doubt, but probably delivered.
    h.time.set('2026-12-14T10:00:00Z');
    const midRequest = await h.store.claimDelivery({
      subscriptionId: subs[0]?.id ?? '',
      kind: 'briefing',
      period: '2026-W51',
      lessonId: 'leeds-child-b/4',
      dueAt: h.time.clock(),
      owner: 'dead',
      now: h.time.clock(),
      leaseMs: 1_000,
    });
    await h.store.markSending(midRequest?.id ?? '', 'dead', h.time.clock());
    h.time.advance(60_000);
    await h.store.markInDoubt(h.time.clock());
    await acknowledgeSome();
    return subs;
  }

  /** Presses as the front doors make them: the first is the team's, each a confirmation; some plans. */
  async function acknowledgeSome() {
    const sent = (await h.store.listDeliveries()).filter((d) => d.status === 'sent');
    let n = 0;
    for (const d of sent) {
      n += 1;
      for (let u = 0; u < n % 3; u++) {
        const at = new Date(d.dueAt.getTime() + (u + 1) * 3_600_000);
        await h.store.recordTeamDiscussion(d.id, at);
        await h.store.acknowledge({ deliveryId: d.id, userId: `slack:U${u}`, at });
      }
      if (n % 4 === 1) {
        const at = new Date(d.dueAt.getTime() + 2 * 86_400_000);
        await h.store.savePlan({ deliveryId: d.id, plan: `Plan ${n} for ${d.period}`, at });
      }
    }
  }

  /** What the ledger says, counted here without the report's code. */
  async function fromLedger(s: Subscription, rows: Delivery[]) {
    const mine = rows.filter((r) => r.subscriptionId === s.id);
    const count = (kind: string, status: string) =>
      mine.filter((r) => r.kind === kind && r.status === status).length;
    const talks = (await h.store.listTeamDiscussions()).filter((t) =>
      mine.some((r) => r.id === t.deliveryId),
    );
    return {
      briefings: {
        sent: count('briefing', 'sent'),
        inDoubt: count('briefing', 'in-doubt'),
        delivered: count('briefing', 'sent') + count('briefing', 'in-doubt'),
      },
      broadcasts: {
        sent: count('broadcast', 'sent'),
        inDoubt: count('broadcast', 'in-doubt'),
        delivered: count('broadcast', 'sent') + count('broadcast', 'in-doubt'),
      },
      undelivered: mine.filter((r) => r.status === 'gone' || r.status === 'failed').length,
      discussed: talks.length,
      plans: talks.filter((t) => t.plan !== undefined).length,
    };
  }

  it('gives each channel’s numbers exactly as the ledger holds them', async () => {
    const subs = await history();
    const report = await buildReport(h.store, h.corpus, { now: h.time.clock() });
    const rows = await h.store.listDeliveries();
    expect(report.channels).toHaveLength(4);
    for (const s of subs) {
      const channel = report.channels.find((c) => c.subscriptionId === s.id);
      expect(channel).toMatchObject(await fromLedger(s, rows));
    }
    const talks = await h.store.listTeamDiscussions();
    const clicks = (await h.store.listAcknowledgements()).length;
    expect(talks.length).toBeGreaterThan(0);
    // Teams and posts, never clicks: several colleagues pressed some posts.
    expect(clicks).toBeGreaterThan(talks.length);
    expect(report.totals.discussions).toBe(talks.length);
    expect(report.totals.teamsDiscussed).toBe(
      new Set(talks.map((t) => rows.find((r) => r.id === t.deliveryId)?.subscriptionId)).size,
    );
    expect(report.totals.lessonsDiscussed).toBe(
      new Set(talks.map((t) => rows.find((r) => r.id === t.deliveryId)?.lessonId).filter(Boolean))
        .size,
    );
    expect(report.totals.lessonsDiscussed).toBeLessThanOrEqual(report.totals.discussions);
    const planned = talks.filter((t) => t.plan !== undefined);
    expect(planned.length).toBeGreaterThan(0);
    expect(report.totals.plans).toBe(planned.length);
    expect(report.plans.map((p) => p.plan).sort()).toEqual(planned.map((t) => t.plan).sort());
    expect(report.totals.briefingsDelivered).toBe(
      rows.filter((r) => r.kind === 'briefing' && (r.status === 'sent' || r.status === 'in-doubt'))
        .length,
    );
    expect(report.totals.broadcastsDelivered).toBe(
      rows.filter((r) => r.kind === 'broadcast' && r.status === 'sent').length,
    );
  });

  it('shows status, labels, themes and the last delivery of each channel', async () => {
    const subs = await history();
    const report = await buildReport(h.store, h.corpus, { now: h.time.clock() });
    const byId = (s: Subscription | undefined) =>
      report.channels.find((c) => c.subscriptionId === s?.id);
    expect(byId(subs[0])).toMatchObject({ label: '#C1', platform: 'slack', status: 'active' });
    expect(byId(subs[0])?.briefings.inDoubt).toBe(1);
    expect(byId(subs[0])?.lastDelivery).toBe('2026-12-14T10:00:00.000Z');
    expect(byId(subs[0])?.themes.map((t) => t.id)).toContain('neglect');
    expect(byId(subs[1])).toMatchObject({ label: 'C2', status: 'inactive', undelivered: 1 });
    expect(byId(subs[2])).toMatchObject({ label: 'Early help team', platform: 'teams' });
    expect(byId(subs[3])).toMatchObject({ status: 'removed' });
    expect(byId(subs[3])?.briefings.delivered).toBe(4);
  });

  it('counts team discussions per ISO week per channel, the weeks running without gaps', async () => {
    const subs = await history();
    const report = await buildReport(h.store, h.corpus, { now: h.time.clock() });
    expect(report.weeks[0]).toBe('2026-W45');
    expect(report.weeks).toEqual(weekRange(report.weeks));
    const acks = await h.store.listTeamDiscussions();
    const rows = await h.store.listDeliveries();
    for (const [i, s] of subs.entries()) {
      const line =
        report.discussionsByWeek[report.channels.findIndex((c) => c.subscriptionId === s.id)];
      const mine = acks.filter(
        (a) => rows.find((r) => r.id === a.deliveryId)?.subscriptionId === s.id,
      );
      expect(
        line?.counts.reduce((a, b) => a + b, 0),
        `channel ${i}`,
      ).toBe(mine.length);
      expect(line?.counts).toHaveLength(report.weeks.length);
    }
  });

  it('keeps to the period asked for', async () => {
    await history();
    const since = new Date('2026-11-16T00:00:00Z');
    const until = new Date('2026-11-29T23:59:59Z');
    const report = await buildReport(h.store, h.corpus, { since, until, now: h.time.clock() });
    const rows = (await h.store.listDeliveries({ since, until })).filter(
      (r) => r.status === 'sent' || r.status === 'in-doubt',
    );
    const talks = await h.store.listTeamDiscussions();
    const inPeriod = (at: Date | undefined) => at !== undefined && at >= since && at <= until;
    expect(report.since).toBe(since.toISOString());
    expect(report.totals.briefingsDelivered + report.totals.broadcastsDelivered).toBe(rows.length);
    expect(report.totals.discussions).toBe(talks.filter((t) => inPeriod(t.discussedAt)).length);
    expect(report.totals.plans).toBe(talks.filter((t) => inPeriod(t.plannedAt)).length);
    expect(report.totals.discussions).toBeLessThan(talks.length);
  });

  it('summarises for chat: the totals, the first channels and the first reviews’ funnels', async () => {
    await history();
    const report = await buildReport(h.store, h.corpus, { now: h.time.clock() });
    const summary = summariseReport(report, { channels: 2, reviews: 1 });
    expect(summary.totals).toEqual(report.totals);
    expect(summary.channels).toHaveLength(2);
    expect(summary.omitted).toBe(2);
    const [first, ...rest] = report.evidence.reviews;
    expect(rest.length).toBeGreaterThan(0);
    expect(summary.reviewsOmitted).toBe(rest.length);
    expect(summary.reviews).toEqual([
      {
        title: first?.title,
        sentence: first?.sentence,
        stages: [
          { label: 'Teams reached', count: first?.teamsReached },
          { label: 'Discussed it', count: first?.teamsDiscussed },
          { label: 'Planned a change', count: first?.teamsPlanned },
          { label: 'Changed practice (fully or in part)', count: first?.teamsChanged },
        ],
      },
    ]);
    expect(first?.teamsReached).toBeGreaterThan(0);
  });
});
