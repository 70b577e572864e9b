import type { Delivery, Subscription } from '../model/index.ts';
import type { DeliveryKey } from '../ports.ts';
import { attemptDelivery } from './attempt-delivery.ts';
import { composeFor, type Quoted } from './compose.ts';
import {
  followUpDue,
  LONGEST_DAYS_OFF,
  localDate,
  REMINDER_DAYS,
  reminderDue,
} from './quoting-due.ts';
import type { QuotingCandidate } from './quoting-queue.ts';
import { runPerSubscription } from './run-pool.ts';
import { type RunSummary, tally } from './run-summary.ts';
import type { RunnerContext } from './runner-options.ts';

const DAY_MS = 24 * 60 * 60_000;

/** How far back the first tick reads: the latest a follow-up or reminder can fall, and late posts. */
function lookBackMs(ctx: RunnerContext): number {
  const latest = Math.max(ctx.followUpWeeks * 7, REMINDER_DAYS + LONGEST_DAYS_OFF) + 7;
  return latest * DAY_MS + 2 * ctx.graceMs;
}

function candidatesOf(
  ctx: RunnerContext,
  original: Delivery,
  subscription: Subscription,
): QuotingCandidate[] {
  const followUp = followUpDue(original, subscription, ctx.followUpWeeks).getTime();
  const found: QuotingCandidate[] = [{ kind: 'follow_up', original, due: followUp }];
  if (subscription.reminders === false) return found;
  const reminder = reminderDue(original, subscription, ctx.isWorkingDay).getTime();
  return [...found, { kind: 'reminder', original, due: reminder }];
}

/**
 * How far behind a tick the lessons are read: settled by then (their grace window and a
 * day past it), and in batches `step` apart, each at least a day before anything from them
 * can fall due (a reminder, a week after its lesson, less an hour where the clocks change).
 */
function readWindow(ctx: RunnerContext): { lag: number; step: number } {
  const lag = Math.min((REMINDER_DAYS - 2) * DAY_MS, ctx.graceMs + DAY_MS);
  return { lag, step: (REMINDER_DAYS - 1) * DAY_MS - lag };
}

/** Reads the lessons posted since the last read, a batch every few days: one query then, none between. */
async function readPosted(
  ctx: RunnerContext,
  at: Date,
  bySubscription: ReadonlyMap<string, Subscription>,
): Promise<void> {
  const queue = ctx.quoting;
  const { lag, step } = readWindow(ctx);
  const until = at.getTime() - lag;
  if (queue.readUntil !== undefined && until < queue.readUntil) queue.readUntil = undefined;
  if (queue.readUntil !== undefined && until - queue.readUntil < step) return;
  const since = queue.readUntil === undefined ? until - lookBackMs(ctx) : queue.readUntil + 1;
  const posted = await ctx.store.listDeliveries({
    kind: 'briefing',
    status: ['sent'],
    since: new Date(since),
    until: new Date(until),
  });
  queue.readUntil = until;
  for (const original of posted) {
    // a channel paused now may be back by the time its follow-up falls due
    const subscription =
      bySubscription.get(original.subscriptionId) ??
      (await ctx.store.getSubscription(original.subscriptionId));
    if (subscription && subscription.status !== 'removed') {
      queue.waiting.push(...candidatesOf(ctx, original, subscription));
    }
  }
  queue.waiting.sort((a, b) => a.due - b.due);
}

/**
 * The candidates due by `at`, taken off the queue: those past the grace window are
 * dropped (not posted late); a reminder waits while it is not a working day where the
 * channel is (a replica that was down must not post it on a Saturday).
 */
function takeDue(
  ctx: RunnerContext,
  at: Date,
  bySubscription: ReadonlyMap<string, Subscription>,
): QuotingCandidate[] {
  const queue = ctx.quoting.waiting;
  const due: QuotingCandidate[] = [];
  const held: QuotingCandidate[] = [];
  while (queue[0] && queue[0].due <= at.getTime()) {
    const next = queue.shift() as QuotingCandidate;
    const subscription = bySubscription.get(next.original.subscriptionId);
    if (!subscription || at.getTime() - next.due > ctx.graceMs) continue;
    const day = localDate(at, subscription.schedule.timezone);
    const dayOff = !ctx.isWorkingDay(day, subscription.nation ?? 'england');
    if (next.kind === 'reminder' && dayOff) held.push(next);
    else due.push(next);
  }
  queue.unshift(...held);
  return due;
}

function keyOf(candidate: QuotingCandidate): DeliveryKey {
  return { subscriptionId: candidate.original.subscriptionId, period: candidate.original.id };
}

/** The candidates of one kind with no ledger row yet, in one indexed statement. */
async function unclaimed(
  ctx: RunnerContext,
  due: readonly QuotingCandidate[],
  kind: QuotingCandidate['kind'],
): Promise<QuotingCandidate[]> {
  const ofKind = due.filter((c) => c.kind === kind);
  if (ofKind.length === 0) return [];
  const open = await ctx.store.findUnclaimed(kind, ofKind.map(keyOf));
  const ids = new Set(open.map((k) => k.period));
  return ofKind.filter((c) => ids.has(c.original.id));
}

/** Whether the team's state calls for it: a plan to follow up; no discussion to remind of. */
function wanted(
  candidate: QuotingCandidate,
  plan: string | undefined,
  discussed: boolean,
): boolean {
  return candidate.kind === 'follow_up' ? plan !== undefined : !discussed;
}

async function post(
  ctx: RunnerContext,
  candidate: QuotingCandidate,
  subscription: Subscription,
  quoted: Quoted,
  summary: RunSummary,
): Promise<void> {
  const { original } = candidate;
  const fields = {
    kind: candidate.kind,
    period: original.id,
    dueAt: new Date(candidate.due),
    ...(original.lessonId === undefined ? {} : { lessonId: original.lessonId }),
  };
  const outcome = await attemptDelivery(
    ctx,
    subscription,
    fields,
    composeFor(ctx.corpus(), quoted),
  );
  tally(summary, subscription, outcome);
  // not posted here because this process cannot reach the platform: another tick may
  if (outcome.kind === 'not-configured') ctx.quoting.waiting.unshift(candidate);
}

/**
 * Follow-ups ("Has it made a difference?", FOLLOW_UP_WEEKS after a lesson its team made a
 * plan for, at the subscription's own slot) and reminders (one, a week after a lesson
 * nobody marked discussed, on a working day) due by `at`, through the ledger: keyed by
 * the lesson's delivery, so each is posted once whatever the replicas and restarts.
 */
export async function deliverDueQuoting(
  ctx: RunnerContext,
  at: Date,
  summary: RunSummary,
): Promise<void> {
  const active = await ctx.subscriptions.active(ctx.clock());
  const bySubscription = new Map(active.map((s) => [s.id, s]));
  await readPosted(ctx, at, bySubscription);
  const due = takeDue(ctx, at, bySubscription);
  if (due.length === 0) return;
  const open = [
    ...(await unclaimed(ctx, due, 'follow_up')),
    ...(await unclaimed(ctx, due, 'reminder')),
  ];
  if (open.length === 0) return;
  const discussions = await ctx.store.listTeamDiscussions({
    deliveryIds: [...new Set(open.map((c) => c.original.id))],
  });
  const byDelivery = new Map(discussions.map((d) => [d.deliveryId, d]));
  const jobs = open.flatMap((candidate) => {
    const subscription = bySubscription.get(candidate.original.subscriptionId);
    const found = byDelivery.get(candidate.original.id);
    if (!subscription || !wanted(candidate, found?.plan, found !== undefined)) return [];
    const plan = found?.plan;
    const quoted: Quoted = {
      original: candidate.original,
      weeks: ctx.followUpWeeks,
      ...(plan === undefined ? {} : { plan }),
    };
    return [{ candidate, subscription, quoted }];
  });
  await runPerSubscription(
    ctx,
    jobs,
    (job) => job.subscription,
    (job) => post(ctx, job.candidate, job.subscription, job.quoted, summary),
    summary,
  );
}

/** What a retried follow-up or reminder quotes, read again from the store. */
export async function quotedFor(ctx: RunnerContext, row: Delivery): Promise<Quoted | undefined> {
  const original = await ctx.store.getDelivery(row.period);
  if (!original) return undefined;
  const [discussion] = await ctx.store.listTeamDiscussions({ deliveryIds: [original.id] });
  const plan = discussion?.plan;
  return { original, weeks: ctx.followUpWeeks, ...(plan === undefined ? {} : { plan }) };
}
