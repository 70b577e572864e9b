import { chooseLesson } from '../briefing/index.ts';
import type { Corpus } from '../lessons/index.ts';
import type { Delivery, Subscription } from '../model/index.ts';
import type { DeliveryKey } from '../ports.ts';
import type { ClaimFields } from './attempt-delivery.ts';
import type { Occurrences } from './occurrences.ts';

/** A subscription's latest weekly slot by some instant: when it fell, and its period. */
export interface BriefingSlot {
  subscription: Subscription;
  occurrence: Date;
  period: string;
}

export type BriefingPlan =
  | { kind: 'due'; fields: ClaimFields }
  /** missed by more than the grace window: not posted late */
  | { kind: 'skipped'; period: string }
  | { kind: 'none' };

/**
 * The weekly post a subscription's schedule asks for by `at`: its latest occurrence and
 * that week. None when the occurrence is before the subscription was last saved: a channel
 * that subscribes (or changes its time) after this week's slot starts next week, rather
 * than getting a catch-up post at once. An operator's `deliver --at` sets `fromSaved`
 * false: it asks for every post due by then, as if the subscription had always been there.
 * From the schedule alone: no ledger read.
 */
export function briefingSlot(
  subscription: Subscription,
  at: Date,
  fromSaved: boolean,
  occurrences: Occurrences,
): BriefingSlot | undefined {
  const latest = occurrences.latest(subscription.schedule, at);
  if (fromSaved && latest.at.getTime() < subscription.updatedAt.getTime()) return undefined;
  return { subscription, occurrence: latest.at, period: latest.period };
}

export function slotKey(slot: BriefingSlot): DeliveryKey {
  return { subscriptionId: slot.subscription.id, period: slot.period };
}

/** Later than the grace window allows: the week's post is skipped, not made late. */
export function isTooLate(slot: BriefingSlot, at: Date, graceMs: number): boolean {
  return at.getTime() - slot.occurrence.getTime() > graceMs;
}

/**
 * What to do about a slot, given the subscription's briefing history: nothing when its
 * week has a ledger row; skipped when too late; else due, with the lesson to post.
 */
export function planSlot(
  corpus: Corpus,
  slot: BriefingSlot,
  history: readonly Delivery[],
  at: Date,
  graceMs: number,
): BriefingPlan {
  const { period } = slot;
  if (history.some((d) => d.kind === 'briefing' && d.period === period)) return { kind: 'none' };
  if (isTooLate(slot, at, graceMs)) return { kind: 'skipped', period };
  const lesson = chooseLesson(corpus, slot.subscription, history);
  if (!lesson) return { kind: 'none' };
  return {
    kind: 'due',
    fields: { kind: 'briefing', period, lessonId: lesson.id, dueAt: slot.occurrence },
  };
}
