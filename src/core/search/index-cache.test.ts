import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleCorpus } from '../../../test/helpers/search-corpus.ts';
import { isBotError } from '../errors.ts';
import { buildIndex } from './build-index.ts';
import { buildLexicon } from './build-lexicon.ts';
import { buildSearchIndexData, createSearchIndex, loadSearchIndex } from './create-search-index.ts';
import {
  cacheFileFor,
  INDEX_SCHEMA_VERSION,
  parseIndex,
  serializeIndex,
  writeIndexCache,
} from './index-cache.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lessons-search-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const corpus = sampleCorpus();
const lexicon = buildLexicon(corpus);
const QUESTIONS = ['chronologies', 'escalaton', 'CSE', 'theme:neglect', 'asdfgh', 'multi-agency'];

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('serializeIndex and parseIndex', () => {
  it('round-trip the index through MiniSearch’s JSON, with the words and their counts', () => {
    const built = buildIndex(corpus, lexicon);
    const data = serializeIndex(corpus.hash, built);
    const [header = '', json = ''] = data.split('\n');
    expect(JSON.parse(header)).toMatchObject({
      format: 'lessons-bot search index',
      schemaVersion: INDEX_SCHEMA_VERSION,
      corpusHash: corpus.hash,
      lessons: 13,
    });
    expect(json).toBe(JSON.stringify(built.mini));
    const read = parseIndex(data, corpus, lexicon);
    expect(read.words).toEqual(built.words);
    expect(read.frequencies).toEqual(built.frequencies);
    // The same index, terms in any order (the radix tree lists them in its own).
    const sorted = (json: string) => {
      const plain = JSON.parse(json) as { index: [string, unknown][] };
      plain.index.sort(([a], [b]) => (a < b ? -1 : 1));
      return plain;
    };
    expect(sorted(JSON.stringify(read.mini))).toEqual(sorted(json));
  });

  it('refuses data written by another schema version with search_index_version', () => {
    const data = serializeIndex(corpus.hash, buildIndex(corpus, lexicon)).replace(
      `"schemaVersion":${INDEX_SCHEMA_VERSION}`,
      '"schemaVersion":1',
    );
    const error = thrown(() => parseIndex(data, corpus, lexicon));
    expect(isBotError(error) && error.code).toBe('search_index_version');
  });

  it('refuses data written for other lessons', () => {
    const data = serializeIndex('another-hash', buildIndex(corpus, lexicon));
    expect(() => parseIndex(data, corpus, lexicon)).toThrow(/other lessons/);
  });

  it('refuses what is not an index, and an index that does not hold every lesson', () => {
    expect(() => parseIndex('{"format":"something else"}\n{}', corpus, lexicon)).toThrow(
      /not a lessons-bot search index/,
    );
    const fewer = { ...corpus, lessons: corpus.lessons.slice(1) };
    const data = serializeIndex(corpus.hash, buildIndex(corpus, lexicon));
    expect(() => parseIndex(data, fewer, lexicon)).toThrow(/damaged/);
  });
});

describe('buildSearchIndexData and loadSearchIndex', () => {
  it('build in one place (a worker) what answers exactly as a built index in another', () => {
    const data = buildSearchIndexData(corpus);
    const loaded = loadSearchIndex(corpus, data);
    const built = createSearchIndex(corpus);
    expect(loaded.origin).toEqual({ source: 'cache' });
    for (const q of QUESTIONS) expect(loaded.search(q), q).toEqual(built.search(q));
  });

  it('refuse data made for another corpus', () => {
    const data = buildSearchIndexData({ ...corpus, hash: 'other' });
    const error = thrown(() => loadSearchIndex(corpus, data));
    expect(isBotError(error) && error.code).toBe('search_index_version');
  });
});

describe('createSearchIndex with a cache folder', () => {
  it('writes the cache, then loads it: a loaded index answers exactly as a built one', () => {
    const built = createSearchIndex(corpus, { cacheDir: dir });
    expect(built.origin).toEqual({ source: 'built', cacheFile: cacheFileFor(dir, corpus.hash) });
    const loaded = createSearchIndex(corpus, { cacheDir: dir });
    expect(loaded.origin).toEqual({ source: 'cache', cacheFile: cacheFileFor(dir, corpus.hash) });
    for (const q of QUESTIONS) expect(loaded.search(q), q).toEqual(built.search(q));
  });

  it('keeps one cache per folder, removing those of earlier corpora and of the old format', () => {
    writeFileSync(join(dir, 'lessons-search-index-0123.bin'), 'an index before MiniSearch');
    writeFileSync(join(dir, 'notes.txt'), 'not ours');
    writeIndexCache(dir, 'first-corpus-hash', 'first');
    writeIndexCache(dir, corpus.hash, 'second');
    expect(readdirSync(dir).sort()).toEqual(
      [cacheFileFor(dir, corpus.hash).slice(dir.length + 1), 'notes.txt'].sort(),
    );
  });

  it('rebuilds over a cache of another version, and says why', () => {
    const file = cacheFileFor(dir, corpus.hash);
    createSearchIndex(corpus, { cacheDir: dir });
    const older = readFileSync(file, 'utf8').replace(
      `"schemaVersion":${INDEX_SCHEMA_VERSION}`,
      '"schemaVersion":1',
    );
    writeFileSync(file, older);
    const index = createSearchIndex(corpus, { cacheDir: dir });
    expect(index.origin?.source).toBe('built');
    expect(index.origin?.cacheProblem).toMatch(/another version of lessons-bot/);
    expect(createSearchIndex(corpus, { cacheDir: dir }).origin?.source).toBe('cache');
  });

  it('rebuilds over a damaged cache and says why', () => {
    writeFileSync(cacheFileFor(dir, corpus.hash), 'not an index');
    const index = createSearchIndex(corpus, { cacheDir: dir });
    expect(index.origin?.source).toBe('built');
    expect(index.origin?.cacheProblem).toMatch(/unreadable cache/);
    expect(createSearchIndex(corpus, { cacheDir: dir }).origin?.source).toBe('cache');
  });

  it('rebuilds over a truncated cache', () => {
    createSearchIndex(corpus, { cacheDir: dir });
    const file = cacheFileFor(dir, corpus.hash);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.slice(0, text.length - 10));
    const index = createSearchIndex(corpus, { cacheDir: dir });
    expect(index.origin?.cacheProblem).toMatch(/unreadable cache/);
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
