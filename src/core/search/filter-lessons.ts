import type { Corpus } from '../lessons/index.ts';
import type { ResolvedFilters } from './resolve-filters.ts';

/**
 * Which lessons pass the filters (1 = passes), or null when there are none. Values of one
 * filter are alternatives; different filters must all hold. `years` is each lesson's
 * review's year.
 */
export function filterLessons(
  corpus: Corpus,
  filters: ResolvedFilters,
  years: Int16Array,
): Uint8Array | null {
  const any = (ids: readonly string[] | undefined) => (ids === undefined ? null : new Set(ids));
  const themes = any(filters.theme);
  const agencies = any(filters.agency);
  const reviews = any(filters.review);
  const { since } = filters;
  if (themes === null && agencies === null && reviews === null && since === undefined) return null;
  const allowed = new Uint8Array(corpus.lessons.length);
  corpus.lessons.forEach((lesson, i) => {
    const ok =
      (themes === null || lesson.themes.some((t) => themes.has(t))) &&
      (agencies === null || lesson.agencies.some((a) => agencies.has(a))) &&
      (reviews === null || reviews.has(lesson.reviewId)) &&
      (since === undefined || (years[i] ?? 0) >= since);
    allowed[i] = ok ? 1 : 0;
  });
  return allowed;
}
