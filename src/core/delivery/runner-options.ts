import type { Corpus } from '../lessons/index.ts';
import type { Platform } from '../model/index.ts';
import {
  type Clock,
  type Logger,
  type Metrics,
  type Notifier,
  noMetrics,
  type Store,
} from '../ports.ts';
import { type ActiveSubscriptions, activeSubscriptions } from './active-subscriptions.ts';
import type { AttemptContext } from './attempt-delivery.ts';
import { type BackoffOptions, DEFAULT_BACKOFF } from './backoff.ts';
import { ClaimedKeys } from './claimed-keys.ts';
import { type Occurrences, occurrenceCache } from './occurrences.ts';
import { createPacer, type PacingLimits } from './pacer.ts';
import { type IsWorkingDay, weekdaysOnly } from './quoting-due.ts';
import { type QuotingQueue, quotingQueue } from './quoting-queue.ts';

export interface DeliveryRunnerOptions {
  /** how late a missed weekly post may still be made; default 48 h */
  graceMs?: number;
  /** how long a claim holds while a post is in flight; default 2 min (a post must time out sooner) */
  leaseMs?: number;
  /** attempts before a post is given up as failed; default 8 */
  maxAttempts?: number;
  /** waits between attempts when the platform gave no Retry-After */
  backoff?: BackoffOptions;
  /**
   * posts in flight at once per workspace or tenant, to different channels: one number for
   * both platforms, or per platform; default DEFAULT_CONCURRENCY
   */
  concurrency?: number | Partial<Record<Platform, number>>;
  /** rate limits per channel and workspace; default DEFAULT_PACING */
  pacing?: PacingLimits;
  /** how the runner waits; tests pass one that moves a fake clock */
  sleep?: (ms: number) => Promise<void>;
  /** in [0, 1), for backoff jitter */
  random?: () => number;
  /** weeks after a lesson with a plan that its follow-up comes; default 6 */
  followUpWeeks?: number;
  /** false: weekly briefings and broadcasts only, no follow-ups or reminders; default true */
  followUps?: boolean;
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
  /** which days reminders may be posted on: main.ts passes the nations' bank holidays; default Monday to Friday */
  isWorkingDay?: IsWorkingDay;
}

/** Everything a run needs, with defaults filled in once. */
export interface RunnerContext extends AttemptContext {
  corpus: () => Corpus;
  graceMs: number;
  /** posts in flight at once per workspace or tenant */
  concurrency: Record<Platform, number>;
  sleep: (ms: number) => Promise<void>;
  /** schedules' latest occurrences, remembered for the runner's life */
  occurrences: Occurrences;
  /** the active subscriptions, read by changes */
  subscriptions: ActiveSubscriptions;
  /** weekly posts known to be in the ledger */
  claimed: ClaimedKeys;
  followUpWeeks: number;
  /** whether follow-ups and reminders are posted */
  followUps: boolean;
  isWorkingDay: IsWorkingDay;
  /** the follow-ups and reminders to come */
  quoting: QuotingQueue;
}

export const DEFAULT_FOLLOW_UP_WEEKS = 6;

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
    reportedUnconfigured: new Set(),
    graceMs: options.graceMs ?? DEFAULT_GRACE_MS,
    concurrency: concurrencyOf(options.concurrency),
    sleep,
    occurrences: occurrenceCache(),
    subscriptions: activeSubscriptions(deps.store),
    claimed: new ClaimedKeys(),
    followUpWeeks: Math.max(1, Math.trunc(options.followUpWeeks ?? DEFAULT_FOLLOW_UP_WEEKS)),
    followUps: options.followUps ?? true,
    isWorkingDay: deps.isWorkingDay ?? weekdaysOnly,
    quoting: quotingQueue(),
  };
}

/**
 * Posts in flight per workspace (Slack) or tenant (Teams). Slack's workspace allows about 5
 * posts a second, which 4 in flight keep up with; Teams allows 40 a second paced, and with a
 * real round trip of a few hundred milliseconds it takes about 12 in flight to use them
 * (docs/benchmarks.md, "Broadcast to 1,000 channels").
 */
export const DEFAULT_CONCURRENCY: Readonly<Record<Platform, number>> = { slack: 4, teams: 12 };

function concurrencyOf(option: DeliveryRunnerOptions['concurrency']): Record<Platform, number> {
  const given = typeof option === 'number' ? { slack: option, teams: option } : (option ?? {});
  return {
    slack: Math.max(1, given.slack ?? DEFAULT_CONCURRENCY.slack),
    teams: Math.max(1, given.teams ?? DEFAULT_CONCURRENCY.teams),
  };
}
