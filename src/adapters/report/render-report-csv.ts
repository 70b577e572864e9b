import type { Report } from '../../core/index.ts';

/**
 * A CSV cell per RFC 4180. A text cell that a spreadsheet would run as a formula
 * (=, +, -, @, tab, return) gets a leading apostrophe: channel names come from users.
 */
function cell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function lines(rows: (string | number)[][]): string {
  return `${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

const CHANNEL_HEADER = [
  'channel',
  'platform',
  'workspace',
  'channel_id',
  'status',
  'briefings_delivered',
  'briefings_sent',
  'briefings_in_doubt',
  'broadcasts_delivered',
  'broadcasts_sent',
  'broadcasts_in_doubt',
  'undelivered',
  'discussed',
  'plans',
  'themes',
  'last_delivery',
  'status_reason',
  'planned_changes',
];

/** The channel's plans, one a line, each after its period: "2026-W48: Chronology at intake". */
function plannedChanges(report: Report, subscriptionId: string): string {
  return report.plans
    .filter((p) => p.subscriptionId === subscriptionId)
    .map((p) => `${p.period}: ${p.plan}`)
    .join('\n');
}

/** One row per channel or team, with a header: for a spreadsheet. */
export function renderReportCsv(report: Report): string {
  const rows = report.channels.map((c) => [
    c.label,
    c.platform,
    c.workspace,
    c.channel,
    c.status,
    c.briefings.delivered,
    c.briefings.sent,
    c.briefings.inDoubt,
    c.broadcasts.delivered,
    c.broadcasts.sent,
    c.broadcasts.inDoubt,
    c.undelivered,
    c.discussed,
    c.plans,
    c.themes.map((t) => t.label).join('; '),
    c.lastDelivery ?? '',
    c.statusReason ?? '',
    plannedChanges(report, c.subscriptionId),
  ]);
  return lines([CHANNEL_HEADER, ...rows]);
}

/** Posts each team discussed per ISO week, one row each (long format), weeks with none included. */
export function renderWeeklyCsv(report: Report): string {
  const rows = report.discussionsByWeek.flatMap((line) =>
    report.weeks.map((week, i) => [line.label, line.subscriptionId, week, line.counts[i] ?? 0]),
  );
  return lines([['channel', 'subscription_id', 'week', 'discussed'], ...rows]);
}

/** Every plan of the period, one row each, quoted as the team saved it. */
export function renderPlansCsv(report: Report): string {
  const rows = report.plans.map((p) => [
    p.label,
    p.subscriptionId,
    p.period,
    p.lessonId ?? '',
    p.reviewId ?? '',
    p.title,
    p.plan,
    p.plannedAt,
  ]);
  const head = [
    'channel',
    'subscription_id',
    'period',
    'lesson_id',
    'review_id',
    'title',
    'plan',
    'planned_at',
  ];
  return lines([head, ...rows]);
}
