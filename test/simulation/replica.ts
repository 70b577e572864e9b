import {
  type Corpus,
  createDeliveryRunner,
  type DeliveryRunner,
  type Logger,
  type Store,
} from '../../src/core/index.ts';
import { ukWorkingDays } from '../../src/runtime/uk-working-days.ts';
import type { VirtualTime } from '../helpers/delivery-clock.ts';
import type { FakePlatform } from './fake-platform.ts';
import { gatedNotifier, gatedStore } from './gated.ts';
import { type KillAim, Mortality } from './mortality.ts';
import type { Random } from './prng.ts';

/** England's working days, as main.ts passes them (the population's nation is the default). */
export const WORKING_DAYS = ukWorkingDays();

export interface ReplicaDeps {
  /** a new Store (its own connection) on the shared database */
  open: () => Promise<Store>;
  platform: FakePlatform;
  corpus: Corpus;
  time: VirtualTime;
  random: Random;
  logger: Logger;
}

/**
 * One replica of the bot: a process with its own store connection and runner, which can
 * be killed and started again as a new process (a new owner in the ledger's claims).
 */
export class Replica {
  readonly name: string;
  generation = 0;
  /** when it is to start again, once dead */
  restartAt: number | undefined;
  readonly #deps: ReplicaDeps;
  #life = new Mortality();
  #runner: DeliveryRunner | undefined;
  #real: Store | undefined;
  #settled: (() => Promise<void>) | undefined;

  constructor(name: string, deps: ReplicaDeps) {
    this.name = name;
    this.#deps = deps;
  }

  get dead(): boolean {
    return this.#life.dead;
  }

  get diedAt(): string | undefined {
    return this.#life.diedAt;
  }

  get armed(): boolean {
    return this.#life.armed;
  }

  arm(aim: KillAim, countdown: number): void {
    this.#life.arm(aim, countdown);
  }

  disarm(): void {
    this.#life.disarm();
  }

  /** Starts (again): a new process, a new connection, a new owner. */
  async start(): Promise<void> {
    const deps = this.#deps;
    await this.#closeDead();
    this.generation += 1;
    this.restartAt = undefined;
    const life = new Mortality();
    const real = await deps.open();
    const { store, settled } = gatedStore(real, life);
    this.#life = life;
    this.#real = real;
    this.#settled = settled;
    this.#runner = createDeliveryRunner({
      store,
      notifier: gatedNotifier(deps.platform, life),
      corpus: () => deps.corpus,
      clock: deps.time.clock,
      owner: `${this.name}#${this.generation}`,
      logger: deps.logger,
      isWorkingDay: WORKING_DAYS,
      options: { sleep: deps.time.sleep, random: () => deps.random.next() },
    });
  }

  /** Runs `work` until it is done or the replica dies in it; true if it died. */
  async run(work: (runner: DeliveryRunner) => Promise<unknown>): Promise<boolean> {
    const runner = this.#runner;
    if (this.#life.dead || !runner) return true;
    const life = this.#life;
    await Promise.race([work(runner), life.died]);
    return life.dead;
  }

  /** A dead process's connection goes once its last writes are done. */
  async #closeDead(): Promise<void> {
    await this.#settled?.();
    await this.#real?.close();
  }

  async stop(): Promise<void> {
    await this.#closeDead();
  }
}
