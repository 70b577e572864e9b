import Holidays from 'date-holidays';
import type { IsWorkingDay, Nation } from '../core/index.ts';

/** date-holidays' region codes for the UK's nations. */
const REGION: Readonly<Record<Nation, string>> = {
  england: 'ENG',
  wales: 'WLS',
  scotland: 'SCT',
  'northern-ireland': 'NIR',
};

/**
 * Monday to Friday, less the nation's bank holidays (substitute days included), from the
 * maintained date-holidays library: only its `public` days, not observances such as
 * Mother's Day. Each nation's year is read once and kept.
 */
export function ukWorkingDays(): IsWorkingDay {
  const years = new Map<string, ReadonlySet<string>>();
  const holidays = (nation: Nation, year: number): ReadonlySet<string> => {
    const key = `${nation}:${year}`;
    const known = years.get(key);
    if (known) return known;
    const found = new Holidays('GB', REGION[nation])
      .getHolidays(year)
      .filter((h) => h.type === 'public')
      .map((h) => h.date.slice(0, 10));
    const set = new Set(found);
    years.set(key, set);
    return set;
  };
  return (localDate, nation) => {
    const day = new Date(`${localDate}T12:00:00Z`);
    if (Number.isNaN(day.getTime())) return false;
    const weekday = day.getUTCDay();
    if (weekday === 0 || weekday === 6) return false;
    return !holidays(nation, day.getUTCFullYear()).has(localDate);
  };
}
