import { describe, expect, it } from 'vitest';
import type { Report, ReportChannel } from '../../core/index.ts';
import { discussionChart } from './discussion-chart.ts';
import { renderPlansCsv, renderReportCsv, renderWeeklyCsv } from './render-report-csv.ts';
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

function report(): Report {
  return {
    generatedAt: '2026-12-01T10:00:00.000Z',
    since: '2026-11-01T00:00:00.000Z',
    until: null,
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
    expect(JSON.parse(renderReportJson(report()))).toEqual({ reportVersion: 2, ...report() });
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
