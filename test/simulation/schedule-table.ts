import { nextOccurrence, periodOf, type Schedule } from '../../src/core/index.ts';

/** One weekly slot of a schedule: when it falls, and its ledger period. */
export interface Slot {
  at: number;
  period: string;
}

const WEEK = 7 * 24 * 3_600_000;

/**
 * Every slot of each schedule over the simulated year (and a week either side), computed
 * once per distinct schedule: the simulation's own record of when posts are due, and of
 * which week a post the platform received belongs to.
 */
export class ScheduleTable {
  readonly #from: number;
  readonly #to: number;
  readonly #slots = new Map<string, Slot[]>();

  constructor(from: number, to: number) {
    this.#from = from - WEEK;
    this.#to = to + WEEK;
  }

  slots(schedule: Schedule): Slot[] {
    const key = `${schedule.day} ${schedule.time} ${schedule.timezone}`;
    let slots = this.#slots.get(key);
    if (!slots) {
      slots = [];
      let at = nextOccurrence(schedule, new Date(this.#from));
      while (at.getTime() < this.#to) {
        slots.push({ at: at.getTime(), period: periodOf(schedule, at) });
        at = nextOccurrence(schedule, at);
      }
      this.#slots.set(key, slots);
    }
    return slots;
  }

  /** the slots in [from, to) */
  between(schedule: Schedule, from: number, to: number): Slot[] {
    return this.slots(schedule).filter((s) => s.at >= from && s.at < to);
  }

  /** the last slot at or before `at` */
  latest(schedule: Schedule, at: number): Slot | undefined {
    const slots = this.slots(schedule);
    let lo = 0;
    let hi = slots.length - 1;
    let found: Slot | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const slot = slots[mid] as Slot;
      if (slot.at <= at) {
        found = slot;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }
}
