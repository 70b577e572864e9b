import type { Corpus } from '../lessons/index.ts';
import { NAMED_THEME_BOOST, RECENCY_BOOST } from './ranking.ts';

/**
 * Each lesson's boost for a question, by lesson position: newer reviews a little, lessons
 * tagged with a theme the question names more (ranking.ts).
 *
 * It multiplies a lesson's whole score, as MiniSearch's `boostDocument` would: that
 * multiplies each term's score of a lesson by the same factor, so the sum comes out the
 * same. Applied once per lesson after the search (rank-results.ts), it costs one array
 * read; through `boostDocument`, MiniSearch looks up the lesson's id and stored fields for
 * every term of every lesson it scores, a third of a query's time at 30,000 lessons.
 */
export interface DocumentBoosts {
  /**
   * Runs `rank` with the boosts for a question naming `themes`. They live in one array per
   * index, marked for the question and restored after: search is synchronous.
   */
  during<T>(themes: ReadonlySet<string>, rank: (boost: (position: number) => number) => T): T;
}

export function documentBoosts(corpus: Corpus, years: Int16Array): DocumentBoosts {
  const recency = recencyBoosts(years);
  const boosts = Float64Array.from(recency);
  const tagged = new Map<string, number[]>();
  corpus.lessons.forEach((lesson, position) => {
    for (const theme of lesson.themes) {
      const lessons = tagged.get(theme);
      if (lessons === undefined) tagged.set(theme, [position]);
      else lessons.push(position);
    }
  });
  const boost = (id: number): number => boosts[id] ?? 1;
  return {
    during(themes, rank) {
      const marked: number[] = [];
      for (const theme of themes) {
        for (const position of tagged.get(theme) ?? []) {
          if (boosts[position] !== recency[position]) continue;
          boosts[position] = (recency[position] ?? 1) * NAMED_THEME_BOOST;
          marked.push(position);
        }
      }
      try {
        return rank(boost);
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
