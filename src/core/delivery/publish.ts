import { BotError } from '../errors.ts';
import type { Review } from '../lessons/index.ts';
import type { Broadcast, ChannelOutcome, Delivery, Subscription } from '../model/index.ts';
import { attemptDelivery, type ClaimFields } from './attempt-delivery.ts';
import { channelOutcome } from './channel-outcome.ts';
import { composeFor } from './compose.ts';
import { runInLanes } from './run-pool.ts';
import { guarded } from './run-summary.ts';
import type { RunnerContext } from './runner-options.ts';
import { workspaceOf } from './workspace-of.ts';

/** What `publish` did, for the `published` reply and the command line. */
export interface PublishResult {
  review: Review;
  broadcast: Broadcast;
  /** the review had been published before and this run completed that round */
  resumed: boolean;
  /** active subscriptions it was for */
  subscriptions: number;
  /** posted in this run */
  sent: number;
  /** had it already (sent, or in doubt from a run that stopped mid-request) */
  already: number;
  /** being posted by another process right now, or waiting for a retry */
  pending: number;
  /** channels that are gone: now inactive */
  gone: ChannelOutcome[];
  /** channels the bot is not in: now paused until it is back */
  paused: ChannelOutcome[];
  /** given up (now or in an earlier run) */
  failed: ChannelOutcome[];
}

/** The ledger period of a broadcast round, e.g. "review:croydon-claire#1". */
export function broadcastPeriod(broadcast: Pick<Broadcast, 'reviewId' | 'round'>): string {
  return `review:${broadcast.reviewId}#${broadcast.round}`;
}

type Tally = Pick<PublishResult, 'sent' | 'already' | 'pending' | 'gone' | 'paused' | 'failed'>;

/** Sorts a row that this run will not post into the result. */
function countSettled(row: Delivery, subscription: Subscription, tally: Tally): void {
  if (row.status === 'sent' || row.status === 'in-doubt') tally.already += 1;
  else if (row.status === 'claimed' || row.status === 'sending' || row.status === 'retry')
    tally.pending += 1;
  else tally.failed.push(channelOutcome(subscription, row.error ?? row.status));
}

async function sendOne(
  ctx: RunnerContext,
  subscription: Subscription,
  fields: ClaimFields,
  tally: Tally,
  notBefore: Date | undefined,
): Promise<void> {
  const compose = composeFor(ctx.corpus());
  // A row left waiting for a retry by an earlier run is taken over once its time has come.
  if (notBefore) await ctx.sleep(Math.max(0, notBefore.getTime() - ctx.clock().getTime()));
  for (;;) {
    const outcome = await attemptDelivery(ctx, subscription, fields, compose);
    if (outcome.kind === 'retry') {
      await ctx.sleep(Math.max(0, outcome.nextAttemptAt.getTime() - ctx.clock().getTime()));
      continue;
    }
    if (outcome.kind === 'sent') tally.sent += 1;
    else if (outcome.kind === 'gone') tally.gone.push(channelOutcome(subscription, outcome.reason));
    else if (outcome.kind === 'paused')
      tally.paused.push(channelOutcome(subscription, outcome.reason));
    else if (outcome.kind === 'failed' || outcome.kind === 'not-configured')
      tally.failed.push(channelOutcome(subscription, outcome.reason));
    else {
      const [row] = await ctx.store.listDeliveries({
        subscriptionId: subscription.id,
        kind: 'broadcast',
        period: fields.period,
      });
      if (row) countSettled(row, subscription, tally);
    }
    return;
  }
}

/** Posts the round to every subscription that lacks it, lane by workspace; counts the rest. */
async function sendToAll(
  ctx: RunnerContext,
  subscriptions: readonly Subscription[],
  fields: ClaimFields,
): Promise<Tally> {
  const rows = await ctx.store.listDeliveries({ kind: 'broadcast', period: fields.period });
  const bySubscription = new Map(rows.map((r) => [r.subscriptionId, r]));
  const tally: Tally = { sent: 0, already: 0, pending: 0, gone: [], paused: [], failed: [] };
  const inFlight = (s: Subscription) => ctx.concurrency[s.target.platform];
  await runInLanes(subscriptions, workspaceOf, inFlight, (subscription) =>
    guarded(
      ctx.logger,
      { subscriptionId: subscription.id, period: fields.period },
      async () => {
        const row = bySubscription.get(subscription.id);
        if (row && row.status !== 'retry') return countSettled(row, subscription, tally);
        return sendOne(ctx, subscription, fields, tally, row?.nextAttemptAt);
      },
      // Unfinished: publishing again resumes it.
      () => {
        tally.pending += 1;
      },
    ),
  );
  return tally;
}

/**
 * Announces a review to every active subscription on every platform, one ledger row each
 * (period "review:<id>#<round>"). Resumable and idempotent: run again, it posts only to
 * channels that lack the round; with `again`, it starts a new round for everyone. Paced
 * within the platforms' limits; a failing post is retried here until it succeeds or is
 * given up, so the result is final unless the process stops.
 */
export async function publishReview(
  ctx: RunnerContext,
  reviewId: string,
  options: { again: boolean; by: string },
): Promise<PublishResult> {
  const review = ctx.corpus().reviewById.get(reviewId);
  if (!review)
    throw new BotError('review_not_found', `There is no review “${reviewId}” to publish.`);
  const now = ctx.clock();
  const { broadcast, created } = await ctx.store.startBroadcast({
    reviewId,
    again: options.again,
    by: options.by,
    now,
  });
  const period = broadcastPeriod(broadcast);
  await ctx.store.audit({
    at: now,
    actor: options.by,
    action: 'publish',
    detail: { reviewId, round: broadcast.round, again: options.again, resumed: !created },
  });
  const subscriptions = await ctx.store.listSubscriptions({ status: ['active'] });
  const fields: ClaimFields = { kind: 'broadcast', period, reviewId, dueAt: broadcast.createdAt };
  const tally = await sendToAll(ctx, subscriptions, fields);
  ctx.logger.info('review published', {
    reviewId,
    round: broadcast.round,
    sent: tally.sent,
    already: tally.already,
    gone: tally.gone.length,
    paused: tally.paused.length,
    failed: tally.failed.length,
  });
  return { review, broadcast, resumed: !created, subscriptions: subscriptions.length, ...tally };
}
