import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectTop } from './select-top.ts';

describe('selectTop', () => {
  it('returns the k best by score, ties broken by tie rank', () => {
    const score = Float64Array.from([1, 3, 3, 2]);
    const tie = Int32Array.from([0, 2, 1, 3]);
    expect(selectTop(Int32Array.from([0, 1, 2, 3]), 4, score, tie, 3)).toEqual([2, 1, 3]);
  });

  it('agrees with a full sort for any scores and k', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 60 }),
        fc.integer({ min: 0, max: 70 }),
        (scores, k) => {
          const n = scores.length;
          const score = Float64Array.from(scores);
          const tie = Int32Array.from({ length: n }, (_, i) => n - i);
          const all = Array.from({ length: n }, (_, i) => i);
          const expected = all
            .sort((a, b) => (score[b] ?? 0) - (score[a] ?? 0) || (tie[a] ?? 0) - (tie[b] ?? 0))
            .slice(0, k);
          expect(selectTop(Int32Array.from(all), n, score, tie, k)).toEqual(expected);
        },
      ),
    );
  });
});
