import { describe, expect, it } from 'vitest';
import { ukWorkingDays } from './uk-working-days.ts';

describe('ukWorkingDays', () => {
  const isWorkingDay = ukWorkingDays();

  it('knows each nation’s own bank holidays', () => {
    // St Andrew's Day is Scotland's, not England's
    expect(isWorkingDay('2026-11-30', 'scotland')).toBe(false);
    expect(isWorkingDay('2026-11-30', 'england')).toBe(true);
    // St Patrick's Day is Northern Ireland's
    expect(isWorkingDay('2026-03-17', 'northern-ireland')).toBe(false);
    expect(isWorkingDay('2026-03-17', 'wales')).toBe(true);
    // the Summer bank holiday: the last Monday of August in England, the first in Scotland
    expect(isWorkingDay('2026-08-31', 'england')).toBe(false);
    expect(isWorkingDay('2026-08-03', 'scotland')).toBe(false);
    expect(isWorkingDay('2026-08-03', 'england')).toBe(true);
  });

  it('counts substitute days and weekends as days off, observances as working days', () => {
    expect(isWorkingDay('2026-12-28', 'england')).toBe(false);
    expect(isWorkingDay('2026-12-05', 'england')).toBe(false);
    expect(isWorkingDay('2026-12-06', 'wales')).toBe(false);
    expect(isWorkingDay('2026-12-07', 'england')).toBe(true);
  });

  it('reads a date that is not one as no working day', () => {
    expect(isWorkingDay('not a date', 'england')).toBe(false);
  });
});
