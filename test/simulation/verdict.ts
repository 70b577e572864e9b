import { DateTime } from 'luxon';
import type { Store } from '../../src/core/index.ts';
import {
  buildReport,
  type Delivery,
  nextOccurrence,
  type Subscription,
} from '../../src/core/index.ts';
import type { Received } from './fake-platform.ts';
import { AIMED } from './mortality.ts';
import { WORKING_DAYS } from './replica.ts';
import type { Simulation } from './run-simulation.ts';
import type { Slot } from './schedule-table.ts';

const HOUR = 3_600_000;
/** the runner's default grace window, and an hour for pacing after it */
const LATEST_ATTEMPT = 48 * HOUR + HOUR;

/** What went wrong, in words, at most a few of each kind; empty when all is well. */
export class Problems {
  readonly list: string[] = [];
  readonly #perKind = new Map<string, number>();

  add(kind: string, detail: string): void {
    const n = (this.#perKind.get(kind) ?? 0) + 1;
    this.#perKind.set(kind, n);
    if (n <= 5) this.list.push(`${kind}: ${detail}`);
    if (n === 6) this.list.push(`${kind}: … and more`);
  }
}

/** The platform's posts by subscription and slot, each checked against its message's week. */
function postsBySlot(sim: Simulation, problems: Problems): Map<string, Map<number, Received[]>> {
  const byChannel = new Map(sim.subscriptions.map((s) => [s.target.channel, s]));
  const posts = new Map<string, Map<number, Received[]>>();
  for (const post of sim.platform.received) {
    const s = byChannel.get(post.channel) as Subscription;
    const slot = sim.table.latest(s.schedule, post.at) as Slot;
    if (slot.period !== post.period) {
      problems.add(
        'posted for the wrong week',
        `${post.channel} at ${iso(post.at)}: ${post.period}`,
      );
    }
    const mine = posts.get(s.id) ?? new Map<number, Received[]>();
    posts.set(s.id, mine);
    mine.set(slot.at, [...(mine.get(slot.at) ?? []), post]);
  }
  return posts;
}

/**
 * Every week of every subscription from its first due week on: exactly one post the
 * platform received; for a channel that went away, exactly one for each week whose every
 * attempt came before it went, and none after.
 */
function checkWeeks(sim: Simulation, problems: Problems): void {
  const posts = postsBySlot(sim, problems);
  for (const s of sim.subscriptions) {
    const gone = sim.goneAt.get(s.target.channel) ?? Number.POSITIVE_INFINITY;
    const mine = posts.get(s.id) ?? new Map<number, Received[]>();
    for (const slot of sim.table.between(s.schedule, sim.start, sim.end)) {
      const n = mine.get(slot.at)?.length ?? 0;
      const must = slot.at + LATEST_ATTEMPT < gone;
      if (n > 1) problems.add('posted twice', `${s.target.channel} ${slot.period} (${n} posts)`);
      if (n === 0 && must) problems.add('lost', `${s.target.channel} ${slot.period}`);
    }
    // The last ticks may post weeks just after the year: once each at most.
    for (const [at, got] of mine) {
      if (at < sim.start) problems.add('posted before it was due', `${s.id} ${iso(at)}`);
      if (at >= sim.end && got.length > 1) problems.add('posted twice', `${s.id} ${iso(at)}`);
    }
  }
}

/** A channel gone for good is inactive, and heard nothing more once the ledger knew. */
function checkGone(sim: Simulation, ledger: Map<string, Subscription>, problems: Problems): void {
  for (const s of sim.subscriptions) {
    const now = ledger.get(s.id) as Subscription;
    const gone = sim.goneAt.has(s.target.channel);
    if (!gone) {
      if (now.status !== 'active') problems.add('made inactive', `${s.target.channel}`);
      continue;
    }
    if (now.status !== 'inactive') problems.add('still active when gone', s.target.channel);
    const after = sim.platform.calls.filter(
      (c) => c.channel === s.target.channel && c.at > now.updatedAt.getTime(),
    );
    if (now.status === 'inactive' && after.length > 0) {
      problems.add('called after it was known gone', `${s.target.channel} (${after.length})`);
    }
  }
}

/** The ledger is settled, and its sent and in-doubt rows are exactly what the platform has. */
function checkLedger(sim: Simulation, rows: readonly Delivery[], problems: Problems): void {
  const received = new Set(sim.platform.received.map((p) => p.deliveryId));
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const row of rows) {
    if (['claimed', 'sending', 'retry'].includes(row.status)) {
      problems.add('left unsettled', `${row.id} ${row.status}`);
    }
    if (row.status === 'in-doubt' && !received.has(row.id)) {
      problems.add('in doubt but never received', `${row.id} ${row.period}`);
    }
    if (row.status === 'sent' && !received.has(row.id)) {
      problems.add('sent in the ledger, not on the platform', row.id);
    }
  }
  for (const id of received) {
    const status = byId.get(id)?.status;
    if (status !== 'sent' && status !== 'in-doubt') {
      problems.add('received, but the ledger says otherwise', `${id} ${status}`);
    }
  }
}

/** buildReport's numbers per channel equal the ledger's and the platform's. */
async function checkReport(
  sim: Simulation,
  store: Store,
  rows: readonly Delivery[],
  problems: Problems,
) {
  const report = await buildReport(store, sim.corpus, { now: new Date(sim.end) });
  const received = new Map<string, number>();
  for (const p of sim.platform.received)
    received.set(p.channel, (received.get(p.channel) ?? 0) + 1);
  for (const channel of report.channels) {
    const mine = rows.filter((r) => r.subscriptionId === channel.subscriptionId);
    const count = (status: string) => mine.filter((r) => r.status === status).length;
    const platform = received.get(channel.channel) ?? 0;
    const { sent, inDoubt, delivered } = channel.briefings;
    if (sent !== count('sent') || inDoubt !== count('in-doubt')) {
      problems.add('report differs from the ledger', `${channel.channel}: ${sent}+${inDoubt}`);
    }
    if (delivered !== platform || count('sent') + count('in-doubt') !== platform) {
      problems.add(
        'report differs from the platform',
        `${channel.channel}: ${delivered} vs ${platform}`,
      );
    }
  }
  if (report.channels.length !== sim.subscriptions.length) {
    problems.add('report misses channels', `${report.channels.length}`);
  }
}

const WEEK = 7 * 24 * HOUR;
const FOLLOW_UP_WEEKS = 6;

function countBy(items: readonly { original: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.original, (counts.get(item.original) ?? 0) + 1);
  return counts;
}

/**
 * Follow-ups: exactly one for each lesson its team planned a change for whose follow-up
 * fell in the year (and before its channel went away), none for the others. Reminders: at
 * most one per lesson, none for a lesson discussed, never on a weekend or a bank holiday.
 */
function checkQuoted(sim: Simulation, rows: readonly Delivery[], problems: Problems): void {
  const followUps = countBy(sim.platform.quoted.filter((q) => q.kind === 'follow-up'));
  const reminders = sim.platform.quoted.filter((q) => q.kind === 'reminder');
  const planned = new Set(sim.team.filter((t) => t.plan).map((t) => t.deliveryId));
  const discussed = new Map(sim.team.map((t) => [t.deliveryId, t.at]));
  const bySubscription = new Map(sim.subscriptions.map((s) => [s.id, s]));
  for (const row of rows) {
    const n = followUps.get(row.id) ?? 0;
    if (n > 1) problems.add('follow-up doubled', `${row.id} (${n})`);
    if (!planned.has(row.id)) {
      if (n > 0) problems.add('followed up without a plan', row.id);
      continue;
    }
    const s = bySubscription.get(row.subscriptionId) as Subscription;
    const due = nextOccurrence(
      s.schedule,
      new Date(row.dueAt.getTime() + FOLLOW_UP_WEEKS * WEEK - 1),
    );
    const gone = sim.goneAt.get(s.target.channel) ?? Number.POSITIVE_INFINITY;
    const must = row.status === 'sent' && due.getTime() + LATEST_ATTEMPT < Math.min(gone, sim.end);
    if (must && n === 0) problems.add('follow-up lost', `${s.target.channel} ${row.period}`);
  }
  for (const [original, n] of countBy(reminders)) {
    if (n > 1) problems.add('reminded twice', `${original} (${n})`);
    const at = discussed.get(original);
    if (at !== undefined && at < (reminders.find((r) => r.original === original)?.at ?? 0))
      problems.add('reminded though discussed', original);
  }
  const byChannel = new Map(sim.subscriptions.map((s) => [s.target.channel, s]));
  for (const reminder of reminders) {
    const s = byChannel.get(reminder.channel) as Subscription;
    const day = DateTime.fromMillis(reminder.at, { zone: s.schedule.timezone }).toISODate() ?? '';
    if (!WORKING_DAYS(day, s.nation ?? 'england'))
      problems.add('reminded on a day off', `${reminder.channel} ${day}`);
  }
  if (followUps.size === 0) problems.add('untried', 'a follow-up');
  if (reminders.length === 0) problems.add('untried', 'a reminder');
}

/** The windows that matter were really tried, and both ways back were really taken. */
function checkCoverage(sim: Simulation, problems: Problems): void {
  const killed = (points: readonly string[]) =>
    points.reduce((n, p) => n + (sim.kills.get(p) ?? 0), 0);
  if (killed(AIMED.slice(0, 3)) === 0) problems.add('untried', 'a kill between claim and mark');
  if (killed(AIMED.slice(3)) === 0) problems.add('untried', 'a kill after the platform received');
  const log = sim.logger;
  if (
    log.count('info', 'claim lapsed before its request was made; it will be posted again') === 0
  ) {
    problems.add('untried', 'a lapsed claim handed back');
  }
  if (log.count('warn', 'post in doubt: its process stopped mid-request; not re-sent') === 0) {
    problems.add('untried', 'a post found in doubt');
  }
  const failed = log.count('error', 'delivery step failed; the next run tries again');
  if (failed > 0) problems.add('steps failed', `${failed}`);
}

export async function verdict(sim: Simulation, store: Store): Promise<string[]> {
  const problems = new Problems();
  const rows = await store.listDeliveries({ kind: 'briefing' });
  const subscriptions = await store.listSubscriptions({
    status: ['active', 'inactive', 'removed'],
  });
  checkWeeks(sim, problems);
  checkGone(sim, new Map(subscriptions.map((s) => [s.id, s])), problems);
  checkLedger(sim, rows, problems);
  checkQuoted(sim, rows, problems);
  for (const row of await store.listDeliveries({ status: ['claimed', 'sending', 'retry'] })) {
    if (row.kind !== 'briefing')
      problems.add('left unsettled', `${row.kind} ${row.id} ${row.status}`);
  }
  await checkReport(sim, store, rows, problems);
  checkCoverage(sim, problems);
  return problems.list;
}

function iso(at: number): string {
  return new Date(at).toISOString();
}
