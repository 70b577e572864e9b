import type { Delivery, OutgoingMessage, Platform, Subscription } from '../model/index.ts';
import type {
  Clock,
  DeliveryClaim,
  Logger,
  Metrics,
  Notifier,
  PostHooks,
  PostResult,
  Store,
} from '../ports.ts';
import { type BackoffOptions, retryDelay } from './backoff.ts';
import type { Pacer } from './pacer.ts';
import { errorName } from './run-summary.ts';
import { sendingGate } from './sending-gate.ts';

/** What one attempt needs; shared by weekly briefings and broadcasts. */
export interface AttemptContext {
  store: Store;
  notifier: Notifier;
  clock: Clock;
  owner: string;
  logger: Logger;
  metrics: Metrics;
  pacer: Pacer;
  leaseMs: number;
  maxAttempts: number;
  backoff: BackoffOptions;
  random: () => number;
  /** platforms already reported as not configured here: said once, not at every sweep */
  reportedUnconfigured: Set<Platform>;
}

/** The ledger row to claim: what is posted, under which period, when it was due. */
export type ClaimFields = Pick<
  DeliveryClaim,
  'kind' | 'period' | 'lessonId' | 'reviewId' | 'dueAt'
>;

/** The message for a claimed row, or why there is none (e.g. the lesson left the corpus). */
export type Compose = (delivery: Delivery) => OutgoingMessage | { error: string };

export type AttemptOutcome =
  | { kind: 'sent'; delivery: Delivery }
  /** the ledger refused the claim: posted, in flight or settled elsewhere */
  | { kind: 'taken' }
  | { kind: 'retry'; delivery: Delivery; nextAttemptAt: Date; reason: string }
  | { kind: 'gone'; delivery: Delivery; reason: string }
  /** the bot is not in the channel: the subscription is paused until it is back */
  | { kind: 'paused'; delivery: Delivery; reason: string }
  | { kind: 'failed'; delivery: Delivery; reason: string }
  /** this process cannot post to the platform at all: nothing was claimed */
  | { kind: 'not-configured'; reason: string };

/** A Notifier should not throw, but if it does the post may be retried; the runner lives on. */
async function safePost(
  ctx: AttemptContext,
  target: Subscription['target'],
  message: OutgoingMessage,
  hooks: PostHooks,
): Promise<PostResult> {
  try {
    return await ctx.notifier.post(target, message, hooks);
  } catch (error) {
    // Only the error's class: its message could carry a token or a request body.
    const name = errorName(error);
    ctx.logger.warn('notifier threw', { error: name });
    return { ok: false, outcome: 'retry', error: `the notifier failed unexpectedly (${name})` };
  }
}

/** A message that cannot be built is a failed post, not a claim left hanging. */
function safeCompose(compose: Compose, delivery: Delivery): OutgoingMessage | { error: string } {
  try {
    return compose(delivery);
  } catch (error) {
    return { error: `the message could not be built (${errorName(error)})` };
  }
}

/**
 * One post through the ledger: wait for the pacer, claim the row (`claimed`), post — the
 * notifier marks the row `sending` through the hook immediately before its request
 * leaves — and record the outcome. Pacing comes before the claim, so that waiting never
 * eats into the lease.
 */
export async function attemptDelivery(
  ctx: AttemptContext,
  subscription: Subscription,
  fields: ClaimFields,
  compose: Compose,
): Promise<AttemptOutcome> {
  const { platform } = subscription.target;
  const missing = ctx.notifier.notConfigured?.(platform);
  if (missing) {
    if (!ctx.reportedUnconfigured.has(platform)) {
      ctx.reportedUnconfigured.add(platform);
      ctx.logger.warn('posts to a platform not configured here are left unclaimed', {
        platform,
        error: missing,
      });
    }
    return { kind: 'not-configured', reason: missing };
  }
  await ctx.pacer.acquire(subscription.target);
  const claim: DeliveryClaim = {
    ...fields,
    subscriptionId: subscription.id,
    owner: ctx.owner,
    now: ctx.clock(),
    leaseMs: ctx.leaseMs,
  };
  const delivery = await ctx.store.claimDelivery(claim);
  if (!delivery) return { kind: 'taken' };
  const message = safeCompose(compose, delivery);
  if ('error' in message) return settleFailed(ctx, delivery, message.error);
  const gate = sendingGate(ctx, delivery);
  const result = await safePost(ctx, subscription.target, message, gate.hooks);
  if (gate.state() === 'lost') return settleLost(ctx, delivery);
  if (gate.state() === 'claimed' && result.ok) {
    // Harmless here, but such a notifier leaves a window in which a crash posts twice.
    ctx.logger.warn('the notifier posted without marking the row sending', {
      deliveryId: delivery.id,
    });
  }
  return settle(ctx, subscription, delivery, result);
}

/**
 * The row could not be marked `sending`, so the notifier sent nothing. Still ours (the
 * lease ran out, nobody took it): hand it back to be retried at once. Another's: leave it.
 */
async function settleLost(ctx: AttemptContext, delivery: Delivery): Promise<AttemptOutcome> {
  const now = ctx.clock();
  const handedBack = await ctx.store.failDelivery(delivery.id, ctx.owner, {
    status: 'retry',
    error: 'not sent: the claim was lost before the request was made',
    nextAttemptAt: now,
    now,
  });
  ctx.logger.warn('claim lost before the request; nothing sent', {
    deliveryId: delivery.id,
    handedBack,
  });
  if (!handedBack) return { kind: 'taken' };
  ctx.metrics.deliveryOutcome(delivery.kind, 'retry');
  return { kind: 'retry', delivery, nextAttemptAt: now, reason: 'the claim was lost' };
}

async function settle(
  ctx: AttemptContext,
  subscription: Subscription,
  delivery: Delivery,
  result: PostResult,
): Promise<AttemptOutcome> {
  const log = ctx.logger.child({ deliveryId: delivery.id, subscriptionId: subscription.id });
  if (result.ok) {
    const now = ctx.clock();
    const done = await ctx.store.completeDelivery(delivery.id, ctx.owner, {
      messageRef: result.messageRef,
      now,
    });
    // Posted, but the row is no longer ours to settle (another process took it over after
    // the lease ran out): what it says stands.
    if (!done) log.warn('posted after the lease ran out; the ledger keeps what it says');
    else log.info('delivery sent', { kind: delivery.kind, period: delivery.period });
    ctx.metrics.deliveryOutcome(delivery.kind, done ? 'sent' : 'in-doubt');
    return { kind: 'sent', delivery: { ...delivery, status: done ? 'sent' : 'in-doubt' } };
  }
  if (result.outcome === 'gone' || result.outcome === 'paused')
    return settleUnreachable(ctx, subscription, delivery, result.outcome, result.error);
  if (result.outcome === 'failed') return settleFailed(ctx, delivery, result.error);
  if (delivery.attempts >= ctx.maxAttempts) {
    return settleFailed(
      ctx,
      delivery,
      `${result.error} (gave up after ${delivery.attempts} attempts)`,
    );
  }
  return settleRetry(ctx, subscription, delivery, result);
}

async function settleRetry(
  ctx: AttemptContext,
  subscription: Subscription,
  delivery: Delivery,
  result: Extract<PostResult, { ok: false }>,
): Promise<AttemptOutcome> {
  const now = ctx.clock();
  const wait = retryDelay(delivery.attempts, ctx.backoff, ctx.random, result.retryAfterMs);
  const nextAttemptAt = new Date(now.getTime() + wait);
  if (result.retryAfterMs !== undefined) ctx.pacer.pause(subscription.target, result.retryAfterMs);
  ctx.metrics.deliveryOutcome(delivery.kind, 'retry');
  await ctx.store.failDelivery(delivery.id, ctx.owner, {
    status: 'retry',
    error: result.error,
    nextAttemptAt,
    now,
  });
  ctx.logger.info('delivery will be retried', {
    deliveryId: delivery.id,
    attempts: delivery.attempts,
    waitMs: wait,
    error: result.error,
  });
  return { kind: 'retry', delivery, nextAttemptAt, reason: result.error };
}

/** Not posted, and not to be retried: the channel is gone (inactive) or the bot is not in it (paused). */
async function settleUnreachable(
  ctx: AttemptContext,
  subscription: Subscription,
  delivery: Delivery,
  outcome: 'gone' | 'paused',
  reason: string,
): Promise<AttemptOutcome> {
  const now = ctx.clock();
  await ctx.store.failDelivery(delivery.id, ctx.owner, { status: 'gone', error: reason, now });
  const status = outcome === 'paused' ? 'paused' : 'inactive';
  await ctx.store.setSubscriptionStatus(subscription.id, status, reason, now);
  ctx.metrics.deliveryOutcome(delivery.kind, 'gone');
  ctx.logger.warn(`channel unreachable; subscription ${status}`, {
    deliveryId: delivery.id,
    subscriptionId: subscription.id,
    error: reason,
  });
  return { kind: outcome, delivery, reason };
}

async function settleFailed(
  ctx: AttemptContext,
  delivery: Delivery,
  reason: string,
): Promise<AttemptOutcome> {
  await ctx.store.failDelivery(delivery.id, ctx.owner, {
    status: 'failed',
    error: reason,
    now: ctx.clock(),
  });
  ctx.metrics.deliveryOutcome(delivery.kind, 'failed');
  ctx.logger.warn('delivery failed', { deliveryId: delivery.id, error: reason });
  return { kind: 'failed', delivery, reason };
}
