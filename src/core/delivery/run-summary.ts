import type { ChannelOutcome, Subscription } from '../model/index.ts';
import type { Logger } from '../ports.ts';
import type { AttemptOutcome } from './attempt-delivery.ts';
import { channelOutcome } from './channel-outcome.ts';

/** What one run of due deliveries did. */
export interface RunSummary {
  /** posts the platform accepted */
  sent: number;
  /** posts that failed for a passing reason and will be tried again */
  retried: number;
  /** posts to channels that are gone; their subscriptions are now inactive */
  gone: number;
  /** posts to channels the bot is not in; their subscriptions are paused until it is back */
  paused: number;
  /** posts given up on */
  failed: number;
  /** posts for a platform this process is not configured for: nothing claimed, the reason in notConfiguredChannels */
  notConfigured: number;
  /** weekly posts missed by more than the grace window, left unposted by design */
  skipped: number;
  /** posts whose process died mid-request, found and marked in-doubt (never re-sent) */
  inDoubt: number;
  /** steps that threw (the database unreachable, say): logged, nothing marked; the next run tries again */
  errors: number;
  /** the gone channels, for the operator */
  goneChannels: ChannelOutcome[];
  /** the channels now paused, for the operator */
  pausedChannels: ChannelOutcome[];
  /** the posts to be tried again, and why they failed this time */
  retryChannels: ChannelOutcome[];
  /** the posts given up on, and why */
  failedChannels: ChannelOutcome[];
  /** the posts this process cannot make, and what to set */
  notConfiguredChannels: ChannelOutcome[];
}

export function emptySummary(): RunSummary {
  return {
    sent: 0,
    retried: 0,
    gone: 0,
    paused: 0,
    failed: 0,
    notConfigured: 0,
    skipped: 0,
    inDoubt: 0,
    errors: 0,
    goneChannels: [],
    pausedChannels: [],
    retryChannels: [],
    failedChannels: [],
    notConfiguredChannels: [],
  };
}

export function tally(
  summary: RunSummary,
  subscription: Subscription,
  outcome: AttemptOutcome,
): void {
  switch (outcome.kind) {
    case 'sent':
      summary.sent += 1;
      return;
    case 'retry':
      summary.retried += 1;
      summary.retryChannels.push(channelOutcome(subscription, outcome.reason));
      return;
    case 'gone':
      summary.gone += 1;
      summary.goneChannels.push(channelOutcome(subscription, outcome.reason));
      return;
    case 'paused':
      summary.paused += 1;
      summary.pausedChannels.push(channelOutcome(subscription, outcome.reason));
      return;
    case 'failed':
      summary.failed += 1;
      summary.failedChannels.push(channelOutcome(subscription, outcome.reason));
      return;
    case 'not-configured':
      summary.notConfigured += 1;
      summary.notConfiguredChannels.push(channelOutcome(subscription, outcome.reason));
      return;
    case 'taken':
      return;
  }
}

/** The class of what was thrown: never its message, which could carry a token or a body. */
export function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

/**
 * Runs one subscription's step so that a throw (the database unreachable, say) is logged
 * and counted, and the other subscriptions' posts go on.
 */
export async function guarded(
  logger: Logger,
  fields: Record<string, unknown>,
  step: () => Promise<void>,
  onError: () => void,
): Promise<void> {
  try {
    await step();
  } catch (error) {
    onError();
    logger.error('delivery step failed; the next run tries again', {
      ...fields,
      error: errorName(error),
    });
  }
}
