import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isBotError } from '../errors.ts';
import { buildLessonPostings as build } from './build-index.ts';
import { buildLexicon } from './build-lexicon.ts';
import { createSearchIndex } from './create-search-index.ts';
import {
  cacheFileFor,
  INDEX_SCHEMA_VERSION,
  readIndexCache,
  writeIndexCache,
} from './index-cache.ts';
import { sampleCorpus } from '../../../test/helpers/search-corpus.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lessons-search-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const corpus = sampleCorpus();
const lexicon = buildLexicon(corpus);
const buildLessonPostings = (c: typeof corpus, words: Map<string, string>) =>
  build(c, lexicon, words);
const QUESTIONS = ['chronologies', 'escalaton', 'CSE', 'theme:neglect', 'asdfgh', 'multi-agency'];

describe('writeIndexCache and readIndexCache', () => {
  it('round-trip the index: a loaded index answers exactly as a built one', () => {
    const built = createSearchIndex(corpus, { cacheDir: dir });
    expect(built.origin?.source).toBe('built');
    const loaded = createSearchIndex(corpus, { cacheDir: dir });
    expect(loaded.origin).toEqual({ source: 'cache', cacheFile: cacheFileFor(dir, corpus.hash) });
    for (const q of QUESTIONS) expect(loaded.search(q), q).toEqual(built.search(q));
  });

  it('restores every array and word', () => {
    const words = new Map<string, string>();
    const postings = buildLessonPostings(corpus, words);
    const file = writeIndexCache(dir, corpus.hash, postings, words);
    const read = readIndexCache(file, corpus.hash);
    expect(read.words).toEqual(words);
    expect(read.postings).toEqual(postings);
  });

  it('refuses a cache written by another schema version with search_index_version', () => {
    const words = new Map<string, string>();
    const file = writeIndexCache(dir, corpus.hash, buildLessonPostings(corpus, words), words);
    const bytes = readFileSync(file);
    const header = bytes.toString('utf8', 8, 8 + bytes.readUInt32LE(4));
    const older = header.replace(`"schemaVersion":${INDEX_SCHEMA_VERSION}`, '"schemaVersion":0');
    writeFileSync(
      file,
      Buffer.concat([bytes.subarray(0, 8), Buffer.from(older), bytes.subarray(8 + header.length)]),
    );
    let error: unknown;
    try {
      readIndexCache(file, corpus.hash);
    } catch (e) {
      error = e;
    }
    expect(isBotError(error) && error.code).toBe('search_index_version');
  });

  it('refuses a cache written for another corpus', () => {
    const words = new Map<string, string>();
    const file = writeIndexCache(dir, corpus.hash, buildLessonPostings(corpus, words), words);
    expect(() => readIndexCache(file, 'another-hash')).toThrow(/other lessons/);
  });

  it('keeps one cache per folder, removing those of earlier corpora', () => {
    const words = new Map<string, string>();
    const postings = buildLessonPostings(corpus, words);
    writeIndexCache(dir, 'first-corpus-hash', postings, words);
    writeIndexCache(dir, corpus.hash, postings, words);
    expect(readdirSync(dir)).toEqual([cacheFileFor(dir, corpus.hash).slice(dir.length + 1)]);
  });
});

describe('createSearchIndex with a cache folder', () => {
  it('rebuilds over a damaged cache and says why', () => {
    writeFileSync(cacheFileFor(dir, corpus.hash), 'not an index');
    const index = createSearchIndex(corpus, { cacheDir: dir });
    expect(index.origin?.source).toBe('built');
    expect(index.origin?.cacheProblem).toMatch(/not a lessons-bot search index/);
    expect(createSearchIndex(corpus, { cacheDir: dir }).origin?.source).toBe('cache');
  });

  it('rebuilds over a truncated cache', () => {
    createSearchIndex(corpus, { cacheDir: dir });
    const file = cacheFileFor(dir, corpus.hash);
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length - 10));
    const index = createSearchIndex(corpus, { cacheDir: dir });
    expect(index.origin?.cacheProblem).toMatch(/damaged/);
    expect(index.search('chronologies').total).toBe(2);
  });

  it('still answers when the cache cannot be written', () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    const index = createSearchIndex(corpus, { cacheDir: join(file, 'below-a-file') });
    expect(index.origin?.cacheProblem).toMatch(/could not write the cache/);
    expect(index.search('chronologies').total).toBe(2);
  });
});
