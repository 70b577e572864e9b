import type { Delivery } from '../model/index.ts';
import { attemptDelivery, type ClaimFields } from './attempt-delivery.ts';
import { composeFor } from './compose.ts';
import { runPool } from './run-pool.ts';
import { quotedFor } from './run-quoting.ts';
import { guarded, type RunSummary, tally } from './run-summary.ts';
import type { RunnerContext } from './runner-options.ts';

function fieldsOf(row: Delivery): ClaimFields {
  return {
    kind: row.kind,
    period: row.period,
    dueAt: row.dueAt,
    ...(row.lessonId === undefined ? {} : { lessonId: row.lessonId }),
    ...(row.reviewId === undefined ? {} : { reviewId: row.reviewId }),
  };
}

/** Takes the row over and gives it up, for a post that must not be made any more. */
async function abandon(ctx: RunnerContext, row: Delivery, reason: string, summary: RunSummary) {
  const claimed = await ctx.store.claimDelivery({
    ...fieldsOf(row),
    subscriptionId: row.subscriptionId,
    owner: ctx.owner,
    now: ctx.clock(),
    leaseMs: ctx.leaseMs,
  });
  if (!claimed) return;
  await ctx.store.failDelivery(claimed.id, ctx.owner, {
    status: 'failed',
    error: reason,
    now: ctx.clock(),
  });
  summary.failed += 1;
  ctx.logger.info('retry abandoned', { deliveryId: row.id, error: reason });
}

async function retryRow(ctx: RunnerContext, row: Delivery, at: Date, summary: RunSummary) {
  const subscription = await ctx.store.getSubscription(row.subscriptionId);
  if (subscription?.status !== 'active') {
    return abandon(ctx, row, 'the subscription is no longer active', summary);
  }
  if (row.kind !== 'broadcast' && at.getTime() - row.dueAt.getTime() > ctx.graceMs) {
    return abandon(ctx, row, 'too late: the post is past its grace window', summary);
  }
  const quoted =
    row.kind === 'briefing' || row.kind === 'broadcast' ? undefined : await quotedFor(ctx, row);
  const compose = composeFor(ctx.corpus(), quoted);
  const outcome = await attemptDelivery(ctx, subscription, fieldsOf(row), compose);
  tally(summary, subscription, outcome);
}

/**
 * Tries again every `retry` row whose time has come: briefings and broadcasts alike (a
 * broadcast's rows wait here when its process stopped before finishing them, and so do
 * claims that lapsed before their request was made). Rows are looked for among those due
 * in the last two grace windows; a post keeps retrying for minutes, not days, so none is
 * older. Only `retry` rows are read, through the index on status.
 */
export async function retryDueRows(
  ctx: RunnerContext,
  at: Date,
  summary: RunSummary,
): Promise<void> {
  const now = ctx.clock();
  const since = new Date(Math.min(at.getTime(), now.getTime()) - 2 * ctx.graceMs);
  const rows = await ctx.store.listDeliveries({ since, status: ['retry'] });
  const due = rows.filter((r) => (r.nextAttemptAt?.getTime() ?? 0) <= now.getTime());
  // Retries are few and not laned by workspace: the stricter platform's number bounds them.
  const inFlight = Math.min(ctx.concurrency.slack, ctx.concurrency.teams);
  await runPool(due, inFlight, (row) =>
    guarded(
      ctx.logger,
      { deliveryId: row.id },
      () => retryRow(ctx, row, at, summary),
      () => {
        summary.errors += 1;
      },
    ),
  );
}
