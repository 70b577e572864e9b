import { describe, expect, it } from 'vitest';
import { loadCorpus, summariseCorpus, validateCorpus } from '../../src/core/lessons/index.ts';
import { problemLines } from '../fixtures/lessons/temp-corpus.ts';

/** The corpus the bot ships with must always pass its own validator. */
describe('the real corpus in lessons/', () => {
  it('has no problems', async () => {
    const result = await validateCorpus('lessons');
    // Listing the lines makes a failure say exactly what to fix.
    expect(problemLines(result)).toEqual([]);
  });

  it('loads, with every lesson reachable from its review', async () => {
    const corpus = await loadCorpus('lessons');
    expect(corpus.reviews.length).toBeGreaterThan(0);
    for (const review of corpus.reviews)
      for (const id of review.lessonIds)
        expect(corpus.lessonById.get(id)?.reviewId).toBe(review.id);
    expect(summariseCorpus(corpus)).toMatch(
      /^\d+ reviews?, \d+ lessons?, \d+ themes?, \d+ agenc(y|ies), \d+ glossary terms?$/,
    );
  });
});
