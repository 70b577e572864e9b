import { errorReply } from '../../commands/index.ts';
import type { Reply, ReportTotals } from '../../model/index.ts';
import { buildReport, summariseReport } from '../build-report.ts';
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

/** `report [since <date>]` in chat: totals and the first channels. */
export async function report(
  deps: BriefingCommandsDeps,
  actor: string,
  since: string | undefined,
): Promise<Reply> {
  const from = since === undefined ? undefined : parseSince(since);
  if (since !== undefined && !from) {
    return errorReply(
      'report_invalid',
      `“${since}” is not a date: write it as YYYY-MM-DD, e.g. report since 2026-01-01.`,
    );
  }
  const now = deps.clock();
  await deps.store.audit({
    at: now,
    actor,
    action: 'report',
    detail: { since: from?.toISOString() ?? null },
  });
  const full = await buildReport(deps.store, deps.corpus(), {
    now,
    ...(from ? { since: from } : {}),
  });
  const { totals } = full;
  const period = from ? ` since ${from.toISOString().slice(0, 10)}` : '';
  return {
    kind: 'report',
    report: summariseReport(full),
    text: `${plural(totals.channels, 'channel')} (${totals.activeChannels} active): ${plural(totals.briefingsDelivered, 'weekly lesson')} and ${plural(totals.broadcastsDelivered, 'review announcement')} delivered; ${discussedLine(totals)}${period}.`,
    notices: [
      {
        kind: 'info',
        text: 'For the full report with a chart, run “lessons-bot report --format html”.',
      },
    ],
  };
}

/** Teams and lessons, never clicks: "2 teams discussed 3 posts (2 lessons), 1 plan made". */
function discussedLine(totals: ReportTotals): string {
  return `${plural(totals.teamsDiscussed, 'team')} discussed ${plural(totals.discussions, 'post')} (${plural(totals.lessonsDiscussed, 'lesson')}), ${plural(totals.plans, 'plan')} made`;
}
