/**
 * Seeded randomness for the synthetic corpus and queries: the same seed gives the same
 * numbers on every machine and Node version (no Math.random, no platform floats beyond
 * IEEE double arithmetic).
 */

export interface Random {
  /** a float in [0, 1) */
  next(): number;
  /** an integer in [min, max], both inclusive */
  int(min: number, max: number): number;
  /** one element of a non-empty array */
  pick<T>(items: readonly T[]): T;
  /** true with probability p */
  chance(p: number): boolean;
}

/** xmur3: turns a string seed into 32-bit seeds for sfc32. */
function seedWords(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    return h >>> 0;
  };
}

/** sfc32, a small fast PRNG with a 128-bit state. */
export function createRandom(seed: string): Random {
  const words = seedWords(seed);
  let a = words();
  let b = words();
  let c = words();
  let d = words();
  const next = (): number => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick<T>(items: readonly T[]): T {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick from an empty array');
      return item;
    },
    chance: (p) => next() < p,
  };
}

/**
 * Draws ranks 0..n-1 with probability proportional to 1 / (rank + 1 + offset)^exponent.
 * An offset continues a Zipf curve past words left out (e.g. content words after the
 * function words that precede them in frequency).
 */
export interface Zipf {
  draw(random: Random): number;
}

export function createZipf(n: number, exponent = 1, offset = 0): Zipf {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let rank = 0; rank < n; rank++) {
    total += 1 / (rank + 1 + offset) ** exponent;
    cumulative[rank] = total;
  }
  return {
    draw(random) {
      const target = random.next() * total;
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((cumulative[mid] ?? total) < target) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    },
  };
}

/** A deterministic Fisher–Yates shuffle, returning a new array. */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}
