import { describe, expect, it } from 'vitest';
import type { Schedule } from '../model/index.ts';
import { occurrenceCache } from './occurrences.ts';
import { latestOccurrence, periodOf } from './schedule-time.ts';

const SCHEDULES: Schedule[] = [
  { day: 1, time: '09:00', timezone: 'Europe/London' },
  // skipped on the last Sunday of March, twice on the last Sunday of October
  { day: 7, time: '01:30', timezone: 'Europe/London' },
  { day: 7, time: '02:30', timezone: 'America/New_York' },
  { day: 7, time: '02:30', timezone: 'Australia/Sydney' },
  { day: 5, time: '23:45', timezone: 'Asia/Kolkata' },
  { day: 1, time: '00:00', timezone: 'Pacific/Auckland' },
];

/** A small deterministic generator, so that a failure can be replayed. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('occurrenceCache', () => {
  it('answers exactly as latestOccurrence and periodOf, across a year of instants in any order', () => {
    const cache = occurrenceCache();
    const random = lcg(20261123);
    const start = Date.parse('2026-01-01T00:00:00Z');
    const year = 366 * 24 * 3_600_000;
    // Mostly forwards in small steps (as ticks go), sometimes jumping back or far ahead.
    let t = start;
    for (let i = 0; i < 1_500; i++) {
      const r = random();
      if (r < 0.8) t += Math.floor(random() * 3 * 3_600_000);
      else if (r < 0.9) t -= Math.floor(random() * 10 * 24 * 3_600_000);
      else t = start + Math.floor(random() * year);
      const at = new Date(t);
      for (const schedule of SCHEDULES) {
        const expected = latestOccurrence(schedule, at);
        const got = cache.latest(schedule, at);
        expect(got.at.toISOString(), `${schedule.timezone} at ${at.toISOString()}`).toBe(
          expected.toISOString(),
        );
        expect(got.period).toBe(periodOf(schedule, expected));
      }
    }
  });

  it('changes at the very instant of the next occurrence, not a millisecond before', () => {
    const cache = occurrenceCache();
    const schedule = SCHEDULES[1] as Schedule;
    // The clocks go forward at 01:00 GMT on 29 March 2026: 01:30 falls at 02:30 BST.
    const slot = Date.parse('2026-03-29T01:30:00Z');
    expect(cache.latest(schedule, new Date(slot - 1)).at.toISOString()).toBe(
      '2026-03-22T01:30:00.000Z',
    );
    expect(cache.latest(schedule, new Date(slot)).at.toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    expect(cache.latest(schedule, new Date(slot)).period).toBe('2026-W13');
  });
});
