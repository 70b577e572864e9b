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
  createSearchIndex,
  loadSearchIndex,
} from './create-search-index.ts';
export { parseQuery } from './parse-query.ts';
export { stripFiller } from './strip-filler.ts';
export type { SearchIndex, SearchOptions, SearchResponse, SearchResult } from './types.ts';
