import { existsSync } from 'node:fs';
import { isBotError } from '../errors.ts';
import type { Corpus } from '../lessons/types.ts';
import { buildLessonPostings, type IndexedCorpus, indexCorpus } from './build-index.ts';
import { buildLexicon, type Lexicon } from './build-lexicon.ts';
import { memberCount } from './facets.ts';
import { cacheFileFor, readIndexCache, writeIndexCache } from './index-cache.ts';
import type { Postings } from './postings.ts';
import { createFilterResolver } from './resolve-filters.ts';
import { createScratch } from './run-query.ts';
import { hasTerm, termFrequency } from './score-terms.ts';
import { type SearchContext, searchLessons } from './search-lessons.ts';
import { createSpeller } from './speller.ts';
import { themeWords } from './suggest-themes.ts';
import type { IndexOrigin, SearchIndex } from './types.ts';

export interface CreateSearchIndexOptions {
  /**
   * A folder for a serialised copy of the index, keyed by the corpus hash: the first
   * start writes it, later starts load it instead of indexing every lesson again
   * (at 100,000 lessons, about a fifth of the time).
   */
  cacheDir?: string;
}

/**
 * Indexes a corpus for search. Synchronous: with `cacheDir` it loads a cached index
 * when there is one for this corpus, else builds one and writes it there.
 *
 * @example
 * const index = createSearchIndex(corpus, { cacheDir: '.cache' });
 * index.search('what do reviews say about escalation?', { limit: 3 });
 */
export function createSearchIndex(
  corpus: Corpus,
  options: CreateSearchIndexOptions = {},
): SearchIndex {
  const lexicon = buildLexicon(corpus);
  const { postings, words, origin } = obtainPostings(corpus, lexicon, options.cacheDir);
  const ctx = searchContext(indexCorpus(corpus, lexicon, postings, words), lexicon);
  return {
    search: (query, searchOptions) => searchLessons(ctx, query, searchOptions),
    size: corpus.lessons.length,
    origin,
  };
}

interface Obtained {
  postings: Postings;
  words: Map<string, string>;
  origin: IndexOrigin;
}

function obtainPostings(corpus: Corpus, lexicon: Lexicon, cacheDir: string | undefined): Obtained {
  if (cacheDir === undefined) return { ...build(corpus, lexicon), origin: { source: 'built' } };
  const cacheFile = cacheFileFor(cacheDir, corpus.hash);
  let cacheProblem: string | undefined;
  if (existsSync(cacheFile)) {
    try {
      return { ...readIndexCache(cacheFile, corpus.hash), origin: { source: 'cache', cacheFile } };
    } catch (error) {
      // A stale or damaged cache is only slower, never wrong: rebuild and overwrite it.
      cacheProblem = isBotError(error) ? error.message : `unreadable cache: ${String(error)}`;
    }
  }
  const built = build(corpus, lexicon);
  try {
    writeIndexCache(cacheDir, corpus.hash, built.postings, built.words);
  } catch (error) {
    cacheProblem = `could not write the cache: ${String(error)}`;
  }
  const origin: IndexOrigin = { source: 'built', cacheFile };
  if (cacheProblem !== undefined) origin.cacheProblem = cacheProblem;
  return { ...built, origin };
}

function build(
  corpus: Corpus,
  lexicon: Lexicon,
): { postings: Postings; words: Map<string, string> } {
  const words = new Map<string, string>();
  return { postings: buildLessonPostings(corpus, lexicon, words), words };
}

function searchContext(index: IndexedCorpus, lexicon: Lexicon): SearchContext {
  themeWords(index.corpus.themes);
  const frequency = (stem: string): number => termFrequency(index, stem);
  const vocabulary = new Map([...lexicon.words, ...index.words]);
  return {
    index,
    scratch: createScratch(index.corpus.lessons.length),
    plan: {
      lexicon,
      speller: createSpeller(vocabulary, frequency),
      known: (stem) => hasTerm(index, stem) || lexicon.stems.has(stem),
      frequency,
      lessonCount: index.corpus.lessons.length,
      themePosition: index.themePosition,
    },
    resolveFilters: createFilterResolver(index.corpus),
    themeCounts: Array.from(index.corpus.themes, (_, t) => memberCount(index.facets.theme, t)),
  };
}
