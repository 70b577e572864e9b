import { DateTime } from 'luxon';
import type { Schedule } from '../model/index.ts';

/**
 * When a weekly schedule falls, in real instants. Each ISO week (in the schedule's own
 * zone) has exactly one occurrence:
 * - a wall-clock time the clocks skip in spring (01:30 in London on the last Sunday of
 *   March) falls at the same distance after the change instead (02:30 summer time);
 * - a wall-clock time that happens twice in autumn falls at its first occurrence.
 * Calendar arithmetic is done on local dates, never by adding 7 × 24 h.
 */

function hourMinute(schedule: Schedule): { hour: number; minute: number } {
  const [hour = 0, minute = 0] = schedule.time.split(':').map(Number);
  return { hour, minute };
}

/** The schedule's instant in the ISO week that contains `local`. */
function occurrenceInWeekOf(schedule: Schedule, local: DateTime): DateTime {
  const wall = {
    weekYear: local.weekYear,
    weekNumber: local.weekNumber,
    weekday: schedule.day,
    ...hourMinute(schedule),
  };
  const chosen = DateTime.fromObject(wall, { zone: schedule.timezone });
  return firstOfRepeatedWallTime(chosen);
}

/**
 * Luxon reads a repeated wall-clock time with the later offset; the clocks showed it first
 * under the earlier offset (e.g. 01:30 BST before 01:30 GMT). Prefer that one.
 */
function firstOfRepeatedWallTime(chosen: DateTime): DateTime {
  const dayBefore = chosen.minus({ days: 1 });
  if (dayBefore.offset === chosen.offset) return chosen;
  const earlier = DateTime.fromMillis(
    chosen.toMillis() - (dayBefore.offset - chosen.offset) * 60_000,
    { zone: chosen.zone },
  );
  const sameWall =
    earlier.toMillis() < chosen.toMillis() &&
    earlier.toFormat('yyyy-MM-dd HH:mm') === chosen.toFormat('yyyy-MM-dd HH:mm');
  return sameWall ? earlier : chosen;
}

/** The last time the schedule fell at or before `atOrBefore`. */
export function latestOccurrence(schedule: Schedule, atOrBefore: Date): Date {
  const local = DateTime.fromJSDate(atOrBefore, { zone: schedule.timezone });
  const thisWeek = occurrenceInWeekOf(schedule, local);
  if (thisWeek.toMillis() <= atOrBefore.getTime()) return thisWeek.toJSDate();
  return occurrenceInWeekOf(schedule, local.minus({ weeks: 1 })).toJSDate();
}

/** The first time the schedule falls strictly after `after`. */
export function nextOccurrence(schedule: Schedule, after: Date): Date {
  const local = DateTime.fromJSDate(after, { zone: schedule.timezone });
  const thisWeek = occurrenceInWeekOf(schedule, local);
  if (thisWeek.toMillis() > after.getTime()) return thisWeek.toJSDate();
  return occurrenceInWeekOf(schedule, local.plus({ weeks: 1 })).toJSDate();
}

/** The ledger period of an occurrence: its ISO week in the schedule's zone, e.g. "2026-W48". */
export function periodOf(schedule: Schedule, occurrence: Date): string {
  return isoWeek(occurrence, schedule.timezone);
}

/** The ISO week of an instant in a zone, e.g. "2026-W48". */
export function isoWeek(at: Date, timezone: string): string {
  return DateTime.fromJSDate(at, { zone: timezone }).toFormat("kkkk-'W'WW");
}

/** "Monday 23 November 2026, 09:00 (Europe/London)": how a post time is shown to people. */
export function formatLocalTime(at: Date, timezone: string): string {
  const local = DateTime.fromJSDate(at, { zone: timezone }).setLocale('en-GB');
  return `${local.toFormat('cccc d LLLL yyyy, HH:mm')} (${timezone})`;
}

/** Whether Intl and Luxon both accept the zone name. */
export function isValidTimezone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
  } catch {
    return false;
  }
  return DateTime.now().setZone(name).isValid;
}
