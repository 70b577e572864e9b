import { describe, expect, it } from 'vitest';
import type { EvidenceCounts, Report, ReportChannel } from '../../core/index.ts';
import { discussionChart } from './discussion-chart.ts';
import {
  renderEvidenceCsv,
  renderPlansCsv,
  renderReportCsv,
  renderWeeklyCsv,
} from './render-report-csv.ts';
import { renderReportHtml } from './render-report-html.ts';
import { renderReportJson } from './render-report-json.ts';

function channel(
  id: string,
  label: string,
  discussed: number,
  extra: Partial<ReportChannel> = {},
): ReportChannel {
  return {
    subscriptionId: id,
    label,
    platform: 'slack',
    workspace: 'T1',
    channel: `C${id}`,
    status: 'active',
    statusReason: null,
    briefings: { delivered: 5, sent: 4, inDoubt: 1 },
    broadcasts: { delivered: 1, sent: 1, inDoubt: 0 },
    undelivered: 0,
    discussed,
    plans: 0,
    themes: [
      { id: 'neglect', label: 'Neglect' },
      { id: 'domestic-abuse', label: 'Domestic abuse' },
    ],
    lastDelivery: '2026-11-30T09:00:00.000Z',
    ...extra,
  };
}

const HOSTILE = '<script>alert("x")</script> & co';

function counts(reached: number): EvidenceCounts {
  return {
    teamsReached: reached,
    lessonsDelivered: 9,
    announcementsDelivered: 2,
    teamsDiscussed: 2,
    medianDaysToDiscussion: 1.5,
    teamsPlanned: 1,
    plans: 2,
    teamsChanged: 1,
    followUps: { changed: 1, partly: 1, notYet: 0, decidedAgainst: 1 },
  };
}

const LONG_TEAM =
  'Children’s Social Care – Assessment and Intervention Team 2 (North and East localities)';

function evidence(): Report['evidence'] {
  return {
    totals: counts(3),
    reviews: [
      {
        reviewId: 'croydon-claire',
        title: HOSTILE,
        ...counts(3),
        sentence: `The learning from ${HOSTILE} reached 3 teams; 2 discussed it; 1 planned a change; 1 reports a change in practice.`,
        quotedPlans: [
          {
            team: LONG_TEAM,
            lessonId: 'croydon-claire/1',
            title: 'Keep a chronology',
            text: 'Chronology at the first referral',
            at: '2026-11-24T10:00:00.000Z',
            answer: null,
          },
        ],
        quotedChanges: [],
      },
    ],
    themes: [{ id: 'neglect', label: 'Neglect', ...counts(3) }],
    agencies: [{ id: 'health', label: 'Health', ...counts(2) }],
  };
}

function report(): Report {
  return {
    generatedAt: '2026-12-01T10:00:00.000Z',
    since: '2026-11-01T00:00:00.000Z',
    until: null,
    scope: { reviewId: null, themeId: null, agencyId: null },
    channels: [
      channel('1', '#safeguarding, "east"', 3, { plans: 2 }),
      channel('2', HOSTILE, 2, {
        platform: 'teams',
        status: 'paused',
        statusReason: 'HTTP 403 BotNotInConversationRoster',
      }),
      channel('3', '=HYPERLINK("http://evil")', 0, {
        status: 'removed',
        lastDelivery: null,
        themes: [],
      }),
    ],
    totals: {
      channels: 3,
      activeChannels: 1,
      briefingsDelivered: 15,
      broadcastsDelivered: 3,
      teamsDiscussed: 2,
      lessonsDiscussed: 4,
      discussions: 5,
      plans: 2,
    },
    weeks: ['2026-W46', '2026-W47', '2026-W48'],
    discussionsByWeek: [
      { subscriptionId: '1', label: '#safeguarding, "east"', counts: [1, 0, 2] },
      { subscriptionId: '2', label: HOSTILE, counts: [0, 2, 0] },
      { subscriptionId: '3', label: '=HYPERLINK("http://evil")', counts: [0, 0, 0] },
    ],
    plans: [
      plan('2026-W47', 'Chronology at the first referral, "always"'),
      plan('2026-W48', `=SUM(A1) ${HOSTILE}`),
    ],
    evidence: evidence(),
  };
}

function plan(period: string, text: string) {
  return {
    subscriptionId: '1',
    label: '#safeguarding, "east"',
    period,
    lessonId: 'croydon-claire/1',
    reviewId: null,
    title: 'Keep a chronology',
    plan: text,
    plannedAt: '2026-11-24T10:00:00.000Z',
  };
}

describe('renderReportCsv', () => {
  const csv = renderReportCsv(report());
  const rows = csv.split('\r\n');

  it('has a header and one row per channel, ending with a line break', () => {
    expect(rows[0]).toBe(
      'channel,platform,workspace,channel_id,status,briefings_delivered,briefings_sent,briefings_in_doubt,broadcasts_delivered,broadcasts_sent,broadcasts_in_doubt,undelivered,discussed,plans,themes,last_delivery,status_reason,planned_changes',
    );
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('quotes commas and quotes, and defuses formulas', () => {
    expect(rows[1]).toBe(
      '"#safeguarding, ""east""",slack,T1,C1,active,5,4,1,1,1,0,0,3,2,Neglect; Domestic abuse,2026-11-30T09:00:00.000Z,,"2026-W47: Chronology at the first referral, ""always""\n2026-W48: =SUM(A1) <script>alert(""x"")</script> & co"',
    );
    expect(rows[2]).toMatch(/,teams,.*,paused,.*,HTTP 403 BotNotInConversationRoster,$/);
    expect(rows[3]?.startsWith(`"'=HYPERLINK(""http://evil"")",slack`)).toBe(true);
    expect(rows).toHaveLength(5);
  });

  it('quotes every plan, one a row, defusing formulas', () => {
    const plans = renderPlansCsv(report()).split('\r\n');
    expect(plans[0]).toBe(
      'channel,subscription_id,period,lesson_id,review_id,title,plan,planned_at',
    );
    expect(plans[1]).toBe(
      '"#safeguarding, ""east""",1,2026-W47,croydon-claire/1,,Keep a chronology,"Chronology at the first referral, ""always""",2026-11-24T10:00:00.000Z',
    );
    expect(plans[2]).toContain(`,"'=SUM(A1) <script>alert(""x"")</script> & co",`);
    expect(plans).toHaveLength(4);
  });

  it('lists the posts each team discussed per week in long form, quiet weeks included', () => {
    const weekly = renderWeeklyCsv(report()).split('\r\n');
    expect(weekly[0]).toBe('channel,subscription_id,week,discussed');
    expect(weekly[1]).toBe('"#safeguarding, ""east""",1,2026-W46,1');
    expect(weekly[2]).toBe('"#safeguarding, ""east""",1,2026-W47,0');
    expect(weekly).toHaveLength(11);
  });
});

describe('renderReportJson', () => {
  it('round-trips the report with its version', () => {
    expect(JSON.parse(renderReportJson(report()))).toEqual({ reportVersion: 3, ...report() });
  });
});

describe('renderReportHtml', () => {
  const html = renderReportHtml(report());

  it('is a complete page with the totals and every channel', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<dd>15</dd>');
    expect(html).toContain('<dt>Teams that discussed a lesson</dt><dd>2</dd>');
    expect(html).toContain('<dt>Lessons discussed</dt><dd>4</dd>');
    expect(html).toContain('<dt>Changes planned</dt><dd>2</dd>');
    expect(html).not.toContain('Discussed in a team');
    expect(html).toContain('5 (1 in doubt)');
    expect(html).toContain('Neglect, Domestic abuse');
    expect(html.match(/<tr>/g)).toHaveLength(4);
  });

  it('quotes every plan, escaped, with its team, lesson and week', () => {
    expect(html).toContain(
      '<blockquote>Chronology at the first referral, &quot;always&quot;</blockquote><p>#safeguarding, &quot;east&quot; · Keep a chronology (2026-W47) · 2026-11-24</p>',
    );
    expect(renderReportHtml({ ...report(), plans: [] })).toContain(
      'No team saved a plan in this period.',
    );
  });

  it('escapes every value', () => {
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
  });

  it('needs nothing from outside: no script, link, font or image', () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|src=|href=/i);
  });

  it('draws a bar for every week a team discussed something, and leaves quiet teams out', () => {
    const svg = discussionChart(report()) ?? '';
    expect(html).toContain(svg);
    expect(svg.match(/<rect /g)).toHaveLength(3);
    expect(svg).toContain('<title>#safeguarding, &quot;east&quot;, 2026-W48: 2</title>');
    expect(svg).not.toContain('HYPERLINK');
    expect(svg).toContain('2026-W46');
  });

  it('labels weeks briefly, with the year where it changes', () => {
    const turn = report();
    turn.weeks = ['2026-W52', '2026-W53', '2027-W01'];
    const svg = discussionChart(turn) ?? '';
    // Three weeks get 40 px each: every other label fits.
    expect(svg).toContain('>2026 W52</text>');
    expect(svg).not.toContain('W53</text>');
    expect(svg).toContain('>2027 W01</text>');
  });

  it('says so instead of drawing an empty chart', () => {
    const quiet = report();
    quiet.discussionsByWeek = quiet.discussionsByWeek.map((l) => ({
      ...l,
      counts: [0, 0, 0],
    }));
    expect(discussionChart(quiet)).toBeNull();
    expect(renderReportHtml(quiet)).toContain(
      'No team marked a lesson as discussed in this period.',
    );
  });
});

describe('the evidence pack', () => {
  const html = renderReportHtml(report());

  it('quotes each review’s sentence, escaped', () => {
    expect(html).toContain(
      '<p class="sentence">The learning from &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co reached 3 teams;',
    );
  });

  it('pairs every chart with a table of the same numbers, captioned, headers scoped', () => {
    const funnels = html.match(/<div class="funnel" role="img" aria-label="[^"]+">/g) ?? [];
    const pairs = html.match(/<div class="funnel-pair">.*?<\/table><\/div>/g) ?? [];
    // All reviews, then one review.
    expect(funnels).toHaveLength(2);
    expect(pairs).toHaveLength(2);
    for (const pair of pairs) {
      expect(pair).toMatch(/<table class="funnel-table"><caption>[^<]+<\/caption>/);
      for (const step of ['Teams reached', 'Discussed it', 'Planned a change', 'Changed practice'])
        expect(pair).toMatch(new RegExp(`<th scope="row">${step}`));
    }
    // The weekly chart is followed by its table.
    expect(html).toMatch(
      /<\/svg><figcaption>[^<]*<\/figcaption><\/figure><div class="wide"><table><caption>The chart as a table/,
    );
    expect(html).toContain(
      '<th scope="row">#safeguarding, &quot;east&quot;</th><td class="n">3</td><td>2026-W46: 1, 2026-W48: 2</td>',
    );
  });

  it('writes the number on every bar, so colour is never the only way to read it', () => {
    const bars = html.match(
      /<span class="stage-bar" style="width:\d+%"><\/span><\/span><span class="stage-n">\d+<\/span>/g,
    );
    expect(bars).toHaveLength(8);
    expect(html).toContain('<span class="stage-label">Teams reached</span>');
  });

  it('never cuts a name short, in tables or chart', () => {
    const long = report();
    long.discussionsByWeek[0] = { subscriptionId: '1', label: LONG_TEAM, counts: [1, 0, 2] };
    const svg = discussionChart(long) ?? '';
    expect(svg).toContain(`>${LONG_TEAM.replace(/’/g, '’')}</text>`);
    const x = Number(/<text x="(\d+)"[^>]*text-anchor="end">/.exec(svg)?.[1]);
    // About 7 px a character at 12 px: the label starts inside the drawing.
    expect(x).toBeGreaterThan(LONG_TEAM.length * 7);
    expect(html).toContain(LONG_TEAM);
    expect(html).not.toContain('…');
  });

  it('prints on A4, keeping each review on one page where it fits', () => {
    expect(html).toContain('@page { size: A4;');
    expect(html).toMatch(/section\.review[^{]*\{ break-inside: avoid; \}/);
    expect(html).toContain('<html lang="en-GB">');
  });

  it('keeps headings in order: one h1, then h2, h3 and h4 without skipping', () => {
    const levels = [...html.matchAll(/<h(\d)[ >]/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++)
      expect(levels[i] ?? 0).toBeLessThanOrEqual((levels[i - 1] ?? 0) + 1);
  });

  it('gives one CSV row in all, then per review, theme and agency', () => {
    const rows = renderEvidenceCsv(report()).split('\r\n');
    expect(rows[0]).toBe(
      'breakdown,id,name,teams_reached,lessons_delivered,announcements_delivered,teams_discussed,median_days_to_discussion,teams_planned,plans,teams_changed,answers_changed,answers_partly,answers_not_yet,answers_decided_against,sentence',
    );
    expect(rows[1]).toBe('total,,All reviews,3,9,2,2,1.5,1,2,1,1,1,0,1,');
    expect(rows[2]).toMatch(
      /^review,croydon-claire,"<script>.*,3,9,2,2,1\.5,1,2,1,1,1,0,1,"The learning from/,
    );
    expect(rows[3]).toMatch(/^theme,neglect,Neglect,3,/);
    expect(rows[4]).toMatch(/^agency,health,Health,2,/);
    expect(rows).toHaveLength(6);
  });

  it('keeps the JSON contract of docs/report.md: version 3 and its fields', () => {
    const json = JSON.parse(renderReportJson(report()));
    expect(json.reportVersion).toBe(3);
    expect(Object.keys(json).sort()).toEqual(
      [
        'reportVersion',
        'generatedAt',
        'since',
        'until',
        'scope',
        'channels',
        'totals',
        'weeks',
        'discussionsByWeek',
        'plans',
        'evidence',
      ].sort(),
    );
    expect(Object.keys(json.evidence).sort()).toEqual(['agencies', 'reviews', 'themes', 'totals']);
    expect(Object.keys(json.evidence.reviews[0]).sort()).toEqual(
      [
        'reviewId',
        'title',
        'sentence',
        'quotedPlans',
        'quotedChanges',
        'teamsReached',
        'lessonsDelivered',
        'announcementsDelivered',
        'teamsDiscussed',
        'medianDaysToDiscussion',
        'teamsPlanned',
        'plans',
        'teamsChanged',
        'followUps',
      ].sort(),
    );
    expect(Object.keys(json.evidence.reviews[0].quotedPlans[0]).sort()).toEqual([
      'answer',
      'at',
      'lessonId',
      'team',
      'text',
      'title',
    ]);
  });
});
