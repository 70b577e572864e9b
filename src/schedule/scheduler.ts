import cron, { type RunCoordinator, type ScheduledTask } from 'node-cron';
import { type Clock, type DeliveryRunner, errorLogFields, type Logger } from '../core/index.ts';

export interface SchedulerOptions {
  runner: DeliveryRunner;
  clock: Clock;
  logger: Logger;
  /** several replicas on PostgreSQL: only the one that wins a tick runs it */
  coordinator?: RunCoordinator;
}

export interface Scheduler {
  /** catches up what was missed while the process was down, then ticks every minute */
  start(): Promise<void>;
  /** stops the tick and waits for the run in flight */
  stop(): Promise<void>;
}

/**
 * node-cron wiring only: one task, every minute, that asks the delivery runner for
 * everything due. The runner works out each subscription's weekly post from its day, time
 * and timezone, reads the subscriptions changed since its last run, and settles retries
 * and dead leases; its ledger decides what is posted, so a tick that fires twice, on two
 * replicas or after a restart, posts once.
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const inFlight = new Set<Promise<unknown>>();
  const logger = options.logger.child({ component: 'scheduler' });
  let task: ScheduledTask | undefined;

  function runDue(what: string): Promise<unknown> {
    const promise = options.runner.runDue(options.clock()).catch((error: unknown) => {
      logger.error(`${what} failed`, errorLogFields(error));
    });
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise));
    return promise;
  }

  return {
    async start() {
      await runDue('catch-up');
      task = cron.schedule('* * * * *', () => runDue('tick'), {
        name: 'deliver-due',
        noOverlap: true,
        ...(options.coordinator ? { distributed: true, runCoordinator: options.coordinator } : {}),
      });
      logger.info('scheduler started');
    },
    async stop() {
      await task?.destroy();
      task = undefined;
      await Promise.allSettled([...inFlight]);
    },
  };
}
