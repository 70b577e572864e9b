/** What every engine adapter offers the harness. */

import type { Corpus } from '../../../src/core/lessons/types.ts';

/** One of the top 10 results, built the way lessons-bot builds a SearchResult. */
export interface Hit {
  id: string;
  title: string;
  text: string;
  review: { id: string; title: string; area: string; published: string; url: string | null };
  themes: string[];
  score: number;
}

export interface Answer {
  hits: Hit[];
  /** all matches, where the engine says */
  total?: number;
}

export interface Searcher {
  search(query: string): Answer | Promise<Answer>;
  /** extra facts for the report, e.g. the size of a cache */
  info?: Record<string, string | number>;
}

export interface EngineContext {
  /** a fresh temporary folder shared by the prepare and measure runs of one engine × size */
  cacheDir: string;
}

export interface Engine {
  name: string;
  /** one line for the report: options, and what the engine does or does not do */
  description: string;
  /** run in its own process before the measured one, e.g. to fill an on-disk cache */
  prepare?(corpus: Corpus, context: EngineContext): Promise<void>;
  /** builds (or loads) the index: the time this takes is reported as ready time */
  build(corpus: Corpus, context: EngineContext): Promise<Searcher>;
}

export const TOP_K = 10;
