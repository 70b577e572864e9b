import { DateTime } from 'luxon';
import { themeRef } from '../commands/index.ts';
import type { Corpus } from '../lessons/index.ts';
import type {
  Acknowledgement,
  Delivery,
  DeliveryCounts,
  Report,
  ReportChannel,
  ReportSummary,
  Subscription,
} from '../model/index.ts';
import type { Store } from '../ports.ts';
import { isoWeek } from './schedule-time.ts';

export interface ReportOptions {
  since?: Date;
  until?: Date;
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
  acks: number,
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
    acknowledgements: acks,
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
  acks: Map<string, Acknowledgement[]>;
}

function group(
  deliveries: readonly Delivery[],
  acks: readonly Acknowledgement[],
  options: ReportOptions,
): Grouped {
  const rows = new Map<string, Delivery[]>();
  const ownerOf = new Map<string, string>();
  for (const d of deliveries) {
    ownerOf.set(d.id, d.subscriptionId);
    if (within(d.dueAt, options)) push(rows, d.subscriptionId, d);
  }
  const byChannel = new Map<string, Acknowledgement[]>();
  for (const a of acks) {
    const owner = ownerOf.get(a.deliveryId);
    if (owner !== undefined && within(a.at, options)) push(byChannel, owner, a);
  }
  return { rows, acks: byChannel };
}

function byWeek(subscriptions: readonly Subscription[], grouped: Grouped) {
  const perChannel = subscriptions.map((s) => {
    const tally = new Map<string, number>();
    for (const a of grouped.acks.get(s.id) ?? []) {
      const week = isoWeek(a.at, s.schedule.timezone);
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

/**
 * The report, straight from the ledger: every channel ever subscribed (removed ones too,
 * as evidence), its delivered briefings and broadcasts, acknowledgements and themes, and
 * acknowledgements per ISO week in the channel's own timezone. Posts count by when they
 * were due, acknowledgements by when they were made, both within [since, until].
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
  const deliveries = await store.listDeliveries(options.until ? { until: options.until } : {});
  const acks = await store.listAcknowledgements(options.since ? { since: options.since } : {});
  const grouped = group(deliveries, acks, options);
  const channels = subscriptions.map((s) =>
    channelRow(corpus, s, grouped.rows.get(s.id) ?? [], grouped.acks.get(s.id)?.length ?? 0),
  );
  const { weeks, table } = byWeek(subscriptions, grouped);
  return {
    generatedAt: (options.now ?? new Date()).toISOString(),
    since: options.since?.toISOString() ?? null,
    until: options.until?.toISOString() ?? null,
    channels,
    totals: {
      channels: channels.length,
      activeChannels: channels.filter((c) => c.status === 'active').length,
      briefingsDelivered: channels.reduce((n, c) => n + c.briefings.delivered, 0),
      broadcastsDelivered: channels.reduce((n, c) => n + c.broadcasts.delivered, 0),
      acknowledgements: channels.reduce((n, c) => n + c.acknowledgements, 0),
    },
    weeks,
    acknowledgementsByWeek: table,
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
  'acknowledgements',
  'lastDelivery',
] as const satisfies readonly (keyof ReportSummary['channels'][number])[];

/** Totals and the first `limit` channels, for a chat reply; the full report is for the CLI. */
export function summariseReport(report: Report, limit = 10): ReportSummary {
  const shown = report.channels.slice(0, limit);
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
  };
}
