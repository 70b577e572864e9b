import { existsSync, readFileSync } from 'node:fs';
import { isBotError } from '../errors.ts';
import type { Corpus } from '../lessons/index.ts';
import { type BuiltIndex, buildIndex } from './build-index.ts';
import { buildLexicon, type Lexicon } from './build-lexicon.ts';
import { documentBoosts } from './document-boosts.ts';
import { cacheFileFor, parseIndex, serializeIndex, writeIndexCache } from './index-cache.ts';
import { lessonYears, tieRanks } from './lesson-order.ts';
import { createFilterResolver } from './resolve-filters.ts';
import { type SearchContext, searchLessons } from './search-lessons.ts';
import { createSpeller } from './speller.ts';
import { themeCounts, themeWords } from './suggest-themes.ts';
import type { IndexOrigin, SearchIndex } from './types.ts';

export interface CreateSearchIndexOptions {
  /**
   * A folder for a serialised copy of the index, keyed by the corpus hash: the first
   * start writes it, later starts load it instead of indexing every lesson again.
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
  const { cacheDir } = options;
  if (cacheDir === undefined)
    return searchIndex(corpus, lexicon, buildIndex(corpus, lexicon), { source: 'built' });
  const cacheFile = cacheFileFor(cacheDir, corpus.hash);
  let cacheProblem: string | undefined;
  if (existsSync(cacheFile)) {
    try {
      const built = parseIndex(readFileSync(cacheFile, 'utf8'), corpus, lexicon);
      return searchIndex(corpus, lexicon, built, { source: 'cache', cacheFile });
    } catch (error) {
      // A stale or damaged cache is only slower, never wrong: rebuild and overwrite it.
      cacheProblem = isBotError(error) ? error.message : `unreadable cache: ${String(error)}`;
    }
  }
  const built = buildIndex(corpus, lexicon);
  try {
    writeIndexCache(cacheDir, corpus.hash, serializeIndex(corpus.hash, built));
  } catch (error) {
    cacheProblem = `could not write the cache: ${String(error)}`;
  }
  const origin: IndexOrigin = { source: 'built', cacheFile };
  if (cacheProblem !== undefined) origin.cacheProblem = cacheProblem;
  return searchIndex(corpus, lexicon, built, origin);
}

/**
 * Builds the index of a corpus and returns it serialized: a plain function of the corpus,
 * for a worker thread, so that a reload builds off the event loop. {@link loadSearchIndex}
 * turns the text back into a search index, quickly.
 */
export function buildSearchIndexData(corpus: Corpus): string {
  return serializeIndex(corpus.hash, buildIndex(corpus, buildLexicon(corpus)));
}

/**
 * A search index from data made by {@link buildSearchIndexData} (or read from a cache)
 * for this very corpus. Throws BotError `search_index_version` when the data is for
 * other lessons or another version, and an Error when it is damaged.
 */
export function loadSearchIndex(
  corpus: Corpus,
  data: string,
  origin: IndexOrigin = { source: 'cache' },
): SearchIndex {
  const lexicon = buildLexicon(corpus);
  return searchIndex(corpus, lexicon, parseIndex(data, corpus, lexicon), origin);
}

function searchIndex(
  corpus: Corpus,
  lexicon: Lexicon,
  built: BuiltIndex,
  origin: IndexOrigin,
): SearchIndex {
  const ctx = searchContext(corpus, lexicon, built);
  return {
    search: (query, options) => searchLessons(ctx, query, options),
    size: corpus.lessons.length,
    origin,
  };
}

function searchContext(corpus: Corpus, lexicon: Lexicon, built: BuiltIndex): SearchContext {
  themeWords(corpus.themes);
  const n = corpus.lessons.length;
  const frequency = (term: string): number => Math.min(built.frequencies.get(term) ?? 0, n);
  const years = lessonYears(corpus);
  return {
    corpus,
    mini: built.mini,
    plan: {
      lexicon,
      speller: createSpeller(new Map([...lexicon.words, ...built.words]), frequency),
      known: (stem) => frequency(stem) > 0 || lexicon.stems.has(stem),
      frequency,
      lessonCount: n,
    },
    resolveFilters: createFilterResolver(corpus),
    themeCounts: themeCounts(corpus),
    years,
    tieRank: tieRanks(corpus),
    boosts: documentBoosts(corpus, years),
  };
}
