import type { Corpus, Review } from '../lessons/index.ts';

/** Each lesson's review's year, by lesson position. */
export function lessonYears(corpus: Corpus): Int16Array {
  return Int16Array.from(corpus.lessons, (l) => corpus.reviewById.get(l.reviewId)?.year ?? 0);
}

/**
 * Each lesson's place when scores tie: newer review first, then review id, then lesson
 * number, so that pages are stable.
 */
export function tieRanks(corpus: Corpus): Int32Array {
  const reviewRank = new Map(
    [...corpus.reviews].sort(newerFirst).map((review, rank) => [review.id, rank]),
  );
  const order = corpus.lessons
    .map((lesson, position) => ({
      position,
      review: reviewRank.get(lesson.reviewId) ?? 0,
      n: lesson.n,
    }))
    .sort((a, b) => a.review - b.review || a.n - b.n || a.position - b.position);
  const rank = new Int32Array(corpus.lessons.length);
  order.forEach((entry, r) => {
    rank[entry.position] = r;
  });
  return rank;
}

function newerFirst(x: Review, y: Review): number {
  if (x.published !== y.published) return x.published < y.published ? 1 : -1;
  return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
}
