export { cronExpression } from './cron-expression.ts';
export { createScheduler, type Scheduler, type SchedulerOptions } from './scheduler.ts';
