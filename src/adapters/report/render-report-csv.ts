import type { EvidenceCounts, Report } from '../../core/index.ts';

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

const EVIDENCE_HEADER = [
  'breakdown',
  'id',
  'name',
  'teams_reached',
  'lessons_delivered',
  'announcements_delivered',
  'teams_discussed',
  'median_days_to_discussion',
  'teams_planned',
  'plans',
  'teams_changed',
  'answers_changed',
  'answers_partly',
  'answers_not_yet',
  'answers_decided_against',
  'sentence',
];

function evidenceCells(c: EvidenceCounts): (string | number)[] {
  return [
    c.teamsReached,
    c.lessonsDelivered,
    c.announcementsDelivered,
    c.teamsDiscussed,
    c.medianDaysToDiscussion ?? '',
    c.teamsPlanned,
    c.plans,
    c.teamsChanged,
    c.followUps.changed,
    c.followUps.partly,
    c.followUps.notYet,
    c.followUps.decidedAgainst,
  ];
}

/** The evidence pack's numbers: one row in all, then one per review, theme and agency. */
export function renderEvidenceCsv(report: Report): string {
  const e = report.evidence;
  const rows = [
    ['total', '', 'All reviews', ...evidenceCells(e.totals), ''],
    ...e.reviews.map((r) => ['review', r.reviewId, r.title, ...evidenceCells(r), r.sentence]),
    ...e.themes.map((t) => ['theme', t.id, t.label, ...evidenceCells(t), '']),
    ...e.agencies.map((a) => ['agency', a.id, a.label, ...evidenceCells(a), '']),
  ];
  return lines([EVIDENCE_HEADER, ...rows]);
}
