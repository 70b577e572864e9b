/**
 * Search over the lessons: query understanding, ranking and a cached index.
 *
 * A question is read (filters, filler, stop-words, word forms, misspellings, glossary
 * phrases, themes), planned (rarest words first, typo tolerance only where a word has no
 * exact match, all words before some) and scored with BM25+ (MiniSearch's formula and
 * parameters) over the lessons' title, text and questions and over the names of their
 * themes, agencies and review. Postings are packed in typed arrays rather than kept in
 * MiniSearch's Map-per-term index, which at 100,000 lessons takes 10–15 s to build and
 * several times the memory; MiniSearch's radix tree does the spelling correction.
 */
export { type CreateSearchIndexOptions, createSearchIndex } from './create-search-index.ts';
export { cacheFileFor, INDEX_SCHEMA_VERSION } from './index-cache.ts';
export {
  type FilterKey,
  MAX_QUERY_LENGTH,
  type ParsedQuery,
  parseQuery,
  type RawFilter,
} from './parse-query.ts';
export { type ResolvedFilters, resolveFilters } from './resolve-filters.ts';
export { DEFAULT_LIMIT, MAX_LIMIT } from './search-lessons.ts';
export { stripFiller } from './strip-filler.ts';
export { suggestThemes } from './suggest-themes.ts';
export type {
  IndexOrigin,
  QueryUnderstanding,
  ReviewRef,
  SearchIndex,
  SearchOptions,
  SearchResponse,
  SearchResult,
  ThemeSuggestion,
} from './types.ts';
