/**
 * The fakes' enforcement: token buckets and sliding windows, keyed (by channel, by
 * workspace, by tenant). A request is checked against every limit it counts towards and
 * admitted only if all of them have room; a refused request uses up nothing, so a client
 * that retries after the Retry-After it was given gets in.
 */

/** `perSecond` requests a second on average, up to `burst` at once (Slack's model). */
export interface BucketLimit {
  kind: 'bucket';
  perSecond: number;
  burst: number;
}

/** At most `max` requests in any `windowMs` (how Teams documents its limits). */
export interface WindowLimit {
  kind: 'window';
  max: number;
  windowMs: number;
}

export type Limit = BucketLimit | WindowLimit;

/** One limit as it applies to one key, e.g. the per-channel bucket of channel C1. */
export interface Check {
  limit: Limit;
  key: string;
}

export interface RateLimiter {
  /** 0 when the request is admitted (and counted); otherwise how many ms until it would be. */
  admit(checks: readonly Check[], now: number): number;
}

interface Bucket {
  tokens: number;
  at: number;
}

function bucketWait(limit: BucketLimit, bucket: Bucket, now: number): number {
  const earned = (Math.max(0, now - bucket.at) * limit.perSecond) / 1000;
  bucket.tokens = Math.min(limit.burst, bucket.tokens + earned);
  bucket.at = Math.max(bucket.at, now);
  return bucket.tokens >= 1 ? 0 : ((1 - bucket.tokens) * 1000) / limit.perSecond;
}

/** Drops the times that left the window; the oldest left must leave before another may enter. */
function windowWait(limit: WindowLimit, times: number[], now: number): number {
  while (times.length > 0 && (times[0] as number) <= now - limit.windowMs) times.shift();
  return times.length < limit.max ? 0 : (times[0] as number) + limit.windowMs - now;
}

/** What one limit says about one request: how long it must wait, and how to count it. */
interface Gate {
  wait: number;
  take(): void;
}

export function createRateLimiter(): RateLimiter {
  const buckets = new Map<BucketLimit, Map<string, Bucket>>();
  const windows = new Map<WindowLimit, Map<string, number[]>>();
  const gate = ({ limit, key }: Check, now: number): Gate => {
    if (limit.kind === 'bucket') {
      const bucket = stateOf(buckets, limit, key, () => ({ tokens: limit.burst, at: now }));
      const take = () => {
        bucket.tokens -= 1;
      };
      return { wait: bucketWait(limit, bucket, now), take };
    }
    const times = stateOf(windows, limit, key, (): number[] => []);
    const take = () => {
      times.push(now);
    };
    return { wait: windowWait(limit, times, now), take };
  };
  return {
    admit(checks, now) {
      const gates = checks.map((check) => gate(check, now));
      const wait = Math.max(0, ...gates.map((g) => g.wait));
      if (wait > 0) return wait;
      for (const g of gates) g.take();
      return 0;
    },
  };
}

function stateOf<L, S>(all: Map<L, Map<string, S>>, limit: L, key: string, fresh: () => S): S {
  let byKey = all.get(limit);
  if (!byKey) {
    byKey = new Map();
    all.set(limit, byKey);
  }
  let state = byKey.get(key);
  if (state === undefined) {
    state = fresh();
    byKey.set(key, state);
  }
  return state;
}

/** Retry-After as the platforms send it: whole seconds, at least 1. */
export function retryAfterSeconds(waitMs: number): number {
  return Math.max(1, Math.ceil(waitMs / 1000));
}
