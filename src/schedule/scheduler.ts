import cron, { type RunCoordinator, type ScheduledTask } from 'node-cron';
import type { Clock, DeliveryRunner, Logger, Store, Subscription } from '../core/index.ts';
import { cronExpression } from './cron-expression.ts';

export interface SchedulerOptions {
  runner: DeliveryRunner;
  store: Store;
  clock: Clock;
  logger: Logger;
  /** several replicas on PostgreSQL: only the one that wins a tick runs it */
  coordinator?: RunCoordinator;
  /** how often to run everything due (retries, missed ticks, dead leases); node-cron pattern */
  sweep?: string;
  /** how often to pick up subscriptions changed in chat or by another replica */
  refresh?: string;
  /** PERSON_DATA_RETENTION_DAYS: erased at start and daily; absent: kept (tests of delivery) */
  personDataRetentionDays?: number;
  /** when the daily erasure runs; node-cron pattern, in UTC */
  retention?: string;
}

export interface Scheduler {
  /** catches up what was missed while the process was down, then schedules every subscription */
  start(): Promise<void>;
  /** stops every task and waits for the runs in flight */
  stop(): Promise<void>;
  /** reads the subscriptions again and (re)schedules what changed */
  refresh(): Promise<void>;
}

interface Scheduled {
  task: ScheduledTask;
  key: string;
}

/**
 * node-cron wiring only: a task per subscription at its own day, time and timezone,
 * plus a sweep every minute. The delivery runner and its ledger decide what is posted,
 * so a tick that fires twice, on two replicas or after a restart, posts once.
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const tasks = new Map<string, Scheduled>();
  const inFlight = new Set<Promise<unknown>>();
  const logger = options.logger.child({ component: 'scheduler' });
  const distributed = options.coordinator
    ? { distributed: true, runCoordinator: options.coordinator }
    : {};
  let housekeeping: ScheduledTask[] = [];

  function track<T>(run: () => Promise<T>, what: string): Promise<T | undefined> {
    const promise = run().catch((error: unknown) => {
      logger.error(`${what} failed`, {
        error: error instanceof Error ? error.message : String(error),
      });
      return undefined;
    });
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise));
    return promise;
  }

  function schedule(subscription: Subscription): void {
    const key = `${cronExpression(subscription.schedule)}|${subscription.schedule.timezone}`;
    if (tasks.get(subscription.id)?.key === key) return;
    void tasks.get(subscription.id)?.task.destroy();
    const task = cron.schedule(
      cronExpression(subscription.schedule),
      () =>
        track(
          () => options.runner.deliverSubscription(subscription.id, options.clock()),
          'weekly post',
        ),
      {
        name: `briefing:${subscription.id}`,
        timezone: subscription.schedule.timezone,
        noOverlap: true,
        ...distributed,
      },
    );
    tasks.set(subscription.id, { task, key });
  }

  async function refresh(): Promise<void> {
    const active = await options.store.listSubscriptions({ status: ['active'] });
    const ids = new Set(active.map((s) => s.id));
    for (const [id, scheduled] of tasks) {
      if (!ids.has(id)) {
        await scheduled.task.destroy();
        tasks.delete(id);
      }
    }
    for (const subscription of active) schedule(subscription);
  }

  /** Retention: one store call, safe to repeat, so a tick on two replicas does no harm. */
  async function purgePersonData(days: number): Promise<void> {
    const before = new Date(options.clock().getTime() - days * 86_400_000);
    const erased = await options.store.purgePersonData(before);
    if (Object.values(erased).some((n) => n > 0))
      logger.info('person data past retention erased', { ...erased, retentionDays: days });
  }

  function retention(days: number | undefined): ScheduledTask[] {
    if (days === undefined) return [];
    return [
      cron.schedule(
        options.retention ?? '17 3 * * *',
        () => track(() => purgePersonData(days), 'retention'),
        { name: 'retention', timezone: 'UTC', noOverlap: true, ...distributed },
      ),
    ];
  }

  return {
    refresh,
    async start() {
      await track(() => options.runner.runDue(options.clock()), 'catch-up');
      const days = options.personDataRetentionDays;
      if (days !== undefined) await track(() => purgePersonData(days), 'retention');
      await refresh();
      housekeeping = [
        ...retention(days),
        cron.schedule(
          options.sweep ?? '* * * * *',
          () => track(() => options.runner.runDue(options.clock()), 'sweep'),
          {
            name: 'sweep',
            noOverlap: true,
            ...distributed,
          },
        ),
        cron.schedule(options.refresh ?? '* * * * *', () => track(refresh, 'refresh'), {
          name: 'refresh',
          noOverlap: true,
        }),
      ];
      logger.info('scheduler started', { subscriptions: tasks.size });
    },
    async stop() {
      for (const task of [...housekeeping, ...[...tasks.values()].map((s) => s.task)])
        await task.destroy();
      tasks.clear();
      housekeeping = [];
      await Promise.allSettled([...inFlight]);
    },
  };
}
