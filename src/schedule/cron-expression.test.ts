import cron from 'node-cron';
import { describe, expect, it } from 'vitest';
import { cronExpression } from './cron-expression.ts';

describe('cronExpression', () => {
  it.each([
    [{ day: 1, time: '09:00', timezone: 'Europe/London' }, '0 9 * * 1'],
    [{ day: 7, time: '18:45', timezone: 'Europe/London' }, '45 18 * * 0'],
    [{ day: 3, time: '00:05', timezone: 'UTC' }, '5 0 * * 3'],
  ] as const)('writes %j as %s', (schedule, expression) => {
    expect(cronExpression(schedule)).toBe(expression);
    expect(cron.validate(expression)).toBe(true);
  });

  it('fires at 09:00 London time on both sides of a change of the clocks', () => {
    const task = cron.createTask(
      cronExpression({ day: 1, time: '09:00', timezone: 'Europe/London' }),
      () => {},
      {
        timezone: 'Europe/London',
      },
    );
    // Before and after the clocks go back on Sunday 25 October 2026.
    const runs = task.getNextRuns(3).map((d) => d.toISOString());
    expect(runs.every((iso) => iso.endsWith(':00:00.000Z'))).toBe(true);
    void task.destroy();
    const autumn = cron.createTask('0 9 * * 1', () => {}, { timezone: 'Europe/London' });
    const next = autumn.getNextRuns(60).map((d) => d.toISOString());
    expect(
      next.filter((iso) => iso.startsWith('2027-03-22') || iso.startsWith('2027-03-29')),
    ).toEqual(['2027-03-22T09:00:00.000Z', '2027-03-29T08:00:00.000Z']);
    void autumn.destroy();
  });
});
