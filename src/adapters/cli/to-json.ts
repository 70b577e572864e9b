import type { LessonCard, Reply, ReviewCard, SearchResponse } from '../../core/index.ts';

/** The JSON shapes other tools rely on (README, "Command line"). Change them only additively. */

function reviewRef(review: ReviewCard) {
  return {
    id: review.id,
    title: review.title,
    area: review.area,
    published: review.published,
    url: review.url,
  };
}

export function lessonJson(lesson: LessonCard) {
  return {
    id: lesson.id,
    title: lesson.title,
    text: lesson.text,
    review: reviewRef(lesson.review),
    themes: lesson.themes.map((t) => t.id),
    ...(lesson.matched === undefined ? {} : { matched: lesson.matched }),
  };
}

export function fullLessonJson(lesson: LessonCard) {
  return {
    ...lessonJson(lesson),
    agencies: lesson.agencies.map((a) => a.id),
    questions: lesson.questions,
  };
}

export function reviewListJson(review: ReviewCard) {
  return {
    id: review.id,
    title: review.title,
    kind: review.kind,
    area: review.area,
    published: review.published,
    lessons: review.lessonCount,
  };
}

export function reviewJson(review: ReviewCard, lessons: readonly LessonCard[]) {
  return {
    id: review.id,
    title: review.title,
    kind: review.kind,
    partnership: review.partnership,
    area: review.area,
    published: review.published,
    url: review.url,
    summary: review.summary,
    source: review.source,
    lessons: lessons.map(fullLessonJson),
  };
}

export function searchJson(answer: SearchResponse) {
  return {
    query: answer.query,
    total: answer.total,
    results: answer.results,
    ...(answer.didYouMean ? { didYouMean: answer.didYouMean } : {}),
    ...(answer.understood.uncovered?.length ? { uncovered: answer.understood.uncovered } : {}),
    suggestions: answer.suggestions,
  };
}

/** A Reply as JSON: the contract's shapes for browsing, the neutral model for the rest. */
export function replyJson(reply: Reply): unknown {
  switch (reply.kind) {
    case 'results':
      return { query: reply.query, total: reply.total, results: reply.lessons.map(lessonJson) };
    case 'no-results':
      return { query: reply.query, total: 0, results: [], suggestions: reply.suggestions };
    case 'lesson':
      return { lesson: fullLessonJson(reply.lesson) };
    case 'themes':
      return { themes: reply.themes };
    case 'reviews':
      return { reviews: reply.reviews.map(reviewListJson) };
    case 'review':
      return { review: reviewJson(reply.review, reply.lessons) };
    case 'subscription':
      return { change: reply.change, subscription: reply.subscription, text: reply.text };
    case 'briefing':
      return { preview: true, nextPost: reply.nextPost, briefing: reply.briefing };
    case 'published':
      return {
        review: reply.review.id,
        round: reply.round,
        resumed: reply.resumed,
        counts: reply.counts,
        gone: reply.gone,
        paused: reply.paused,
        failed: reply.failed,
      };
    case 'report':
      return { report: reply.report };
    case 'help':
    case 'notice':
    case 'error':
      return reply;
  }
}
