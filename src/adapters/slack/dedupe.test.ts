import { describe, expect, it } from 'vitest';
import { createDedupe } from './dedupe.ts';

describe('createDedupe', () => {
  it('claims a key once, then refuses it until it expires', () => {
    let now = 0;
    const dedupe = createDedupe({ ttlMs: 1000, now: () => now });
    expect(dedupe.claim('click-1')).toBe(true);
    expect(dedupe.claim('click-1')).toBe(false);
    expect(dedupe.claim('click-2')).toBe(true);
    now = 1001;
    expect(dedupe.claim('click-1')).toBe(true);
  });

  it('forgets the oldest keys beyond its size, so memory stays bounded', () => {
    const dedupe = createDedupe({ maxKeys: 2, now: () => 0 });
    expect(dedupe.claim('a')).toBe(true);
    expect(dedupe.claim('b')).toBe(true);
    expect(dedupe.claim('c')).toBe(true);
    expect(dedupe.claim('a')).toBe(true);
    expect(dedupe.claim('c')).toBe(false);
  });
});
