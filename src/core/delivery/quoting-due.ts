import { DateTime } from 'luxon';
import type { Delivery, Nation, Subscription } from '../model/index.ts';
import { nextOccurrence } from './schedule-time.ts';

/** Whether a local calendar date ("2026-12-25") is a working day in a UK nation. */
export type IsWorkingDay = (localDate: string, nation: Nation) => boolean;

/** Monday to Friday: the default when no holiday calendar is wired in (tests, tools). */
export const weekdaysOnly: IsWorkingDay = (localDate) =>
  DateTime.fromISO(localDate, { zone: 'UTC' }).weekday <= 5;

const WEEK_MS = 7 * 24 * 60 * 60_000;

/** A reminder comes this many days after the lesson, unless that is not a working day. */
export const REMINDER_DAYS = 7;

/** The longest run of days off a reminder can be moved past (Christmas, Boxing Day, a weekend, New Year's Day). */
export const LONGEST_DAYS_OFF = 10;

/**
 * The subscription's first weekly slot at least `weeks` weeks after the lesson's own slot
 * (its dueAt: a lesson posted a few minutes late is followed up in the same week).
 */
export function followUpDue(original: Delivery, subscription: Subscription, weeks: number): Date {
  const from = new Date(original.dueAt.getTime() + weeks * WEEK_MS - 1);
  return nextOccurrence(subscription.schedule, from);
}

/** The local date of an instant in a zone, e.g. "2026-12-25". */
export function localDate(at: Date, timezone: string): string {
  return DateTime.fromJSDate(at, { zone: timezone }).toISODate() ?? '';
}

/**
 * REMINDER_DAYS after the lesson's slot (its dueAt, as for follow-ups: an operator's
 * `deliver --at` posts a past week's lesson now), at the subscription's time of day, moved
 * on to the next working day of its nation (never a weekend or a bank holiday).
 */
export function reminderDue(
  original: Delivery,
  subscription: Subscription,
  isWorkingDay: IsWorkingDay,
): Date {
  const { timezone, time } = subscription.schedule;
  const [hour = 9, minute = 0] = time.split(':').map(Number);
  const nation = subscription.nation ?? 'england';
  let day = DateTime.fromJSDate(original.dueAt, { zone: timezone })
    .plus({ days: REMINDER_DAYS })
    .set({ hour, minute, second: 0, millisecond: 0 });
  for (let i = 0; i < LONGEST_DAYS_OFF && !isWorkingDay(day.toISODate() ?? '', nation); i++) {
    day = day.plus({ days: 1 });
  }
  return day.toJSDate();
}
