import { distance } from 'fastest-levenshtein';
import type { Weekday } from '../../model/index.ts';

/** Monday first, as ISO numbers them. */
export const WEEKDAY_NAMES = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

/** Spellings people use besides the full name and its first three letters. */
const EXTRA_SPELLINGS: Record<string, Weekday> = {
  mo: 1,
  mon: 1,
  tu: 2,
  tues: 2,
  weds: 3,
  wednes: 3,
  th: 4,
  thur: 4,
  thurs: 4,
  thr: 4,
  fr: 5,
  sa: 6,
  su: 7,
};

export function weekdayName(day: Weekday): string {
  return WEEKDAY_NAMES[day - 1] ?? 'Monday';
}

function clean(token: string): string {
  // "Mondays", "tue," and "wed." all name a day.
  return token.toLowerCase().replace(/[.,;]+$/, '');
}

/** "mon", "Monday", "Mondays", "weds", "thurs." → the ISO weekday; undefined when not a day. */
export function parseWeekday(token: string): Weekday | undefined {
  const word = clean(token);
  const extra = EXTRA_SPELLINGS[word];
  if (extra !== undefined) return extra;
  const index = WEEKDAY_NAMES.findIndex((name) => {
    const full = name.toLowerCase();
    return word === full || word === `${full}s` || word === full.slice(0, 3);
  });
  return index === -1 ? undefined : ((index + 1) as Weekday);
}

/** The day a misspelt word most likely meant ("wendesday" → Wednesday), if any is close. */
export function closestWeekday(token: string): string | undefined {
  const word = clean(token);
  if (word.length < 4) return undefined;
  let best: { name: string; d: number } | undefined;
  for (const name of WEEKDAY_NAMES) {
    const d = distance(word, name.toLowerCase());
    if (d <= 2 && (best === undefined || d < best.d)) best = { name, d };
  }
  return best?.name;
}
