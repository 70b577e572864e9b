/**
 * How a replica dies: at one of its await points, its work stops for good. The store call
 * or notifier call it was making never resolves, so nothing after it happens, and its
 * promises are abandoned, as when a process is killed. (What already reached the
 * database or the platform stays there.)
 */

/** Await points a kill can be aimed at, to be sure each dangerous window is tried. */
export const AIMED = [
  // between the claim and markSending: a claimed row, nothing sent
  'after claimDelivery',
  'before post',
  'before markSending',
  // after the platform received the post, before the ledger heard of it
  'after received',
  'before completeDelivery',
] as const;

export type KillAim = (typeof AIMED)[number] | 'any';

/** A promise that never settles: where a killed replica's work stops. */
const NEVER = new Promise<never>(() => {});

export class Mortality {
  dead = false;
  /** where it died */
  diedAt: string | undefined;
  readonly died: Promise<void>;
  #armed: { aim: KillAim; countdown: number } | undefined;
  #onDeath!: () => void;

  constructor() {
    this.died = new Promise((resolve) => {
      this.#onDeath = resolve;
    });
  }

  get armed(): boolean {
    return this.#armed !== undefined;
  }

  /** Dies at the `countdown`-th await point matching `aim` from now. */
  arm(aim: KillAim, countdown: number): void {
    this.#armed = { aim, countdown };
  }

  /** No kill any more: for the last ticks, which settle what is left. */
  disarm(): void {
    this.#armed = undefined;
  }

  /** An await point: passes, or is where the replica dies (and then never resolves). */
  pass(point: string): Promise<void> {
    if (this.dead) return NEVER;
    const armed = this.#armed;
    if (armed && (armed.aim === 'any' || armed.aim === point) && --armed.countdown <= 0) {
      this.dead = true;
      this.diedAt = point;
      this.#onDeath();
      return NEVER;
    }
    return Promise.resolve();
  }
}
