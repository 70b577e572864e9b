/** A seeded pseudo-random generator (mulberry32): the same seed, the same simulation. */
export interface Random {
  /** in [0, 1) */
  next(): number;
  /** an integer in [lo, hi] */
  int(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** an item with probability proportional to its weight */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
}

export function seeded(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => items[int(0, items.length - 1)] as (typeof items)[number],
    weighted(items) {
      const total = items.reduce((sum, [, w]) => sum + w, 0);
      let r = next() * total;
      for (const [item, w] of items) {
        r -= w;
        if (r < 0) return item;
      }
      return (items.at(-1) as (typeof items)[number])[0];
    },
  };
}

/**
 * A number in [0, 1) fixed by the seed and the keys alone, whatever order things happen
 * in: the fake platform's answer to a channel's n-th call does not depend on how two
 * replicas' calls to other channels interleaved.
 */
export function keyed(seed: number, ...keys: (string | number)[]): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const char of keys.join('\u0000')) {
    h = Math.imul(h ^ (char.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  }
  return seeded(h).next();
}
