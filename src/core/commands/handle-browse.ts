import type { Corpus } from '../lessons/index.ts';
import type { Reply } from '../model/index.ts';
import type { CommandDeps } from './deps.ts';
import { handleSearch, pastTheEnd } from './handle-search.ts';
import { closest, resolveLesson, resolveReview, resolveTheme } from './resolve.ts';
import { byNewestReview, toLessonCard, toReviewCard } from './to-card.ts';

function themeCounts(corpus: Corpus): Map<string, number> {
  const counts = new Map<string, number>();
  for (const lesson of corpus.lessons) {
    for (const theme of lesson.themes) counts.set(theme, (counts.get(theme) ?? 0) + 1);
  }
  return counts;
}

/** Themes that have lessons, most lessons first; the vocabulary's empty themes would only disappoint. */
export function handleThemes({ corpus }: CommandDeps): Reply {
  const counts = themeCounts(corpus);
  const themes = corpus.themes
    .filter((t) => (counts.get(t.id) ?? 0) > 0)
    .map((t) => ({
      id: t.id,
      label: t.label,
      description: t.description,
      count: counts.get(t.id) ?? 0,
    }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  return { kind: 'themes', themes };
}

export function handleTheme(deps: CommandDeps, name: string, offset: number): Reply {
  const theme = resolveTheme(deps.corpus, name);
  if (!theme) {
    return handleSearch(deps, name, offset, [
      {
        kind: 'info',
        text: `There is no theme called “${name}”, so here are the lessons that mention it. Type “themes” to see them all.`,
      },
    ]);
  }
  const all = deps.corpus.lessons
    .filter((l) => l.themes.includes(theme.id))
    .sort(byNewestReview(deps.corpus));
  if (all.length === 0) {
    return {
      kind: 'no-results',
      query: theme.label,
      suggestions: [],
      notices: [{ kind: 'info', text: `No lesson is tagged “${theme.label}” yet.` }],
    };
  }
  if (offset >= all.length) return pastTheEnd(`Lessons on ${theme.label}`, all.length, offset);
  const page = all.slice(offset, offset + deps.pageSize);
  const next = offset + page.length;
  return {
    kind: 'results',
    query: theme.label,
    heading: `Lessons on ${theme.label}`,
    total: all.length,
    offset,
    lessons: page.map((l) => toLessonCard(deps.corpus, l)),
    more: next < all.length ? { kind: 'more-theme', theme: theme.id, offset: next } : null,
    notices: [],
  };
}

export function handleReviews({ corpus }: CommandDeps): Reply {
  const reviews = [...corpus.reviews]
    .sort((a, b) =>
      a.published === b.published ? a.id.localeCompare(b.id) : a.published < b.published ? 1 : -1,
    )
    .map(toReviewCard);
  return { kind: 'reviews', reviews };
}

export function handleReview(deps: CommandDeps, name: string): Reply {
  const review = resolveReview(deps.corpus, name);
  if (!review) {
    const names = deps.corpus.reviews.map((r) => r.id);
    return {
      kind: 'error',
      code: 'review_not_found',
      message: `There is no review called “${name}”. Type “reviews” to see them all.`,
      suggestions: closest(name, names).map((id) => ({
        label: id,
        action: { kind: 'review', id },
      })),
    };
  }
  const lessons = review.lessonIds.flatMap((id) => {
    const lesson = deps.corpus.lessonById.get(id);
    return lesson ? [toLessonCard(deps.corpus, lesson)] : [];
  });
  return { kind: 'review', review: toReviewCard(review), lessons };
}

export function handleLesson({ corpus }: CommandDeps, id: string): Reply {
  const lesson = resolveLesson(corpus, id);
  if (!lesson) {
    return {
      kind: 'error',
      code: 'lesson_not_found',
      message: `There is no lesson “${id}”. Lesson ids look like southwark-child-r/8: a review id, a slash and a number.`,
      suggestions: closest(id, corpus.lessonById.keys()).map((id) => ({
        label: id,
        action: { kind: 'lesson', id },
      })),
    };
  }
  return { kind: 'lesson', lesson: toLessonCard(corpus, lesson), notices: [] };
}

export function handleRandom({ corpus, random }: CommandDeps): Reply {
  const index = Math.min(corpus.lessons.length - 1, Math.floor(random() * corpus.lessons.length));
  const lesson = corpus.lessons[index];
  if (!lesson) return { kind: 'notice', text: 'The corpus holds no lessons yet.' };
  return { kind: 'lesson', lesson: toLessonCard(corpus, lesson), notices: [] };
}
