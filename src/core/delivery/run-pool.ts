import type { Platform, Subscription } from '../model/index.ts';
import type { Logger } from '../ports.ts';
import { guarded, type RunSummary } from './run-summary.ts';
import { workspaceOf } from './workspace-of.ts';

/** Runs `work` on every item, at most `concurrency` at a time; resolves when all are done. */
export async function runPool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/**
 * Runs `work` on every item, a pool per lane of the size `concurrencyOf` its first item
 * says, all lanes at once. Lanes keep one workspace's wait (a 429's Retry-After, its rate
 * limit) from holding up the posts to every other workspace behind it.
 */
export async function runInLanes<T>(
  items: readonly T[],
  laneOf: (item: T) => string,
  concurrencyOf: (item: T) => number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  const lanes = new Map<string, T[]>();
  for (const item of items) {
    const key = laneOf(item);
    const lane = lanes.get(key);
    if (lane) lane.push(item);
    else lanes.set(key, [item]);
  }
  await Promise.all(
    [...lanes.values()].map((lane) => runPool(lane, concurrencyOf(lane[0] as T), work)),
  );
}

/**
 * Each item's step, in its subscription's workspace lane at its platform's concurrency. A
 * step that throws (the database unreachable, say) is logged and counted in the summary,
 * and the other subscriptions' posts go on.
 */
export function runPerSubscription<T>(
  ctx: { logger: Logger; concurrency: Record<Platform, number> },
  items: readonly T[],
  subscriptionOf: (item: T) => Subscription,
  step: (item: T) => Promise<void>,
  summary: RunSummary,
): Promise<void> {
  return runInLanes(
    items,
    (item) => workspaceOf(subscriptionOf(item)),
    (item) => ctx.concurrency[subscriptionOf(item).target.platform],
    (item) =>
      guarded(
        ctx.logger,
        { subscriptionId: subscriptionOf(item).id },
        () => step(item),
        () => {
          summary.errors += 1;
        },
      ),
  );
}
