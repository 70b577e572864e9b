import { describe, expect, it } from 'vitest';
import type { Report, ReportChannel } from '../../core/index.ts';
import { acknowledgementChart } from './acknowledgement-chart.ts';
import { renderReportCsv, renderWeeklyCsv } from './render-report-csv.ts';
import { renderReportHtml } from './render-report-html.ts';
import { renderReportJson } from './render-report-json.ts';

function channel(
  id: string,
  label: string,
  acks: number,
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
    acknowledgements: acks,
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
      channel('1', '#safeguarding, "east"', 3),
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
      acknowledgements: 5,
    },
    weeks: ['2026-W46', '2026-W47', '2026-W48'],
    acknowledgementsByWeek: [
      { subscriptionId: '1', label: '#safeguarding, "east"', counts: [1, 0, 2] },
      { subscriptionId: '2', label: HOSTILE, counts: [0, 2, 0] },
      { subscriptionId: '3', label: '=HYPERLINK("http://evil")', counts: [0, 0, 0] },
    ],
  };
}

describe('renderReportCsv', () => {
  const csv = renderReportCsv(report());
  const rows = csv.split('\r\n');

  it('has a header and one row per channel, ending with a line break', () => {
    expect(rows[0]).toBe(
      'channel,platform,workspace,channel_id,status,briefings_delivered,briefings_sent,briefings_in_doubt,broadcasts_delivered,broadcasts_sent,broadcasts_in_doubt,undelivered,acknowledgements,themes,last_delivery,status_reason',
    );
    expect(rows).toHaveLength(5);
    expect(rows.at(-1)).toBe('');
  });

  it('quotes commas and quotes, and defuses formulas', () => {
    expect(rows[1]).toBe(
      '"#safeguarding, ""east""",slack,T1,C1,active,5,4,1,1,1,0,0,3,Neglect; Domestic abuse,2026-11-30T09:00:00.000Z,',
    );
    expect(rows[2]).toMatch(/,teams,.*,paused,.*,HTTP 403 BotNotInConversationRoster$/);
    expect(rows[3]?.startsWith(`"'=HYPERLINK(""http://evil"")",slack`)).toBe(true);
  });

  it('lists acknowledgements per week in long form, quiet weeks included', () => {
    const weekly = renderWeeklyCsv(report()).split('\r\n');
    expect(weekly[0]).toBe('channel,subscription_id,week,acknowledgements');
    expect(weekly[1]).toBe('"#safeguarding, ""east""",1,2026-W46,1');
    expect(weekly[2]).toBe('"#safeguarding, ""east""",1,2026-W47,0');
    expect(weekly).toHaveLength(11);
  });
});

describe('renderReportJson', () => {
  it('round-trips the report with its version', () => {
    expect(JSON.parse(renderReportJson(report()))).toEqual({ reportVersion: 1, ...report() });
  });
});

describe('renderReportHtml', () => {
  const html = renderReportHtml(report());

  it('is a complete page with the totals and every channel', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<dd>15</dd>');
    expect(html).toContain('<dd>5</dd>');
    expect(html).toContain('5 (1 in doubt)');
    expect(html).toContain('Neglect, Domestic abuse');
    expect(html.match(/<tr>/g)).toHaveLength(4);
  });

  it('escapes every value', () => {
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
  });

  it('needs nothing from outside: no script, link, font or image', () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|src=|href=/i);
  });

  it('draws a bar for every week a team discussed something, and leaves quiet teams out', () => {
    const svg = acknowledgementChart(report()) ?? '';
    expect(html).toContain(svg);
    expect(svg.match(/<rect /g)).toHaveLength(3);
    expect(svg).toContain('<title>#safeguarding, &quot;east&quot;, 2026-W48: 2</title>');
    expect(svg).not.toContain('HYPERLINK');
    expect(svg).toContain('2026-W46');
  });

  it('labels weeks briefly, with the year where it changes', () => {
    const turn = report();
    turn.weeks = ['2026-W52', '2026-W53', '2027-W01'];
    const svg = acknowledgementChart(turn) ?? '';
    // Three weeks get 40 px each: every other label fits.
    expect(svg).toContain('>2026 W52</text>');
    expect(svg).not.toContain('W53</text>');
    expect(svg).toContain('>2027 W01</text>');
  });

  it('says so instead of drawing an empty chart', () => {
    const quiet = report();
    quiet.acknowledgementsByWeek = quiet.acknowledgementsByWeek.map((l) => ({
      ...l,
      counts: [0, 0, 0],
    }));
    expect(acknowledgementChart(quiet)).toBeNull();
    expect(renderReportHtml(quiet)).toContain(
      'No team marked a lesson as discussed in this period.',
    );
  });
});
