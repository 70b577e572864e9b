/**
 * lessons-bot as a library: load a validated corpus and search it.
 *
 * @example
 * const corpus = await loadLessons('./lessons');
 * const { total, results } = createSearchIndex(corpus).search('lessons on chronologies', { limit: 3 });
 */
import { type Corpus, loadCorpus } from './core/index.ts';

export {
  BotError,
  type Corpus,
  CorpusError,
  type CorpusProblem,
  createSearchIndex,
  formatProblem,
  type Lesson,
  type Review,
  type SearchIndex,
  type SearchOptions,
  type SearchResponse,
  type SearchResult,
  validateCorpus,
} from './core/index.ts';

/** A validated corpus from a lessons folder, or a CorpusError listing every problem found. */
export function loadLessons(dir: string): Promise<Corpus> {
  return loadCorpus(dir);
}
