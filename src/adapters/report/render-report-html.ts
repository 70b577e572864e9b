import { type Report, type ReportChannel, statusWithReason } from '../../core/index.ts';
import { discussionChart } from './discussion-chart.ts';
import { escapeHtml } from './escape-html.ts';
import { evidenceHtml } from './evidence-html.ts';

/**
 * The report as one self-contained HTML page a partnership board can open in any
 * browser and print: totals, a chart of the posts each team discussed per week, the
 * teams' plans, and a table of every channel. No script, no web font, no external file; every value escaped.
 */

const STYLE = `
body { font-family: system-ui, -apple-system, "Segoe UI", Arial, sans-serif; color: #0b0c0c; margin: 2rem; line-height: 1.4; }
main { max-width: 1100px; }
h1 { font-size: 1.8rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.3rem; margin-top: 2rem; }
.period { color: #505a5f; margin-top: 0; }
.totals { display: flex; flex-wrap: wrap; gap: 1rem; padding: 0; }
.totals div { border-left: 4px solid #1d70b8; padding: 0.3rem 1rem; min-width: 9rem; }
.totals dt { color: #505a5f; font-size: 0.9rem; }
.totals dd { margin: 0; font-size: 1.8rem; font-weight: bold; }
figure { margin: 0; overflow-x: auto; }
svg { font-size: 12px; }
svg .axis { fill: #505a5f; font-size: 11px; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
th, td { border-bottom: 1px solid #b1b4b6; padding: 0.4rem 0.5rem; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.status-paused, .status-inactive, .status-removed { color: #505a5f; }
td.date { white-space: nowrap; }
.plans { padding-left: 0; list-style: none; }
.plans blockquote { margin: 0.8rem 0 0.2rem; padding-left: 0.8rem; border-left: 4px solid #b1b4b6; }
.plans p { margin: 0; color: #505a5f; font-size: 0.9rem; }
.notes { color: #505a5f; font-size: 0.9rem; margin-top: 2rem; }
th, td, dd, blockquote, .stage-label { overflow-wrap: break-word; }
caption { text-align: left; font-weight: bold; padding: 0.4rem 0; }
.wide { overflow-x: auto; }
.sentence { font-size: 1.15rem; font-weight: bold; max-width: 50rem; }
.funnel-pair { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
.funnel { flex: 1 1 22rem; }
.funnel-table { flex: 1 1 18rem; width: auto; }
.stage { display: grid; grid-template-columns: 11rem 1fr 3rem; gap: 0.5rem; align-items: center; margin: 0.3rem 0; }
.stage-track { border: 1px solid #505a5f; height: 1.4rem; }
.stage-bar { display: block; height: 100%; background: #1d70b8; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.stage-n { font-weight: bold; font-variant-numeric: tabular-nums; }
.facts { display: flex; flex-wrap: wrap; gap: 0.3rem 1.5rem; font-size: 0.95rem; }
.facts dt { color: #505a5f; }
.facts dd { margin: 0; font-weight: bold; }
section.review { border-top: 2px solid #b1b4b6; margin-top: 1.5rem; }
h4 { font-size: 1rem; margin-bottom: 0.2rem; }
@page { size: A4; margin: 12mm; }
@media print {
  body { margin: 0; font-size: 10pt; }
  table { font-size: 8pt; }
  th, td { padding: 0.15rem 0.2rem; }
  main { max-width: none; }
  figure, .wide { overflow: visible; }
  svg { max-width: 100%; height: auto; }
  section.review, table, figure, .funnel-pair, li { break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; }
}
`;

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '—');

function scopeWords(report: Report): string {
  const { reviewId, themeId, agencyId } = report.scope;
  const parts = [
    reviewId && `review ${reviewId}`,
    themeId && `theme ${themeId}`,
    agencyId && `agency ${agencyId}`,
  ].filter((p): p is string => typeof p === 'string');
  return parts.length === 0 ? '' : ` · only lessons of ${escapeHtml(parts.join(', '))}`;
}

function periodLine(report: Report): string {
  const from = report.since ? `from ${day(report.since)}` : 'from the start';
  const to = report.until ? `to ${day(report.until)}` : `to ${day(report.generatedAt)}`;
  return `${from} ${to}${scopeWords(report)} · made ${escapeHtml(report.generatedAt.slice(0, 16).replace('T', ' '))} UTC`;
}

function totals(report: Report): string {
  const t = report.totals;
  const items: [string, number][] = [
    ['Channels and teams', t.channels],
    ['Still subscribed', t.activeChannels],
    ['Weekly lessons delivered', t.briefingsDelivered],
    ['Review announcements delivered', t.broadcastsDelivered],
    ['Teams that discussed a lesson', t.teamsDiscussed],
    ['Lessons discussed', t.lessonsDiscussed],
    ['Changes planned', t.plans],
  ];
  const cells = items.map(([label, n]) => `<div><dt>${escapeHtml(label)}</dt><dd>${n}</dd></div>`);
  return `<dl class="totals">${cells.join('')}</dl>`;
}

function delivered(counts: ReportChannel['briefings']): string {
  return counts.inDoubt > 0
    ? `${counts.delivered} (${counts.inDoubt} in doubt)`
    : String(counts.delivered);
}

function row(c: ReportChannel): string {
  const cells = [
    `<td>${escapeHtml(c.label)}</td>`,
    `<td>${c.platform === 'slack' ? 'Slack' : 'Teams'}</td>`,
    `<td class="status-${escapeHtml(c.status)}">${escapeHtml(statusWithReason(c))}</td>`,
    `<td class="n">${escapeHtml(delivered(c.briefings))}</td>`,
    `<td class="n">${escapeHtml(delivered(c.broadcasts))}</td>`,
    `<td class="n">${c.undelivered}</td>`,
    `<td class="n">${c.discussed}</td>`,
    `<td class="n">${c.plans}</td>`,
    `<td>${escapeHtml(c.themes.map((t) => t.label).join(', ') || '—')}</td>`,
    `<td class="date">${escapeHtml(day(c.lastDelivery))}</td>`,
  ];
  return `<tr>${cells.join('')}</tr>`;
}

function table(report: Report): string {
  if (report.channels.length === 0) return '<p>No channel or team has subscribed yet.</p>';
  const head = [
    'Channel or team',
    'Platform',
    'Status',
    '<span class="n">Weekly lessons</span>',
    '<span class="n">Review announcements</span>',
    '<span class="n">Not delivered</span>',
    '<span class="n">Posts discussed</span>',
    '<span class="n">Changes planned</span>',
    'Themes covered',
    'Last delivery',
  ];
  const th = head
    .map((h, i) => `<th scope="col"${i >= 3 && i <= 7 ? ' class="n"' : ''}>${h}</th>`)
    .join('');
  return `<div class="wide"><table><caption>Every channel and team, with what reached it</caption><thead><tr>${th}</tr></thead><tbody>${report.channels.map(row).join('')}</tbody></table></div>`;
}

const NOTES = [
  '“Delivered” counts posts the platform accepted, plus posts “in doubt”: the bot stopped while sending them, so they were probably delivered and were never sent twice.',
  '“Discussed” counts teams, not clicks: a team that pressed “Discussed in our team” on a post counts once for it, however many colleagues confirmed. “Lessons discussed” counts each lesson once, however many teams discussed it.',
  '“Changes planned” are the teams’ own answers to “What will we do differently?”, quoted as saved; plans that looked like case details were refused and never stored.',
  'Weeks are ISO weeks in each team’s own timezone. Channels that unsubscribed or removed the bot stay in the report as evidence.',
];

function plansList(report: Report): string {
  if (report.plans.length === 0) return '<p>No team saved a plan in this period.</p>';
  const items = report.plans.map(
    (p) =>
      `<li><blockquote>${escapeHtml(p.plan)}</blockquote><p>${escapeHtml(p.label)} · ${escapeHtml(p.title)} (${escapeHtml(p.period)}) · ${escapeHtml(day(p.plannedAt))}</p></li>`,
  );
  return `<ul class="plans">${items.join('')}</ul>`;
}

/** The weekly chart as a table: each team's total and the weeks it discussed something. */
function weeklyTable(report: Report): string {
  const rows = report.discussionsByWeek
    .map((line) => {
      const weeks = line.counts
        .map((n, i) => (n > 0 ? `${report.weeks[i] ?? ''}: ${n}` : ''))
        .filter((w) => w !== '');
      const total = line.counts.reduce((a, b) => a + b, 0);
      return { line, weeks, total };
    })
    .filter((r) => r.total > 0)
    .map(
      ({ line, weeks, total }) =>
        `<tr class="week-row"><th scope="row">${escapeHtml(line.label)}</th><td class="n">${total}</td><td>${escapeHtml(weeks.join(', '))}</td></tr>`,
    );
  return `<div class="wide"><table><caption>The chart as a table: posts discussed, by team and week</caption><thead><tr class="head"><th scope="col">Team</th><th scope="col" class="n">Posts discussed</th><th scope="col">Weeks (posts discussed that week)</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function caption(report: Report): string {
  const tallest = Math.max(0, ...report.discussionsByWeek.flatMap((l) => l.counts));
  return `One row per team, one bar per week, all on one scale (the tallest bar is ${tallest}); the number after each row is the team's total. The table after the chart gives every number.`;
}

export function renderReportHtml(report: Report): string {
  const chart = discussionChart(report);
  return [
    '<!doctype html>',
    '<html lang="en-GB"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>Learning from case reviews: the evidence pack</title>',
    `<style>${STYLE}</style></head><body><main>`,
    '<h1>Learning from case reviews: the evidence pack</h1>',
    `<p class="period">${periodLine(report)}</p>`,
    totals(report),
    evidenceHtml(report),
    '<h2>Discussed in teams, week by week</h2>',
    chart
      ? `<figure>${chart}<figcaption>${escapeHtml(caption(report))}</figcaption></figure>${weeklyTable(report)}`
      : '<p>No team marked a lesson as discussed in this period.</p>',
    '<h2>What teams will do differently</h2>',
    plansList(report),
    '<h2>By channel and team</h2>',
    table(report),
    `<div class="notes">${NOTES.map((n) => `<p>${escapeHtml(n)}</p>`).join('')}</div>`,
    '</main></body></html>',
    '',
  ].join('\n');
}
