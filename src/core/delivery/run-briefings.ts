import type { Subscription } from '../model/index.ts';
import { attemptDelivery } from './attempt-delivery.ts';
import { composeFor } from './compose.ts';
import {
  type BriefingPlan,
  type BriefingSlot,
  briefingSlot,
  isTooLate,
  planSlot,
  slotKey,
} from './plan-briefing.ts';
import { runPerSubscription } from './run-pool.ts';
import { type RunSummary, tally } from './run-summary.ts';
import type { RunnerContext } from './runner-options.ts';

function briefingHistory(ctx: RunnerContext, subscription: Subscription) {
  return ctx.store.listDeliveries({ subscriptionId: subscription.id, kind: 'briefing' });
}

/**
 * A week missed beyond the grace window is counted and logged, unless the channel had not
 * subscribed yet then (an operator's `deliver --at` asks about weeks before it did).
 */
function countSkipped(ctx: RunnerContext, slot: BriefingSlot, summary: RunSummary): void {
  if (slot.occurrence.getTime() < slot.subscription.createdAt.getTime()) return;
  summary.skipped += 1;
  ctx.logger.info('weekly post missed beyond the grace window; not posted late', {
    subscriptionId: slot.subscription.id,
    period: slot.period,
  });
}

/** Posts a due slot; true when the slot's week has a ledger row afterwards. */
async function act(
  ctx: RunnerContext,
  slot: BriefingSlot,
  plan: BriefingPlan,
  summary: RunSummary,
): Promise<boolean> {
  if (plan.kind === 'skipped') countSkipped(ctx, slot, summary);
  if (plan.kind !== 'due') return false;
  const { subscription } = slot;
  const outcome = await attemptDelivery(ctx, subscription, plan.fields, composeFor(ctx.corpus()));
  tally(summary, subscription, outcome);
  // claimed now, or refused because another process had claimed it: either way, a row;
  // none when this process cannot post to the platform
  return outcome.kind !== 'not-configured';
}

/**
 * A slot the ledger had no row for. Too late: skipped without reading anything. Else its
 * history is read (the lesson depends on it) and the week's row checked once more there,
 * since another process may have claimed it meanwhile.
 */
async function deliverSlot(
  ctx: RunnerContext,
  slot: BriefingSlot,
  at: Date,
  summary: RunSummary,
): Promise<void> {
  if (isTooLate(slot, at, ctx.graceMs)) return countSkipped(ctx, slot, summary);
  const history = await briefingHistory(ctx, slot.subscription);
  const inLedger = history.some((d) => d.kind === 'briefing' && d.period === slot.period);
  const plan = planSlot(ctx.corpus(), slot, history, at, ctx.graceMs);
  if ((await act(ctx, slot, plan, summary)) || inLedger) ctx.claimed.add(slotKey(slot));
}

/**
 * The slots whose week may still lack a ledger row: those not already known to have one,
 * asked about in one indexed statement (none when all are known). What the ledger says is
 * there is remembered.
 */
async function unclaimedSlots(
  ctx: RunnerContext,
  slots: readonly BriefingSlot[],
): Promise<BriefingSlot[]> {
  const unknown = slots.filter((slot) => !ctx.claimed.has(slotKey(slot)));
  if (unknown.length === 0) return [];
  const unclaimed = await ctx.store.findUnclaimed('briefing', unknown.map(slotKey));
  // one slot per subscription: the subscription id says which came back
  const open = new Set(unclaimed.map((k) => k.subscriptionId));
  return unknown.filter((slot) => {
    const missing = open.has(slot.subscription.id);
    if (!missing) ctx.claimed.add(slotKey(slot));
    return missing;
  });
}

/**
 * Every active subscription's weekly post due by `at` that has no ledger row. Planned from
 * the schedules first (the subscriptions read by their changes since the last tick);
 * then one bulk, indexed question to the ledger about the weeks not already known to have
 * a row; a subscription's history is read only when its week is due and unclaimed. So a
 * tick reads what changed, not every subscription and week, plus a few statements for
 * each post it makes.
 */
export async function deliverDueBriefings(
  ctx: RunnerContext,
  at: Date,
  summary: RunSummary,
  fromSaved: boolean,
): Promise<void> {
  const active = await ctx.subscriptions.active(ctx.clock());
  const slots = active.flatMap((s) => briefingSlot(s, at, fromSaved, ctx.occurrences) ?? []);
  const due = await unclaimedSlots(ctx, slots);
  await runPerSubscription(
    ctx,
    due,
    (slot) => slot.subscription,
    (slot) => deliverSlot(ctx, slot, at, summary),
    summary,
  );
}
