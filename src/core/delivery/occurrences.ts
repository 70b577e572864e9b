import type { Schedule } from '../model/index.ts';
import { latestOccurrence, nextOccurrence, periodOf } from './schedule-time.ts';

/** When a schedule last fell, and the ledger period (ISO week in its zone) of that post. */
export interface Occurrence {
  readonly at: Date;
  readonly period: string;
}

/** Latest occurrences of weekly schedules; see occurrenceCache. */
export interface Occurrences {
  latest(schedule: Schedule, at: Date): Occurrence;
}

interface Known {
  occurrence: Occurrence;
  /** when the next occurrence falls: until then, the latest one stays the same */
  until: number;
}

/**
 * Remembers each distinct schedule's latest occurrence until its next one falls. Time-zone
 * arithmetic is what a sweep of a thousand subscriptions every minute would spend its time
 * on, and it changes once a week per schedule. The answers are latestOccurrence's and
 * periodOf's exactly, for any `at`, in any order.
 */
export function occurrenceCache(): Occurrences {
  const byKey = new Map<string, Known>();
  // A sweep passes the same schedule objects each time: found by identity, no key built.
  const byObject = new WeakMap<Schedule, Known>();
  const fresh = (known: Known | undefined, t: number): known is Known =>
    known !== undefined && known.occurrence.at.getTime() <= t && t < known.until;
  return {
    latest(schedule, at) {
      const t = at.getTime();
      const seen = byObject.get(schedule);
      if (fresh(seen, t)) return seen.occurrence;
      const key = `${schedule.day} ${schedule.time} ${schedule.timezone}`;
      let known = byKey.get(key);
      if (!fresh(known, t)) {
        const when = latestOccurrence(schedule, at);
        const occurrence = { at: when, period: periodOf(schedule, when) };
        known = { occurrence, until: nextOccurrence(schedule, when).getTime() };
        byKey.set(key, known);
      }
      byObject.set(schedule, known);
      return known.occurrence;
    },
  };
}
