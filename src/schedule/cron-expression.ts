import type { Schedule } from '../core/index.ts';

/** "every Monday at 09:00" as node-cron's five fields: minute hour day-of-month month day-of-week. */
export function cronExpression(schedule: Schedule): string {
  const [hour, minute] = schedule.time.split(':').map(Number);
  // node-cron counts Sunday as 0 (or 7) and Monday as 1, as ISO weekdays do.
  return `${minute ?? 0} ${hour ?? 0} * * ${schedule.day % 7}`;
}
