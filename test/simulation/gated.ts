import type { Notifier, Store } from '../../src/core/index.ts';
import type { FakePlatform } from './fake-platform.ts';
import type { Mortality } from './mortality.ts';

/**
 * Two moments are not kill points, because a process killed there leaves a row in doubt
 * for a post the platform does not have: a week lost by design (a post in doubt is never
 * sent again), which this simulation's "none lost" could not allow for.
 * - After markSending returns: between its commit and the request leaving. The runner
 *   leaves no other await there; in a real process it is the database's reply in transit.
 * - Before failDelivery: between a refused request (429, 500, gone) and its record. Here a
 *   dying replica still records the refusals it has already been given, even when another
 *   of its lanes is where it died.
 */
const UNKILLABLE_BEFORE = new Set(['failDelivery']);
const UNKILLABLE_AFTER = new Set(['markSending']);

export interface GatedStore {
  store: Store;
  /** resolves once a dead replica has nothing left in the database */
  settled(): Promise<void>;
}

/**
 * A replica's Store: every call is an await point before it reaches the database and
 * another after it returns, where the replica may die (see Mortality).
 */
export function gatedStore(real: Store, life: Mortality): GatedStore {
  let inFlight = 0;
  const waiting: (() => void)[] = [];
  const done = () => {
    inFlight -= 1;
    if (inFlight === 0) for (const resolve of waiting.splice(0)) resolve();
  };
  const store = new Proxy(real, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== 'function' || name === 'close') return value;
      const method = String(name);
      return async (...args: unknown[]) => {
        if (!UNKILLABLE_BEFORE.has(method)) await life.pass(`before ${method}`);
        inFlight += 1;
        let result: unknown;
        try {
          result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } finally {
          done();
        }
        if (!UNKILLABLE_AFTER.has(method)) await life.pass(`after ${method}`);
        return result;
      };
    },
  });
  const idle = () =>
    inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve));
  // A dying lane's last write (failDelivery, above) follows a call that was in flight by a
  // chain of microtasks: idle across a whole turn of the event loop means nothing is left.
  const settled = async () => {
    for (;;) {
      await idle();
      await new Promise((resolve) => setImmediate(resolve));
      if (inFlight === 0) return;
    }
  };
  return { store, settled };
}

/**
 * A replica's Notifier over the fake platform, shaped like the real ones: an await while
 * the post is prepared (the Teams notifier reads the conversation reference there), then
 * the request as soon as it is sent. After a request the platform accepted, an await
 * point before the runner hears of it.
 */
export function gatedNotifier(platform: FakePlatform, life: Mortality): Notifier {
  return {
    async prepare(target, message) {
      await life.pass('before post');
      return {
        ok: true,
        async send() {
          const answer = platform.request(target, message);
          if (answer.ok) await life.pass('after received');
          return answer;
        },
      };
    },
    async update(_target, messageRef) {
      return { ok: true, messageRef };
    },
  };
}
