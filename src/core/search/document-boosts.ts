import type { Corpus } from '../lessons/types.ts';
import { NAMED_THEME_BOOST, RECENCY_BOOST } from './ranking.ts';

/** Each lesson's boost for a question (MiniSearch's boostDocument), by lesson position. */
export interface DocumentBoosts {
  /**
   * Runs `search` with the boosts for a question naming `themes`: newer reviews a little,
   * lessons tagged with a named theme more (ranking.ts). The boosts live in one array per
   * index, marked for the question and restored after, as search is synchronous: MiniSearch
   * asks for a boost for every term of every lesson it scores.
   */
  during<T>(themes: ReadonlySet<string>, search: (boost: (id: number) => number) => T): T;
}

export function documentBoosts(corpus: Corpus, years: Int16Array): DocumentBoosts {
  const recency = recencyBoosts(years);
  const boosts = Float64Array.from(recency);
  const tagged = new Map<string, number[]>();
  corpus.lessons.forEach((lesson, position) => {
    for (const theme of lesson.themes) tagged.set(theme, [...(tagged.get(theme) ?? []), position]);
  });
  const boost = (id: number): number => boosts[id] ?? 1;
  return {
    during(themes, search) {
      const marked: number[] = [];
      for (const theme of themes) {
        for (const position of tagged.get(theme) ?? []) {
          if (boosts[position] !== recency[position]) continue;
          boosts[position] = (recency[position] ?? 1) * NAMED_THEME_BOOST;
          marked.push(position);
        }
      }
      try {
        return search(boost);
      } finally {
        for (const position of marked) boosts[position] = recency[position] ?? 1;
      }
    },
  };
}

/**
 * Each lesson's boost for being recent: 1 for the oldest review's year, 1 + RECENCY_BOOST
 * for the newest, in proportion between.
 */
function recencyBoosts(years: Int16Array): Float64Array {
  let oldest = Number.POSITIVE_INFINITY;
  let newest = Number.NEGATIVE_INFINITY;
  for (const year of years) {
    oldest = Math.min(oldest, year);
    newest = Math.max(newest, year);
  }
  const span = newest - oldest;
  return Float64Array.from(
    years,
    (y) => 1 + (span > 0 ? (RECENCY_BOOST * (y - oldest)) / span : 0),
  );
}
