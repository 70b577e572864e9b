/**
 * Remembers what was already done, for a while, so a retried delivery of the same click
 * (X-Slack-Retry-Num over HTTP, retry_attempt over Socket Mode) does not post twice.
 * In memory, per process: with several replicas the same click can only reach another
 * replica through a retry after a timeout, which the immediate ack makes rare.
 */
export interface Dedupe {
  /** true the first time a key is seen (within the time-to-live), false after */
  claim(key: string): boolean;
}

export interface DedupeOptions {
  ttlMs?: number;
  maxKeys?: number;
  now?: () => number;
}

export function createDedupe({
  ttlMs = 15 * 60_000,
  maxKeys = 10_000,
  now = Date.now,
}: DedupeOptions = {}): Dedupe {
  // Insertion order is time order, so the oldest keys are always first.
  const seen = new Map<string, number>();
  const forget = (time: number) => {
    for (const [key, expires] of seen) {
      if (expires > time && seen.size < maxKeys) return;
      seen.delete(key);
    }
  };
  return {
    claim(key) {
      const time = now();
      const expires = seen.get(key);
      if (expires !== undefined && expires > time) return false;
      seen.delete(key);
      forget(time);
      seen.set(key, time + ttlMs);
      return true;
    },
  };
}
