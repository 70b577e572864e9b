import type { Corpus, Lesson, Review } from '../lessons/index.ts';
import type { LessonCard, ReviewCard, ThemeRef } from '../model/index.ts';

export function toReviewCard(review: Review): ReviewCard {
  return {
    id: review.id,
    title: review.title,
    kind: review.kind,
    partnership: review.partnership,
    area: review.area,
    published: review.published,
    year: review.year,
    url: review.url ?? null,
    summary: review.summary,
    source: review.source ?? null,
    lessonCount: review.lessonIds.length,
  };
}

export function toLessonCard(corpus: Corpus, lesson: Lesson): LessonCard {
  const review = corpus.reviewById.get(lesson.reviewId);
  // The loader guarantees every lesson's review exists; a miss is a bug, not bad input.
  if (!review) throw new Error(`lesson ${lesson.id} has no review ${lesson.reviewId}`);
  return {
    id: lesson.id,
    title: lesson.title,
    text: lesson.text,
    review: toReviewCard(review),
    themes: lesson.themes.map((id) => ({ id, label: corpus.themeById.get(id)?.label ?? id })),
    agencies: lesson.agencies.map((id) => ({ id, label: corpus.agencyById.get(id)?.label ?? id })),
    questions: [...lesson.questions],
  };
}

export function themeRef(corpus: Corpus, id: string): ThemeRef {
  return { id, label: corpus.themeById.get(id)?.label ?? id };
}

/** Lessons in the order people browse them: newest review first, then as numbered. */
export function byNewestReview(corpus: Corpus): (a: Lesson, b: Lesson) => number {
  return (a, b) => {
    const ra = corpus.reviewById.get(a.reviewId)?.published ?? '';
    const rb = corpus.reviewById.get(b.reviewId)?.published ?? '';
    if (ra !== rb) return ra < rb ? 1 : -1;
    if (a.reviewId !== b.reviewId) return a.reviewId < b.reviewId ? -1 : 1;
    return a.n - b.n;
  };
}
