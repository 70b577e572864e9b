/**
 * Search over the lessons: query understanding, ranking, and a MiniSearch index.
 *
 * A question is read (filters, filler, stop-words, word forms, misspellings, the field's
 * phrases and concepts), planned as a MiniSearch query tree (each part of the question
 * any of its equivalents, typo tolerance only where a word has no exact match) over the
 * lessons' title, text and reflective questions and their theme, agency and review tags,
 * and ranked by how much of the question's meaning each lesson covers. docs/search.md
 * describes the pipeline.
 */
export {
  buildSearchIndexData,
  type CreateSearchIndexOptions,
  createSearchIndex,
  loadSearchIndex,
} from './create-search-index.ts';
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
