/** How long to wait before trying a failed post again. */
export interface BackoffOptions {
  /** the first wait, before jitter */
  baseMs: number;
  /** no wait is longer than this, before jitter */
  capMs: number;
}

/** 5 s, 10 s, 20 s … up to 10 min: with 8 attempts, about 10 minutes of trying in all. */
export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 5_000, capMs: 10 * 60_000 };

/**
 * Exponential backoff with "equal jitter": half the step is fixed, half random, so that
 * many channels failing together do not all come back at the same instant, and no wait
 * is ever near zero. A platform's Retry-After, when given, is honoured exactly instead.
 */
export function retryDelay(
  attempt: number,
  options: BackoffOptions,
  random: () => number,
  retryAfterMs?: number,
): number {
  if (retryAfterMs !== undefined && retryAfterMs >= 0) return retryAfterMs;
  const step = Math.min(options.capMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}
