import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURES, tempCorpus } from '../../../test/fixtures/lessons/temp-corpus.ts';
import { BotError, CorpusError } from '../errors.ts';
import { loadCorpus, summariseCorpus, validateCorpus } from './index.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function copyOf(fixture: string): Promise<string> {
  const { dir, cleanup } = await tempCorpus(fixture);
  cleanups.push(cleanup);
  return dir;
}

describe('loadCorpus', () => {
  it('builds reviews, lessons and lookup maps from a valid folder', async () => {
    const corpus = await loadCorpus(`${FIXTURES}/valid`);
    expect(corpus.reviews.map((review) => review.id)).toEqual(['alpha-child-a', 'beta-child-b']);
    expect(corpus.lessons.map((lesson) => lesson.id)).toEqual([
      'alpha-child-a/1',
      'alpha-child-a/2',
      'beta-child-b/1',
    ]);
    expect(corpus.lessonById.get('alpha-child-a/2')).toMatchObject({
      reviewId: 'alpha-child-a',
      n: 2,
      themes: ['neglect'],
      agencies: [],
      questions: [],
    });
    expect(corpus.themeById.get('chronologies')?.synonyms).toEqual(['timeline', 'chronology']);
    expect(corpus.agencyById.get('police')?.synonyms).toEqual([]);
    expect(corpus.glossary.map((entry) => entry.term)).toEqual([
      'children in care',
      'child protection',
    ]);
    expect(corpus.concepts).toEqual([
      { means: 'chronologies', phrases: ['history of what happened'] },
      { means: 'children in care', phrases: ['in foster care'] },
    ]);
  });

  it('derives the year, keeps optional fields only when given, and records the file', async () => {
    const corpus = await loadCorpus(`${FIXTURES}/valid`);
    const alpha = corpus.reviewById.get('alpha-child-a');
    const beta = corpus.reviewById.get('beta-child-b');
    expect(alpha).toMatchObject({ published: '2021-03', year: 2021, file: 'alpha-child-a.yaml' });
    expect(alpha?.url).toBe('https://example.org/child-a');
    expect(alpha?.lessonIds).toEqual(['alpha-child-a/1', 'alpha-child-a/2']);
    expect(alpha?.aliases).toEqual(['Baby Alpha']);
    expect(beta).toMatchObject({ published: '2015', year: 2015, aliases: [] });
    expect(beta && 'url' in beta).toBe(false);
    expect(beta && 'source' in beta).toBe(false);
  });

  it('hashes the files: the same bytes give the same hash, one changed byte another', async () => {
    const first = await loadCorpus(`${FIXTURES}/valid`);
    const dir = await copyOf('valid');
    expect((await loadCorpus(dir)).hash).toBe(first.hash);
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    const file = path.join(dir, 'beta-child-b.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('Child B', 'Child b'));
    expect((await loadCorpus(dir)).hash).not.toBe(first.hash);
  });

  it('throws corpus_not_found naming the folder and how to point at another', async () => {
    const error = await loadCorpus('no/such/lessons').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BotError);
    expect(error).toMatchObject({ code: 'corpus_not_found' });
    expect((error as BotError).message).toBe(
      'The lessons folder "no/such/lessons" does not exist: create it, or point at another folder with --lessons DIR or the LESSONS_DIR environment variable.',
    );
  });

  it('throws corpus_not_found when given a file instead of a folder', async () => {
    const error = await loadCorpus(`${FIXTURES}/valid/themes.yaml`).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: 'corpus_not_found' });
    expect((error as BotError).message).toContain('is a file, not a folder');
  });

  it('throws a CorpusError listing every problem that validateCorpus finds', async () => {
    const dir = `${FIXTURES}/broken`;
    const error = await loadCorpus(dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CorpusError);
    const { problems } = await validateCorpus(dir);
    expect((error as CorpusError).problems).toEqual(problems);
    expect((error as CorpusError).message).toMatch(/^The lessons corpus has 33 problems:\n/);
  });
});

describe('summariseCorpus', () => {
  it('counts what was loaded, in words', async () => {
    const corpus = await loadCorpus(`${FIXTURES}/valid`);
    expect(summariseCorpus(corpus)).toBe(
      '2 reviews, 3 lessons, 4 themes, 3 agencies, 2 glossary terms',
    );
  });

  it('uses the singular for one', async () => {
    const corpus = await loadCorpus(`${FIXTURES}/valid`);
    const one = {
      ...corpus,
      reviews: corpus.reviews.slice(0, 1),
      agencies: corpus.agencies.slice(0, 1),
    };
    expect(summariseCorpus(one)).toBe('1 review, 3 lessons, 4 themes, 1 agency, 2 glossary terms');
  });
});
