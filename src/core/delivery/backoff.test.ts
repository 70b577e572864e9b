import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, retryDelay } from './backoff.ts';

describe('retryDelay', () => {
  it('doubles from the base, with half of each step random', () => {
    expect(retryDelay(1, DEFAULT_BACKOFF, () => 0)).toBe(2_500);
    expect(retryDelay(1, DEFAULT_BACKOFF, () => 0.999_999)).toBe(5_000);
    expect(retryDelay(3, DEFAULT_BACKOFF, () => 0)).toBe(10_000);
  });

  it('is capped', () => {
    expect(retryDelay(30, DEFAULT_BACKOFF, () => 0.999_999)).toBe(DEFAULT_BACKOFF.capMs);
  });

  it('honours a Retry-After exactly', () => {
    expect(retryDelay(5, DEFAULT_BACKOFF, () => 0.5, 1_000)).toBe(1_000);
    expect(retryDelay(1, DEFAULT_BACKOFF, () => 0.5, 0)).toBe(0);
  });
});
