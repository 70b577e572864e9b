import { errorReply, type ReportFilters } from '../../commands/index.ts';
import { BotError } from '../../errors.ts';
import type { Reply, Report, ReportScope, ReportTotals } from '../../model/index.ts';
import { buildReport, summariseReport } from '../build-report.ts';
import { reportScope } from '../report-scope.ts';
import type { BriefingCommandsDeps } from './command-deps.ts';

/** "2026", "2026-03" or "2026-03-01" → the start of that day, month or year (UTC). */
export function parseSince(text: string): Date | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text.trim());
  if (!match) return undefined;
  const [, y = '', m = '01', d = '01'] = match;
  const date = new Date(`${y}-${m}-${d}T00:00:00Z`);
  const valid = !Number.isNaN(date.getTime()) && date.toISOString().startsWith(`${y}-${m}-${d}`);
  return valid ? date : undefined;
}

/** "2026", "2026-03" or "2026-03-31" → the last millisecond of that year, month or day (UTC). */
export function parseUntil(text: string): Date | undefined {
  const start = parseSince(text);
  if (!start) return undefined;
  const parts = text.trim().split('-').length;
  const next = new Date(start);
  if (parts === 1) next.setUTCFullYear(next.getUTCFullYear() + 1);
  else if (parts === 2) next.setUTCMonth(next.getUTCMonth() + 1);
  else next.setUTCDate(next.getUTCDate() + 1);
  return new Date(next.getTime() - 1);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const GRAMMAR =
  'report since 2026-01-01 until 2026-03-31 review croydon-claire theme neglect agency police';

/** The period and scope as typed, checked: a reply saying what to fix, or what to build. */
function readAsk(
  deps: BriefingCommandsDeps,
  since: string | undefined,
  filters: ReportFilters,
): Reply | { period: { since?: Date; until?: Date }; scope: ReportScope } {
  if (filters.stray !== undefined)
    return errorReply(
      'report_invalid',
      `“${filters.stray.slice(0, 40)}” is not part of a report: each of since, until, review, theme and agency takes a value, e.g. ${GRAMMAR}.`,
    );
  const from = since === undefined ? undefined : parseSince(since);
  if (since !== undefined && !from)
    return errorReply(
      'report_invalid',
      `“${since.slice(0, 40)}” is not a date: write it as YYYY-MM-DD, e.g. report since 2026-01-01.`,
    );
  const to = filters.until === undefined ? undefined : parseUntil(filters.until);
  if (filters.until !== undefined && !to)
    return errorReply(
      'report_invalid',
      `“${filters.until.slice(0, 40)}” is not a date: write it as YYYY-MM-DD, e.g. report until 2026-03-31.`,
    );
  if (from && to && from > to)
    return errorReply('report_invalid', 'The report starts after it ends: swap since and until.');
  try {
    const scope = reportScope(deps.corpus(), filters);
    return { period: { ...(from ? { since: from } : {}), ...(to ? { until: to } : {}) }, scope };
  } catch (error) {
    if (error instanceof BotError) return errorReply('report_invalid', error.message);
    throw error;
  }
}

/** The period and scope in the grammar they were asked in: " since 2026-01-01 review croydon-claire". */
function periodWords(report: Report): string {
  const parts = [
    report.since && `since ${report.since.slice(0, 10)}`,
    report.until && `until ${report.until.slice(0, 10)}`,
    report.scope.reviewId && `review ${report.scope.reviewId}`,
    report.scope.themeId && `theme ${report.scope.themeId}`,
    report.scope.agencyId && `agency ${report.scope.agencyId}`,
  ].filter((p): p is string => typeof p === 'string' && p !== '');
  return parts.map((p) => ` ${p}`).join('');
}

/** `report [since <date>] [until <date>] [review <id>] [theme <id>] [agency <id>]` in chat. */
export async function report(
  deps: BriefingCommandsDeps,
  actor: string,
  since: string | undefined,
  filters: ReportFilters = {},
): Promise<Reply> {
  const ask = readAsk(deps, since, filters);
  if ('kind' in ask) return ask;
  const now = deps.clock();
  await deps.store.audit({
    at: now,
    actor,
    action: 'report',
    detail: {
      since: ask.period.since?.toISOString() ?? null,
      ...(ask.period.until ? { until: ask.period.until.toISOString() } : {}),
      ...Object.fromEntries(Object.entries(ask.scope).filter(([, id]) => id !== null)),
    },
  });
  const full = await buildReport(deps.store, deps.corpus(), {
    now,
    scope: ask.scope,
    ...ask.period,
  });
  const { totals } = full;
  return {
    kind: 'report',
    report: summariseReport(full),
    text: `${plural(totals.channels, 'channel')} (${totals.activeChannels} active): ${plural(totals.briefingsDelivered, 'weekly lesson')} and ${plural(totals.broadcastsDelivered, 'review announcement')} delivered; ${discussedLine(totals)}${periodWords(full)}.`,
    notices: [
      {
        kind: 'info',
        text: 'For the full evidence pack with charts, run “lessons-bot report --format html”.',
      },
    ],
  };
}

/** Teams and lessons, never clicks: "2 teams discussed 3 posts (2 lessons), 1 plan made". */
function discussedLine(totals: ReportTotals): string {
  return `${plural(totals.teamsDiscussed, 'team')} discussed ${plural(totals.discussions, 'post')} (${plural(totals.lessonsDiscussed, 'lesson')}), ${plural(totals.plans, 'plan')} made`;
}
