import type { Delivery } from '../model/index.ts';
import { type PublishResult, publishReview } from './publish.ts';
import { retryDueRows } from './retry-rows.ts';
import { deliverDueBriefings } from './run-briefings.ts';
import { deliverDueQuoting } from './run-quoting.ts';
import { emptySummary, type RunSummary } from './run-summary.ts';
import { type DeliveryRunnerDeps, type RunnerContext, runnerContext } from './runner-options.ts';

/** Runs weekly briefings and broadcasts through the ledger. The scheduler's tick and the CLI call it. */
export interface DeliveryRunner {
  /**
   * Every post due by `at` that has not happened: each active subscription's weekly
   * briefing (within the grace window), follow-ups and reminders (see deliverDueQuoting), retries whose time has come, and rows whose
   * process died settled: in doubt if it died mid-request, back to retry (and so posted
   * now) if it died before making the request. Idempotent: run twice, posts once.
   * `operator` (for `lessons-bot deliver --at`): also posts for weeks before a
   * subscription was saved, as an explicit request for everything due by `at`.
   */
  runDue(at: Date, options?: { operator?: boolean }): Promise<RunSummary>;
  /** Announces a review to every active subscription; see publishReview. */
  publish(reviewId: string, options: { again: boolean; by: string }): Promise<PublishResult>;
}

function reportDeadLease(ctx: RunnerContext, row: Delivery, summary: RunSummary): void {
  const fields = { deliveryId: row.id, subscriptionId: row.subscriptionId, period: row.period };
  if (row.status === 'in-doubt') {
    summary.inDoubt += 1;
    ctx.metrics.deliveryOutcome(row.kind, 'in-doubt');
    ctx.logger.warn('post in doubt: its process stopped mid-request; not re-sent', fields);
    return;
  }
  ctx.metrics.deliveryOutcome(row.kind, 'retry');
  ctx.logger.info('claim lapsed before its request was made; it will be posted again', fields);
}

/** Rows whose process stopped holding them: in doubt, or handed back to be retried. */
async function markDeadLeases(ctx: RunnerContext, summary: RunSummary): Promise<void> {
  const stale = await ctx.store.markInDoubt(ctx.clock());
  for (const row of stale) reportDeadLease(ctx, row, summary);
}

/**
 * @example
 * const runner = createDeliveryRunner({ store, notifier, corpus: () => corpus,
 *   clock: () => new Date(), owner: `${hostname()}:${process.pid}`, logger });
 * await runner.runDue(new Date());
 */
export function createDeliveryRunner(deps: DeliveryRunnerDeps): DeliveryRunner {
  const ctx = runnerContext(deps);
  return {
    async runDue(at, options = {}) {
      const summary = emptySummary();
      await markDeadLeases(ctx, summary);
      await deliverDueBriefings(ctx, at, summary, !options.operator);
      if (ctx.followUps) await deliverDueQuoting(ctx, at, summary);
      await retryDueRows(ctx, at, summary);
      return summary;
    },
    publish: (reviewId, options) => publishReview(ctx, reviewId, options),
  };
}
