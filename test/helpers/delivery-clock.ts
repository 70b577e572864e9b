/**
 * Virtual time for delivery tests: `sleep` never waits. Sleepers wake in time order once
 * everything runnable has run (a setImmediate turn), and the clock jumps to the earliest
 * wake-up, so concurrent workers see time pass as they would in real life, only instantly.
 */
export interface VirtualTime {
  clock: () => Date;
  sleep: (ms: number) => Promise<void>;
  /** moves the clock to `at` (never backwards) */
  set(at: Date | string): void;
  advance(ms: number): void;
  /** how many times anything slept, and for how long in all */
  slept: { count: number; totalMs: number };
}

export function virtualTime(start: Date | string): VirtualTime {
  let now = new Date(start).getTime();
  const sleepers: { wake: number; resolve: () => void }[] = [];
  let scheduled = false;
  const wakeNext = () => {
    scheduled = false;
    sleepers.sort((a, b) => a.wake - b.wake);
    const first = sleepers[0];
    if (!first) return;
    now = Math.max(now, first.wake);
    while (sleepers[0] && sleepers[0].wake <= now) sleepers.shift()?.resolve();
    schedule();
  };
  const schedule = () => {
    if (scheduled || sleepers.length === 0) return;
    scheduled = true;
    setImmediate(wakeNext);
  };
  const slept = { count: 0, totalMs: 0 };
  return {
    clock: () => new Date(now),
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        slept.count += 1;
        slept.totalMs += Math.max(0, ms);
        sleepers.push({ wake: now + Math.max(0, ms), resolve });
        schedule();
      }),
    set(at) {
      now = Math.max(now, new Date(at).getTime());
    },
    advance(ms) {
      now += ms;
    },
    slept,
  };
}
