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
  'acknowledgements',
  'themes',
  'last_delivery',
  'status_reason',
];

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
    c.acknowledgements,
    c.themes.map((t) => t.label).join('; '),
    c.lastDelivery ?? '',
    c.statusReason ?? '',
  ]);
  return lines([CHANNEL_HEADER, ...rows]);
}

/** Acknowledgements per ISO week per channel, one row each (long format), weeks with none included. */
export function renderWeeklyCsv(report: Report): string {
  const rows = report.acknowledgementsByWeek.flatMap((line) =>
    report.weeks.map((week, i) => [line.label, line.subscriptionId, week, line.counts[i] ?? 0]),
  );
  return lines([['channel', 'subscription_id', 'week', 'acknowledgements'], ...rows]);
}
