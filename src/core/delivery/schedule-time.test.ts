import { describe, expect, it } from 'vitest';
import type { Schedule } from '../model/index.ts';
import {
  formatLocalTime,
  isValidTimezone,
  latestOccurrence,
  nextOccurrence,
  periodOf,
} from './schedule-time.ts';

const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();
const london = (day: Schedule['day'], time: string): Schedule => ({
  day,
  time,
  timezone: 'Europe/London',
});

describe('latestOccurrence', () => {
  it('finds this week’s slot once it has passed, else last week’s', () => {
    const monday9 = london(1, '09:00');
    expect(iso(latestOccurrence(monday9, at('2026-11-23T09:05:00Z')))).toBe(
      '2026-11-23T09:00:00.000Z',
    );
    expect(iso(latestOccurrence(monday9, at('2026-11-23T09:00:00Z')))).toBe(
      '2026-11-23T09:00:00.000Z',
    );
    expect(iso(latestOccurrence(monday9, at('2026-11-23T08:59:59Z')))).toBe(
      '2026-11-16T09:00:00.000Z',
    );
    expect(iso(latestOccurrence(monday9, at('2026-11-22T20:00:00Z')))).toBe(
      '2026-11-16T09:00:00.000Z',
    );
  });

  it('keeps the wall-clock time across the spring change in London (GMT → BST)', () => {
    const monday9 = london(1, '09:00');
    expect(iso(latestOccurrence(monday9, at('2026-03-23T12:00:00Z')))).toBe(
      '2026-03-23T09:00:00.000Z',
    );
    expect(iso(latestOccurrence(monday9, at('2026-03-30T12:00:00Z')))).toBe(
      '2026-03-30T08:00:00.000Z',
    );
  });

  it('puts a slot the clocks skip (Sunday 01:30 on 2026-03-29) an hour later, once', () => {
    const sunday0130 = london(7, '01:30');
    // 01:30 GMT never shows on London clocks that day: it falls at 01:30 UTC = 02:30 BST.
    expect(iso(latestOccurrence(sunday0130, at('2026-03-29T12:00:00Z')))).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    expect(iso(latestOccurrence(sunday0130, at('2026-03-29T01:29:00Z')))).toBe(
      '2026-03-22T01:30:00.000Z',
    );
  });

  it('takes the first of a slot that happens twice (Sunday 01:30 on 2026-10-25)', () => {
    const sunday0130 = london(7, '01:30');
    // 01:30 BST (00:30 UTC) comes first, then 01:30 GMT (01:30 UTC): the week has one occurrence.
    expect(iso(latestOccurrence(sunday0130, at('2026-10-25T00:45:00Z')))).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    expect(iso(latestOccurrence(sunday0130, at('2026-10-25T01:45:00Z')))).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    expect(iso(latestOccurrence(sunday0130, at('2026-10-25T00:29:00Z')))).toBe(
      '2026-10-18T00:30:00.000Z',
    );
  });

  it('works in a zone without daylight saving (Asia/Tokyo)', () => {
    const tokyo: Schedule = { day: 1, time: '09:00', timezone: 'Asia/Tokyo' };
    expect(iso(latestOccurrence(tokyo, at('2026-03-30T12:00:00Z')))).toBe(
      '2026-03-30T00:00:00.000Z',
    );
    expect(iso(latestOccurrence(tokyo, at('2026-10-26T12:00:00Z')))).toBe(
      '2026-10-26T00:00:00.000Z',
    );
  });

  it('follows the southern hemisphere’s changes (Australia/Sydney)', () => {
    const monday9: Schedule = { day: 1, time: '09:00', timezone: 'Australia/Sydney' };
    // Summer time (AEDT, +11) until Sunday 5 April 2026, then standard time (AEST, +10).
    expect(iso(latestOccurrence(monday9, at('2026-03-30T00:00:00Z')))).toBe(
      '2026-03-29T22:00:00.000Z',
    );
    expect(iso(latestOccurrence(monday9, at('2026-04-06T00:00:00Z')))).toBe(
      '2026-04-05T23:00:00.000Z',
    );
    const sunday0230: Schedule = { day: 7, time: '02:30', timezone: 'Australia/Sydney' };
    // 2026-04-05: 02:30 happens twice; the first (AEDT) counts.
    expect(iso(latestOccurrence(sunday0230, at('2026-04-05T00:00:00Z')))).toBe(
      '2026-04-04T15:30:00.000Z',
    );
    // 2026-10-04: 02:30 is skipped; it falls at 03:30 AEDT, the same instant as 02:30 AEST.
    expect(iso(latestOccurrence(sunday0230, at('2026-10-04T00:00:00Z')))).toBe(
      '2026-10-03T16:30:00.000Z',
    );
  });
});

describe('nextOccurrence', () => {
  it('is strictly after the given time', () => {
    const monday9 = london(1, '09:00');
    expect(iso(nextOccurrence(monday9, at('2026-11-23T09:00:00Z')))).toBe(
      '2026-11-30T09:00:00.000Z',
    );
    expect(iso(nextOccurrence(monday9, at('2026-11-23T08:00:00Z')))).toBe(
      '2026-11-23T09:00:00.000Z',
    );
  });

  it('crosses the change of clocks by the calendar, not by 168 hours', () => {
    expect(iso(nextOccurrence(london(1, '09:00'), at('2026-03-23T09:00:00Z')))).toBe(
      '2026-03-30T08:00:00.000Z',
    );
    expect(iso(nextOccurrence(london(1, '09:00'), at('2026-10-19T08:00:00Z')))).toBe(
      '2026-10-26T09:00:00.000Z',
    );
  });

  it('does not return the second 01:30 of the autumn change', () => {
    const sunday0130 = london(7, '01:30');
    expect(iso(nextOccurrence(sunday0130, at('2026-10-25T00:30:00Z')))).toBe(
      '2026-11-01T01:30:00.000Z',
    );
  });

  it('walks a year of weeks with one occurrence in each ISO week', () => {
    const schedule = london(7, '01:30');
    let t = at('2026-01-01T00:00:00Z');
    const periods: string[] = [];
    for (let i = 0; i < 53; i++) {
      t = nextOccurrence(schedule, t);
      periods.push(periodOf(schedule, t));
    }
    expect(new Set(periods).size).toBe(53);
    expect(periods[0]).toBe('2026-W01');
    expect(periods.at(-1)).toBe('2026-W53');
  });
});

describe('periodOf', () => {
  it('is the ISO week in the subscription’s zone', () => {
    expect(periodOf(london(7, '01:30'), at('2026-03-29T01:30:00Z'))).toBe('2026-W13');
    expect(periodOf(london(5, '12:00'), at('2027-01-01T12:00:00Z'))).toBe('2026-W53');
    const lateSunday = at('2026-11-22T23:30:00Z');
    expect(periodOf(london(7, '23:30'), lateSunday)).toBe('2026-W47');
    expect(periodOf({ day: 1, time: '08:30', timezone: 'Asia/Tokyo' }, lateSunday)).toBe(
      '2026-W48',
    );
  });
});

describe('formatLocalTime', () => {
  it('says the day, date and time in the zone, naming the zone', () => {
    expect(formatLocalTime(at('2026-11-23T09:00:00Z'), 'Europe/London')).toBe(
      'Monday 23 November 2026, 09:00 (Europe/London)',
    );
    expect(formatLocalTime(at('2026-06-01T08:00:00Z'), 'Europe/London')).toBe(
      'Monday 1 June 2026, 09:00 (Europe/London)',
    );
  });
});

describe('isValidTimezone', () => {
  it('accepts IANA zones and refuses the rest', () => {
    expect(isValidTimezone('Europe/London')).toBe(true);
    expect(isValidTimezone('Australia/Sydney')).toBe(true);
    expect(isValidTimezone('Europe/Londn')).toBe(false);
    expect(isValidTimezone('London')).toBe(false);
  });
});
