import type { Subscription } from '../model/index.ts';
import type { Store } from '../ports.ts';

/**
 * How far back each read of changes reaches before the previous one: a change whose
 * writer's clock lagged ours, or that committed just after we read, is still seen.
 */
export const CHANGE_OVERLAP_MS = 60 * 60_000;

/** How often the whole list is read again anyway, whatever the reads of changes said. */
export const FULL_READ_MS = 24 * 60 * 60_000;

/** The active subscriptions as a runner last read them; see activeSubscriptions. */
export interface ActiveSubscriptions {
  /** the active subscriptions, as of a read made now (in the order first listed) */
  active(now: Date): Promise<Subscription[]>;
}

const EVERY_STATUS = ['active', 'paused', 'inactive', 'removed'] as const;

/**
 * Keeps a runner's list of active subscriptions up to date by reading only what changed:
 * every change to a subscription (saved, re-saved, made inactive or removed) sets its
 * updatedAt, and none is ever deleted. So a sweep reads the few subscriptions changed
 * lately instead of all of them; the whole list is read first, daily, and if the clock
 * goes back.
 */
export function activeSubscriptions(store: Pick<Store, 'listSubscriptions'>): ActiveSubscriptions {
  let active = new Map<string, Subscription>();
  let fullAt = Number.NEGATIVE_INFINITY;
  let readAt = Number.NEGATIVE_INFINITY;
  const readAll = async (t: number) => {
    const listed = await store.listSubscriptions({ status: ['active'] });
    active = new Map(listed.map((s) => [s.id, s]));
    fullAt = t;
  };
  const readChanges = async () => {
    const updatedSince = new Date(readAt - CHANGE_OVERLAP_MS);
    const changed = await store.listSubscriptions({ status: EVERY_STATUS, updatedSince });
    for (const s of changed) {
      if (s.status === 'active') active.set(s.id, s);
      else active.delete(s.id);
    }
  };
  return {
    async active(now) {
      const t = now.getTime();
      if (t < readAt || t - fullAt >= FULL_READ_MS) await readAll(t);
      else await readChanges();
      readAt = t;
      return [...active.values()];
    },
  };
}
