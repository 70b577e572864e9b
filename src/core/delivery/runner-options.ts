import type { Corpus } from '../lessons/index.ts';
import {
  type Clock,
  type Logger,
  type Metrics,
  type Notifier,
  noMetrics,
  type Store,
} from '../ports.ts';
import type { AttemptContext } from './attempt-delivery.ts';
import { type BackoffOptions, DEFAULT_BACKOFF } from './backoff.ts';
import { ClaimedKeys } from './claimed-keys.ts';
import { type Occurrences, occurrenceCache } from './occurrences.ts';
import { createPacer, type PacingLimits } from './pacer.ts';
import { type SubscriptionView, subscriptionView } from './subscription-view.ts';

export interface DeliveryRunnerOptions {
  /** how late a missed weekly post may still be made; default 48 h */
  graceMs?: number;
  /** how long a claim holds while a post is in flight; default 2 min (a post must time out sooner) */
  leaseMs?: number;
  /** attempts before a post is given up as failed; default 8 */
  maxAttempts?: number;
  /** waits between attempts when the platform gave no Retry-After */
  backoff?: BackoffOptions;
  /** posts in flight at once, to different channels; default 4 */
  concurrency?: number;
  /** rate limits per channel and workspace; default DEFAULT_PACING */
  pacing?: PacingLimits;
  /** how the runner waits; tests pass one that moves a fake clock */
  sleep?: (ms: number) => Promise<void>;
  /** in [0, 1), for backoff jitter */
  random?: () => number;
}

export interface DeliveryRunnerDeps {
  store: Store;
  notifier: Notifier;
  /** the current corpus: a function, so that a reload is seen by the next post */
  corpus: () => Corpus;
  clock: Clock;
  /** this process, e.g. "host:pid:random": the ledger's claims name it */
  owner: string;
  logger: Logger;
  /** counts outcomes for operators; default none */
  metrics?: Metrics;
  options?: DeliveryRunnerOptions;
}

/** Everything a run needs, with defaults filled in once. */
export interface RunnerContext extends AttemptContext {
  corpus: () => Corpus;
  graceMs: number;
  concurrency: number;
  sleep: (ms: number) => Promise<void>;
  /** schedules' latest occurrences, remembered for the runner's life */
  occurrences: Occurrences;
  /** the active subscriptions, read by changes */
  subscriptions: SubscriptionView;
  /** weekly posts known to be in the ledger */
  claimed: ClaimedKeys;
}

export const DEFAULT_GRACE_MS = 48 * 60 * 60_000;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function runnerContext(deps: DeliveryRunnerDeps): RunnerContext {
  const options = deps.options ?? {};
  const sleep = options.sleep ?? realSleep;
  return {
    store: deps.store,
    notifier: deps.notifier,
    clock: deps.clock,
    owner: deps.owner,
    logger: deps.logger,
    metrics: deps.metrics ?? noMetrics,
    corpus: deps.corpus,
    pacer: createPacer({
      clock: deps.clock,
      sleep,
      ...(options.pacing ? { limits: options.pacing } : {}),
    }),
    leaseMs: options.leaseMs ?? 2 * 60_000,
    maxAttempts: Math.max(1, options.maxAttempts ?? 8),
    backoff: options.backoff ?? DEFAULT_BACKOFF,
    random: options.random ?? Math.random,
    graceMs: options.graceMs ?? DEFAULT_GRACE_MS,
    concurrency: Math.max(1, options.concurrency ?? 4),
    sleep,
    occurrences: occurrenceCache(),
    subscriptions: subscriptionView(deps.store),
    claimed: new ClaimedKeys(),
  };
}
