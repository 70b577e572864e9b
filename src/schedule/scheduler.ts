import cron, { type RunCoordinator, type ScheduledTask } from 'node-cron';
import {
  type Clock,
  type DeliveryRunner,
  errorLogFields,
  type Logger,
  type Store,
} from '../core/index.ts';

export interface SchedulerOptions {
  runner: DeliveryRunner;
  clock: Clock;
  logger: Logger;
  /** several replicas on PostgreSQL: only the one that wins a tick runs it */
  coordinator?: RunCoordinator;
  /** where person data past its retention is erased; with personDataRetentionDays */
  store?: Pick<Store, 'purgePersonData'>;
  /** PERSON_DATA_RETENTION_DAYS: erased at start and daily; absent: kept (tests of delivery) */
  personDataRetentionDays?: number;
}

export interface Scheduler {
  /** catches up what was missed while the process was down, then ticks every minute */
  start(): Promise<void>;
  /** stops the tasks and waits for the runs in flight */
  stop(): Promise<void>;
}

/** The daily erasure of person data past its retention: 03:17 UTC, away from the hour's rush. */
const RETENTION_PATTERN = '17 3 * * *';

/**
 * node-cron wiring only: one task, every minute, that asks the delivery runner for
 * everything due. The runner works out each subscription's weekly post from its day, time
 * and timezone, reads the subscriptions changed since its last run, and settles retries
 * and dead leases; its ledger decides what is posted, so a tick that fires twice, on two
 * replicas or after a restart, posts once. A second, daily task erases person data past
 * its retention: one store call, safe to repeat on two replicas.
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const inFlight = new Set<Promise<unknown>>();
  const logger = options.logger.child({ component: 'scheduler' });
  const distributed = options.coordinator
    ? { distributed: true, runCoordinator: options.coordinator }
    : {};
  let tasks: ScheduledTask[] = [];

  function track(run: () => Promise<unknown>, what: string): Promise<unknown> {
    const promise = run().catch((error: unknown) => {
      logger.error(`${what} failed`, errorLogFields(error));
    });
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise));
    return promise;
  }

  const runDue = () => options.runner.runDue(options.clock());

  async function purgePersonData(store: Pick<Store, 'purgePersonData'>, days: number) {
    const before = new Date(options.clock().getTime() - days * 86_400_000);
    const erased = await store.purgePersonData(before);
    if (Object.values(erased).some((n) => n > 0))
      logger.info('person data past retention erased', { ...erased, retentionDays: days });
  }

  async function startRetention(): Promise<ScheduledTask[]> {
    const { store, personDataRetentionDays: days } = options;
    if (!store || days === undefined) return [];
    const purge = () => purgePersonData(store, days);
    await track(purge, 'retention');
    return [
      cron.schedule(RETENTION_PATTERN, () => track(purge, 'retention'), {
        name: 'retention',
        timezone: 'UTC',
        noOverlap: true,
        ...distributed,
      }),
    ];
  }

  return {
    async start() {
      await track(runDue, 'catch-up');
      tasks = [
        cron.schedule('* * * * *', () => track(runDue, 'tick'), {
          name: 'deliver-due',
          noOverlap: true,
          ...distributed,
        }),
        ...(await startRetention()),
      ];
      logger.info('scheduler started');
    },
    async stop() {
      for (const task of tasks) await task.destroy();
      tasks = [];
      await Promise.allSettled([...inFlight]);
    },
  };
}
