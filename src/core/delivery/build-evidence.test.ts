import { afterEach, describe, expect, it } from 'vitest';
import { type DeliveryHarness, deliveryHarness } from '../../../test/helpers/delivery-harness.ts';
import { STORE_KINDS } from '../../../test/helpers/delivery-stores.ts';
import { demoCorpus } from '../../../test/helpers/demo-report.ts';
import { BotError } from '../errors.ts';
import type { Delivery, FollowUpAnswer, TeamDiscussion } from '../model/index.ts';
import { buildEvidence } from './build-evidence.ts';
import { buildReport } from './build-report.ts';
import { evidenceSentence, funnelRows, funnelStages } from './evidence-sentence.ts';
import { reportScope } from './report-scope.ts';

const WEEK = 7 * 86_400_000;
const HOUR = 3_600_000;

interface Ledger {
  rows: Delivery[];
  talks: TeamDiscussion[];
}

/** What the ledger says about the posts `about` picks, counted here without the report's code. */
function expected(ledger: Ledger, about: (d: Delivery) => boolean, until?: Date) {
  const posts = ledger.rows.filter(
    (d) => (d.status === 'sent' || d.status === 'in-doubt') && about(d),
  );
  const ids = new Set(posts.map((d) => d.id));
  const owner = new Map(posts.map((d) => [d.id, d.subscriptionId]));
  const talks = ledger.talks.filter(
    (t) => ids.has(t.deliveryId) && (!until || t.discussedAt <= until),
  );
  const planned = talks.filter(
    (t) => t.plan !== undefined && (!until || (t.plannedAt ?? 0) <= until),
  );
  return {
    teamsReached: new Set(posts.map((d) => d.subscriptionId)).size,
    lessonsDelivered: posts.filter((d) => d.kind === 'briefing').length,
    announcementsDelivered: posts.filter((d) => d.kind === 'broadcast').length,
    teamsDiscussed: new Set(talks.map((t) => owner.get(t.deliveryId))).size,
    teamsPlanned: new Set(planned.map((t) => owner.get(t.deliveryId))).size,
    plans: planned.length,
  };
}

describe.each(STORE_KINDS)('the evidence pack on the $name', ({ open }) => {
  let h: DeliveryHarness;
  afterEach(async () => {
    await h?.store.close();
  });

  /** Eight weeks to five teams (two with a few themes only), an announcement, take-up. */
  async function history(): Promise<Ledger> {
    h = await deliveryHarness(open, '2026-09-01T08:00:00Z', demoCorpus());
    await h.subscribe('C1');
    await h.subscribe('C2', { themes: ['neglect'] });
    await h.subscribe('C3', { themes: ['domestic-abuse'], label: 'Health visiting' });
    await h.subscribe('C4');
    await h.subscribe('19:x@thread.tacv2', { platform: 'teams', workspace: 'tenant-1' });
    h.time.set('2026-09-07T09:05:00Z');
    for (let week = 0; week < 8; week++) {
      await h.runner().runDue(h.time.clock());
      if (week === 1) await h.runner().publish('fictional-baby-l', { again: false, by: 'cli' });
      h.time.advance(WEEK);
    }
    const rows = await h.store.listDeliveries();
    for (const [i, d] of rows.filter((r) => r.status === 'sent').entries()) {
      if (i % 3 === 0) continue;
      const at = new Date(d.dueAt.getTime() + (i % 4) * 30 * HOUR);
      await h.store.recordTeamDiscussion(d.id, at);
      if (i % 2 === 0)
        await h.store.savePlan({
          deliveryId: d.id,
          plan: `Plan ${i}`,
          at: new Date(at.getTime() + HOUR),
        });
    }
    return { rows: await h.store.listDeliveries(), talks: await h.store.listTeamDiscussions() };
  }

  it('gives every review’s, theme’s and agency’s numbers as the ledger holds them', async () => {
    const ledger = await history();
    const { evidence } = await buildReport(h.store, h.corpus, { now: h.time.clock() });
    const corpus = h.corpus;
    const lessonOf = (d: Delivery) => corpus.lessonById.get(d.lessonId ?? '');
    const reviewOf = (d: Delivery) => lessonOf(d)?.reviewId ?? d.reviewId;
    const tags = (d: Delivery, field: 'themes' | 'agencies') => {
      const lesson = lessonOf(d);
      if (lesson) return lesson[field];
      return corpus.lessons.filter((l) => l.reviewId === d.reviewId).flatMap((l) => l[field]);
    };
    expect(evidence.totals).toMatchObject(expected(ledger, () => true));
    expect(evidence.totals.plans).toBeGreaterThan(0);
    expect(evidence.totals.teamsDiscussed).toBeGreaterThan(0);
    expect(evidence.reviews.map((r) => r.reviewId).sort()).toEqual(
      [...new Set(ledger.rows.filter((d) => d.status === 'sent').map(reviewOf))].sort(),
    );
    for (const r of evidence.reviews)
      expect(r, r.reviewId).toMatchObject(expected(ledger, (d) => reviewOf(d) === r.reviewId));
    for (const t of evidence.themes)
      expect(t, t.id).toMatchObject(expected(ledger, (d) => tags(d, 'themes').includes(t.id)));
    expect(evidence.agencies.length).toBeGreaterThan(1);
    for (const a of evidence.agencies)
      expect(a, a.id).toMatchObject(expected(ledger, (d) => tags(d, 'agencies').includes(a.id)));
    const quoted = evidence.reviews.flatMap((r) => r.quotedPlans.map((q) => q.text)).sort();
    expect(quoted).toEqual(ledger.talks.flatMap((t) => (t.plan ? [t.plan] : [])).sort());
  });

  it('narrows everything to a review, theme or agency, the channel table too', async () => {
    const ledger = await history();
    const corpus = h.corpus;
    const scope = reportScope(corpus, { review: 'fictional-baby-l', agency: 'police' });
    const report = await buildReport(h.store, corpus, { now: h.time.clock(), scope });
    expect(report.scope).toEqual({
      reviewId: 'fictional-baby-l',
      themeId: null,
      agencyId: 'police',
    });
    const about = (d: Delivery) => {
      const lesson = corpus.lessonById.get(d.lessonId ?? '');
      return lesson
        ? lesson.reviewId === 'fictional-baby-l' && lesson.agencies.includes('police')
        : d.reviewId === 'fictional-baby-l';
    };
    expect(report.evidence.reviews.map((r) => r.reviewId)).toEqual(['fictional-baby-l']);
    expect(report.evidence.totals).toMatchObject(expected(ledger, about));
    const briefings = ledger.rows.filter(
      (d) => d.kind === 'briefing' && d.status === 'sent' && about(d),
    );
    expect(report.totals.briefingsDelivered).toBe(briefings.length);
    expect(briefings.length).toBeGreaterThan(0);
  });

  it('counts the posts due in the period, and what became of them by its end', async () => {
    const ledger = await history();
    const since = new Date('2026-09-14T00:00:00Z');
    const until = new Date('2026-10-11T23:59:59Z');
    const report = await buildReport(h.store, h.corpus, { since, until, now: h.time.clock() });
    const inPeriod = (d: Delivery) => d.dueAt >= since && d.dueAt <= until;
    expect(report.evidence.totals).toMatchObject(expected(ledger, inPeriod, until));
    expect(report.evidence.totals.lessonsDelivered).toBeLessThan(
      ledger.rows.filter((d) => d.kind === 'briefing').length,
    );
  });

  it('refuses an unknown id, suggesting the one probably meant', () => {
    const corpus = demoCorpus();
    expect(() => reportScope(corpus, { review: 'fictional-baby-1' })).toThrow(
      /no review “fictional-baby-1”\. Did you mean “fictional-baby-l”\? The reviews command/,
    );
    expect(() => reportScope(corpus, { theme: 'negelct' })).toThrow(/Did you mean “neglect”/);
    expect(() => reportScope(corpus, { agency: 'x'.repeat(10_000) })).toThrow(
      /no agency “x{60}”\. The agencies are: /,
    );
    const error = (() => {
      try {
        reportScope(corpus, { theme: '<b>' });
      } catch (thrown) {
        return thrown;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(BotError);
    expect((error as BotError).code).toBe('report_invalid');
  });
});

describe('follow-up answers in the evidence pack', () => {
  it('counts each team’s answers by kind, and teams that changed practice fully or in part', () => {
    const corpus = demoCorpus();
    const at = new Date('2026-10-01T09:00:00Z');
    const post = (id: string, team: string, lessonId: string): Delivery => ({
      id,
      subscriptionId: team,
      kind: 'briefing',
      period: '2026-W40',
      lessonId,
      status: 'sent',
      attempts: 1,
      dueAt: at,
      sentAt: at,
      updatedAt: at,
    });
    const deliveries = [
      post('d1', 's1', 'fictional-child-r/1'),
      post('d2', 's1', 'fictional-child-r/2'),
      post('d3', 's2', 'fictional-child-r/1'),
      post('d4', 's3', 'fictional-child-r/3'),
    ];
    const later = new Date('2026-11-20T09:00:00Z');
    const followUps: FollowUpAnswer[] = [
      {
        deliveryId: 'd1',
        answer: 'changed',
        whatChanged: 'Chronology at intake.',
        answeredAt: later,
      },
      { deliveryId: 'd2', answer: 'partly', answeredAt: later },
      { deliveryId: 'd3', answer: 'not-yet', answeredAt: later },
      { deliveryId: 'd4', answer: 'decided-against', answeredAt: later },
    ];
    const discussions = [{ deliveryId: 'd1', discussedAt: new Date(at.getTime() + 36 * HOUR) }];
    const evidence = buildEvidence({
      corpus,
      deliveries,
      discussions,
      followUps,
      teamLabel: (id) => `Team ${id}`,
    });
    const r = evidence.reviews[0];
    expect(r?.followUps).toEqual({ changed: 1, partly: 1, notYet: 1, decidedAgainst: 1 });
    expect(r?.teamsChanged).toBe(1);
    expect(r?.medianDaysToDiscussion).toBe(1.5);
    expect(r?.quotedChanges).toEqual([
      {
        team: 'Team s1',
        lessonId: 'fictional-child-r/1',
        title: 'Keep a chronology from the first referral',
        text: 'Chronology at intake.',
        at: later.toISOString(),
        answer: 'changed',
      },
    ]);
    // An answer after the period's end does not count yet.
    const before = buildEvidence({
      corpus,
      deliveries,
      discussions,
      followUps,
      teamLabel: (id) => id,
      until: new Date('2026-11-01T00:00:00Z'),
    });
    expect(before.totals.followUps).toEqual({
      changed: 0,
      partly: 0,
      notYet: 0,
      decidedAgainst: 0,
    });
    expect(before.totals.teamsChanged).toBe(0);
  });
});

describe('evidenceSentence', () => {
  const base = {
    teamsReached: 23,
    lessonsDelivered: 40,
    announcementsDelivered: 23,
    teamsDiscussed: 17,
    medianDaysToDiscussion: 2,
    teamsPlanned: 9,
    plans: 11,
    teamsChanged: 5,
    followUps: { changed: 4, partly: 2, notYet: 3, decidedAgainst: 0 },
  };

  it('reads as a board would quote it', () => {
    expect(evidenceSentence('Child R', base)).toBe(
      'The learning from Child R reached 23 teams; 17 discussed it; 9 planned a change; 5 report a change in practice.',
    );
    expect(evidenceSentence('Child R', { ...base, teamsReached: 1, teamsChanged: 1 })).toContain(
      'reached 1 team; 17 discussed it; 9 planned a change; 1 reports a change',
    );
    expect(evidenceSentence('Child R', { ...base, teamsChanged: 0 })).toContain(
      'none has yet reported a change in practice.',
    );
    expect(evidenceSentence('Child R', { ...base, teamsReached: 0 })).toBe(
      'The learning from Child R has not reached a team yet.',
    );
  });

  it('gives chat the funnel as rows: teams reached, then each stage out of them', () => {
    expect(funnelRows(funnelStages(base))).toEqual([
      { label: 'Teams reached', value: '23' },
      { label: 'Discussed it', value: '17 of 23 (74%)' },
      { label: 'Planned a change', value: '9 of 23 (39%)' },
      { label: 'Changed practice (fully or in part)', value: '5 of 23 (22%)' },
    ]);
    const none = funnelRows(funnelStages({ ...base, teamsReached: 0, teamsDiscussed: 0 }));
    expect(none.map((r) => r.value).slice(0, 2)).toEqual(['0', '0 of 0']);
  });
});
