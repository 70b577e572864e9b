import { DateTime } from 'luxon';
import { themeRef } from '../commands/index.ts';
import type { Corpus } from '../lessons/index.ts';
import type {
  Delivery,
  DeliveryCounts,
  Report,
  ReportChannel,
  ReportPlan,
  ReportScope,
  ReportSummary,
  Subscription,
  TeamDiscussion,
} from '../model/index.ts';
import type { Store } from '../ports.ts';
import { buildEvidence } from './build-evidence.ts';
import { funnelStages } from './evidence-sentence.ts';
import { inScope, topicsOf, WHOLE_CORPUS } from './report-scope.ts';
import { isoWeek } from './schedule-time.ts';

export interface ReportOptions {
  since?: Date;
  until?: Date;
  /** only posts about this review, theme or agency (checked with `reportScope`); default all */
  scope?: ReportScope;
  /** when the report is made; default now */
  now?: Date;
}

const DELIVERED = new Set(['sent', 'in-doubt']);

function within(at: Date, options: ReportOptions): boolean {
  const t = at.getTime();
  return (
    (!options.since || t >= options.since.getTime()) &&
    (!options.until || t <= options.until.getTime())
  );
}

function counts(rows: readonly Delivery[]): DeliveryCounts {
  const sent = rows.filter((d) => d.status === 'sent').length;
  const inDoubt = rows.filter((d) => d.status === 'in-doubt').length;
  return { delivered: sent + inDoubt, sent, inDoubt };
}

function themesOf(corpus: Corpus, briefings: readonly Delivery[]) {
  const ids = new Set(
    briefings
      .filter((d) => DELIVERED.has(d.status))
      .flatMap((d) => corpus.lessonById.get(d.lessonId ?? '')?.themes ?? []),
  );
  return [...ids].map((id) => themeRef(corpus, id)).sort((a, b) => a.label.localeCompare(b.label));
}

function lastDelivery(rows: readonly Delivery[]): string | null {
  const times = rows
    .filter((d) => DELIVERED.has(d.status))
    // An in-doubt post has no sentAt; it was attempted about when it was due.
    .map((d) => (d.sentAt ?? d.dueAt).getTime());
  return times.length === 0 ? null : new Date(Math.max(...times)).toISOString();
}

function channelRow(
  corpus: Corpus,
  s: Subscription,
  rows: readonly Delivery[],
  talks: { discussed: number; plans: number },
): ReportChannel {
  const briefings = rows.filter((d) => d.kind === 'briefing');
  return {
    subscriptionId: s.id,
    label: s.target.label ?? s.target.channel,
    platform: s.target.platform,
    workspace: s.target.workspace,
    channel: s.target.channel,
    status: s.status,
    statusReason: s.status === 'active' ? null : (s.statusReason ?? null),
    briefings: counts(briefings),
    broadcasts: counts(rows.filter((d) => d.kind === 'broadcast')),
    undelivered: rows.filter((d) => d.status === 'gone' || d.status === 'failed').length,
    discussed: talks.discussed,
    plans: talks.plans,
    themes: themesOf(corpus, briefings),
    lastDelivery: lastDelivery(rows),
  };
}

/** Every ISO week from the first to the last, so a chart shows quiet weeks as gaps. */
export function weekRange(weeks: readonly string[]): string[] {
  const sorted = [...weeks].sort();
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first === undefined || last === undefined) return [];
  const range: string[] = [];
  let week = DateTime.fromISO(`${first}-1`, { zone: 'utc' });
  while (range.length < 1000) {
    const key = week.toFormat("kkkk-'W'WW");
    range.push(key);
    if (key >= last) break;
    week = week.plus({ weeks: 1 });
  }
  return range;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

interface Grouped {
  rows: Map<string, Delivery[]>;
  /** per subscription: the team discussions first made in the period */
  discussed: Map<string, TeamDiscussion[]>;
  /** per subscription: the plans saved in the period */
  planned: Map<string, TeamDiscussion[]>;
}

function group(
  deliveries: readonly Delivery[],
  discussions: readonly TeamDiscussion[],
  options: ReportOptions,
): Grouped {
  const rows = new Map<string, Delivery[]>();
  const ownerOf = new Map<string, string>();
  for (const d of deliveries) {
    ownerOf.set(d.id, d.subscriptionId);
    if (within(d.dueAt, options)) push(rows, d.subscriptionId, d);
  }
  const discussed = new Map<string, TeamDiscussion[]>();
  const planned = new Map<string, TeamDiscussion[]>();
  for (const t of discussions) {
    const owner = ownerOf.get(t.deliveryId);
    if (owner === undefined) continue;
    if (within(t.discussedAt, options)) push(discussed, owner, t);
    if (t.plan !== undefined && t.plannedAt && within(t.plannedAt, options))
      push(planned, owner, t);
  }
  return { rows, discussed, planned };
}

function byWeek(subscriptions: readonly Subscription[], grouped: Grouped) {
  const perChannel = subscriptions.map((s) => {
    const tally = new Map<string, number>();
    for (const t of grouped.discussed.get(s.id) ?? []) {
      const week = isoWeek(t.discussedAt, s.schedule.timezone);
      tally.set(week, (tally.get(week) ?? 0) + 1);
    }
    return { s, tally };
  });
  const weeks = weekRange(perChannel.flatMap((c) => [...c.tally.keys()]));
  const table = perChannel.map(({ s, tally }) => ({
    subscriptionId: s.id,
    label: s.target.label ?? s.target.channel,
    counts: weeks.map((w) => tally.get(w) ?? 0),
  }));
  return { weeks, table };
}

/** Every plan of the period, quoted with the lesson or review it answers, oldest first. */
function plansOf(
  corpus: Corpus,
  subscriptions: readonly Subscription[],
  deliveries: ReadonlyMap<string, Delivery>,
  grouped: Grouped,
): ReportPlan[] {
  const plans: ReportPlan[] = [];
  for (const s of subscriptions) {
    for (const t of grouped.planned.get(s.id) ?? []) {
      const d = deliveries.get(t.deliveryId);
      if (!d || t.plan === undefined || !t.plannedAt) continue;
      const title = d.lessonId
        ? (corpus.lessonById.get(d.lessonId)?.title ?? d.lessonId)
        : (corpus.reviewById.get(d.reviewId ?? '')?.title ?? d.reviewId ?? '');
      plans.push({
        subscriptionId: s.id,
        label: s.target.label ?? s.target.channel,
        period: d.period,
        lessonId: d.lessonId ?? null,
        reviewId: d.reviewId ?? null,
        title,
        plan: t.plan,
        plannedAt: t.plannedAt.toISOString(),
      });
    }
  }
  return plans.sort((a, b) => a.plannedAt.localeCompare(b.plannedAt));
}

/** Different lessons some team discussed in the period: a lesson two teams discussed counts once. */
function lessonsDiscussed(grouped: Grouped, deliveries: ReadonlyMap<string, Delivery>): number {
  const lessons = new Set<string>();
  for (const list of grouped.discussed.values()) {
    for (const t of list) {
      const lessonId = deliveries.get(t.deliveryId)?.lessonId;
      if (lessonId) lessons.add(lessonId);
    }
  }
  return lessons.size;
}

/**
 * The report, straight from the ledger: every channel ever subscribed (removed ones too,
 * as evidence), its delivered briefings and broadcasts, the posts its team discussed and
 * the plans it made, its themes, and team discussions per ISO week in the channel's own
 * timezone. It counts teams and posts, never clicks: a post many colleagues pressed is one
 * discussion. Posts count by when they were due, discussions by when the team first said
 * so, plans by when they were saved, all within [since, until].
 */
export async function buildReport(
  store: Store,
  corpus: Corpus,
  options: ReportOptions = {},
): Promise<Report> {
  const subscriptions = (
    await store.listSubscriptions({ status: ['active', 'paused', 'inactive', 'removed'] })
  ).sort(
    (a, b) =>
      a.target.platform.localeCompare(b.target.platform) ||
      (a.target.label ?? a.target.channel).localeCompare(b.target.label ?? b.target.channel) ||
      a.id.localeCompare(b.id),
  );
  const scope = options.scope ?? WHOLE_CORPUS;
  const deliveries = (
    await store.listDeliveries(options.until ? { until: options.until } : {})
  ).filter((d) => inScope(topicsOf(corpus, d), scope));
  // All of them: a plan saved in the period may answer a discussion from before it.
  const discussions = await store.listTeamDiscussions();
  const grouped = group(deliveries, discussions, options);
  const byId = new Map(deliveries.map((d) => [d.id, d]));
  const channels = subscriptions.map((s) =>
    channelRow(corpus, s, grouped.rows.get(s.id) ?? [], {
      discussed: grouped.discussed.get(s.id)?.length ?? 0,
      plans: grouped.planned.get(s.id)?.length ?? 0,
    }),
  );
  const { weeks, table } = byWeek(subscriptions, grouped);
  const labels = new Map(channels.map((c) => [c.subscriptionId, c.label]));
  const evidence = buildEvidence({
    corpus,
    deliveries,
    discussions,
    followUps: await store.listFollowUpAnswers(),
    teamLabel: (id) => labels.get(id) ?? id,
    ...(options.since ? { since: options.since } : {}),
    ...(options.until ? { until: options.until } : {}),
  });
  return {
    generatedAt: (options.now ?? new Date()).toISOString(),
    since: options.since?.toISOString() ?? null,
    until: options.until?.toISOString() ?? null,
    scope,
    channels,
    totals: {
      channels: channels.length,
      activeChannels: channels.filter((c) => c.status === 'active').length,
      briefingsDelivered: channels.reduce((n, c) => n + c.briefings.delivered, 0),
      broadcastsDelivered: channels.reduce((n, c) => n + c.broadcasts.delivered, 0),
      teamsDiscussed: channels.filter((c) => c.discussed > 0).length,
      lessonsDiscussed: lessonsDiscussed(grouped, byId),
      discussions: channels.reduce((n, c) => n + c.discussed, 0),
      plans: channels.reduce((n, c) => n + c.plans, 0),
    },
    weeks,
    discussionsByWeek: table,
    plans: plansOf(corpus, subscriptions, byId, grouped),
    evidence,
  };
}

/** "active", or with its reason: "paused (not_in_channel)", "inactive (is_archived)". */
export function statusWithReason(c: Pick<ReportChannel, 'status' | 'statusReason'>): string {
  return c.statusReason ? `${c.status} (${c.statusReason})` : c.status;
}

/** What a chat reply shows of a channel: what reached it, not its ids. */
const SUMMARY_FIELDS = [
  'label',
  'platform',
  'status',
  'statusReason',
  'briefings',
  'broadcasts',
  'discussed',
  'plans',
  'lastDelivery',
] as const satisfies readonly (keyof ReportSummary['channels'][number])[];

/** A chat reply's room: the first channels, and the first reviews with their funnels. */
const CHAT_LIMITS = { channels: 10, reviews: 3 };

/** Totals, the first channels and the first reviews, for a chat reply; the full report is for the CLI. */
export function summariseReport(report: Report, limits = CHAT_LIMITS): ReportSummary {
  const shown = report.channels.slice(0, limits.channels);
  const reviews = report.evidence.reviews.slice(0, limits.reviews);
  return {
    generatedAt: report.generatedAt,
    since: report.since,
    until: report.until,
    totals: report.totals,
    channels: shown.map(
      (c) =>
        Object.fromEntries(
          SUMMARY_FIELDS.map((field) => [field, c[field]]),
        ) as ReportSummary['channels'][number],
    ),
    omitted: report.channels.length - shown.length,
    reviews: reviews.map((r) => ({
      title: r.title,
      sentence: r.sentence,
      stages: funnelStages(r),
    })),
    reviewsOmitted: report.evidence.reviews.length - reviews.length,
  };
}
