import { describe, expect, it } from 'vitest';
import { CorpusError, createSearchIndex, loadLessons } from '../src/index.ts';
import { LESSONS_DIR } from './helpers/real-deps.ts';

describe('the library API (import … from "lessons-bot")', () => {
  it('loads the corpus and searches it, with results shaped as in the JSON contract', async () => {
    const corpus = await loadLessons(LESSONS_DIR);
    const answer = createSearchIndex(corpus).search('genogram', { limit: 2 });
    expect(answer.total).toBeGreaterThan(0);
    expect(answer.results[0]).toMatchObject({
      id: 'southwark-child-r/8',
      review: {
        id: 'southwark-child-r',
        title: 'Child R',
        area: 'Southwark',
        published: '2015-07',
      },
    });
    expect(answer.results.length).toBeLessThanOrEqual(2);
  });

  it('rejects a folder with problems with a CorpusError listing them', async () => {
    const error = await loadLessons(`${import.meta.dirname}/fixtures/lessons/broken`).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CorpusError);
    expect((error as CorpusError).problems.length).toBeGreaterThan(5);
  });
});
