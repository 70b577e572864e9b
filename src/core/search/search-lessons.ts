import type { Lesson } from '../lessons/types.ts';
import type { IndexedCorpus } from './build-index.ts';
import { didYouMean } from './did-you-mean.ts';
import { filterLessons } from './filter-lessons.ts';
import { MAX_QUERY_LENGTH, parseQuery } from './parse-query.ts';
import { type PlanContext, type PlannedQuery, planQuery } from './plan-query.ts';
import type { ResolvedFilters } from './resolve-filters.ts';
import { type Matches, runQuery, type Scratch } from './run-query.ts';
import { suggestThemesWith } from './suggest-themes.ts';
import type { QueryUnderstanding, SearchOptions, SearchResponse, SearchResult } from './types.ts';

export const DEFAULT_LIMIT = 5;
export const MAX_LIMIT = 50;

/** What one search needs, built once per index. */
export interface SearchContext {
  index: IndexedCorpus;
  scratch: Scratch;
  plan: PlanContext;
  resolveFilters: (raw: ReturnType<typeof parseQuery>['filters']) => ResolvedFilters;
  themeCounts: ArrayLike<number>;
}

/** Answers one question: see {@link SearchIndex.search}. Never throws on user input. */
export function searchLessons(
  ctx: SearchContext,
  query: string,
  options: SearchOptions = {},
): SearchResponse {
  const response = answer(ctx, query, options);
  const corrected = didYouMean(query, correctionsOf(response));
  // A correction is offered when it was used and found lessons, or would find some.
  if (
    corrected !== undefined &&
    (response.total > 0 || answer(ctx, corrected, { limit: 0 }).total > 0)
  ) {
    response.didYouMean = corrected;
  }
  return response;
}

function correctionsOf(response: SearchResponse): Map<string, string> {
  return new Map(Object.entries(response.understood.corrections ?? {}));
}

function answer(ctx: SearchContext, query: string, options: SearchOptions): SearchResponse {
  const limit = clamp(options.limit, DEFAULT_LIMIT, 0, MAX_LIMIT);
  const offset = clamp(options.offset, 0, 0, Number.MAX_SAFE_INTEGER);
  const parsed = parseQuery(query);
  const filters = ctx.resolveFilters(parsed.filters);
  const planned = planQuery(parsed.text, ctx.plan);
  const problems = [...filters.problems];
  if (parsed.truncated) {
    problems.push(`Only the first ${MAX_QUERY_LENGTH} characters of the question were searched.`);
  }
  const matches = honestlySearchable(planned, filters, parsed.filters.length > 0)
    ? runQuery(
        ctx.index,
        ctx.scratch,
        planned.plan,
        filterLessons(ctx.index, filters),
        offset + limit,
      )
    : { lessons: [], scores: [], total: 0 };
  return respond(ctx, query, parsed.text, planned, filters, problems, matches, offset);
}

/**
 * Whether searching could give an honest answer. Not when a filter names nothing; nor for
 * a question of only stop-words; nor when half or more of its words are found nowhere
 * (words only guessed from their beginning counting as unknown too): "football results"
 * would otherwise return a lesson that says "result"; nor when every word is one that
 * many lessons use and none is a term of the field ("what time is it"), unless filters
 * narrow the answer.
 */
function honestlySearchable(
  planned: PlannedQuery,
  filters: ResolvedFilters,
  hasFilters: boolean,
): boolean {
  if (filters.impossible) return false;
  const { groups } = planned.plan;
  const unknown = planned.unknown.length;
  if (groups.length === 0) return hasFilters && unknown === 0;
  if (unknown > 0 && (unknown + planned.completed) * 2 >= groups.length + unknown) return false;
  return hasFilters || groups.some((g) => g.strong);
}

function respond(
  ctx: SearchContext,
  query: string,
  topic: string,
  planned: PlannedQuery,
  filters: ResolvedFilters,
  problems: string[],
  matches: Matches,
  offset: number,
): SearchResponse {
  const results = matches.lessons
    .slice(offset)
    .map((lesson, i) => toResult(ctx.index, lesson, matches.scores[offset + i] ?? 0));
  const response: SearchResponse = {
    query,
    total: matches.total,
    results,
    understood: understanding(planned, filters, problems),
    suggestions:
      matches.total === 0
        ? suggestThemesWith(ctx.index.corpus, ctx.themeCounts, topic === '' ? query : topic)
        : [],
  };
  return response;
}

function understanding(
  planned: PlannedQuery,
  filters: ResolvedFilters,
  problems: string[],
): QueryUnderstanding {
  const shown: QueryUnderstanding['filters'] = {};
  if (filters.theme?.length) shown.theme = filters.theme;
  if (filters.review?.length) shown.review = filters.review;
  if (filters.agency?.length) shown.agency = filters.agency;
  if (filters.since !== undefined) shown.since = filters.since;
  return {
    terms: planned.terms,
    expansions: planned.expansions,
    themes: planned.themes,
    filters: shown,
    problems,
    corrections: Object.fromEntries(planned.corrections),
    unknown: planned.unknown,
  };
}

function toResult(index: IndexedCorpus, position: number, score: number): SearchResult {
  const lesson = index.corpus.lessons[position] as Lesson;
  const review = index.corpus.reviews[index.lessonReview[position] ?? -1];
  return {
    id: lesson.id,
    title: lesson.title,
    text: lesson.text,
    review: {
      id: lesson.reviewId,
      title: review?.title ?? '',
      area: review?.area ?? '',
      published: review?.published ?? '',
      url: review?.url ?? null,
    },
    themes: [...lesson.themes],
    score: Math.round(score * 10_000) / 10_000,
  };
}

function clamp(value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(value)));
}
