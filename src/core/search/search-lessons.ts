import MiniSearch, { type SearchOptions as MiniSearchOptions } from 'minisearch';
import type { Corpus, Lesson } from '../lessons/index.ts';
import type { LessonDocument } from './build-index.ts';
import { didYouMean } from './did-you-mean.ts';
import type { DocumentBoosts } from './document-boosts.ts';
import { filterLessons } from './filter-lessons.ts';
import { MAX_QUERY_LENGTH, parseQuery } from './parse-query.ts';
import { type PlanContext, type PlannedQuery, planQuery } from './plan-query.ts';
import { type RankedLesson, type Ranking, rankResults } from './rank-results.ts';
import { FIELD_BOOSTS } from './ranking.ts';
import type { ResolvedFilters } from './resolve-filters.ts';
import { suggestThemesWith } from './suggest-themes.ts';
import { LITERAL_TERMS, toMiniSearchQuery } from './to-minisearch-query.ts';
import type { QueryUnderstanding, SearchOptions, SearchResponse, SearchResult } from './types.ts';

export const DEFAULT_LIMIT = 5;
export const MAX_LIMIT = 50;

/** What one search needs, built once per index. */
export interface SearchContext {
  corpus: Corpus;
  mini: MiniSearch<LessonDocument>;
  plan: PlanContext;
  resolveFilters: (raw: ReturnType<typeof parseQuery>['filters']) => ResolvedFilters;
  themeCounts: ArrayLike<number>;
  /** per lesson position: its review's year and its place in ties */
  years: Int16Array;
  tieRank: Int32Array;
  boosts: DocumentBoosts;
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
  const ranked = honestlySearchable(planned, filters, parsed.filters.length > 0)
    ? findLessons(ctx, planned, filters)
    : NOTHING;
  const uncovered = planned.plan.groups.filter((g) => g.uncovered).map((g) => g.typed);
  const topic = parsed.text === '' ? query : parsed.text;
  return {
    query,
    total: ranked.total,
    results: ranked.page(offset, limit).map((r) => toResult(ctx.corpus, r)),
    understood: understanding(planned, filters, problems, uncovered),
    suggestions:
      ranked.total === 0
        ? suggestThemesWith(ctx.corpus, ctx.themeCounts, topic, {
            fallback: uncovered.length === 0,
          })
        : [],
  };
}

/**
 * Whether searching could give an honest answer. Not when a filter names nothing; nor for
 * a question of only stop-words; nor when half or more of its words are found nowhere
 * (words only guessed from their beginning counting as unknown too) and none of the rest
 * is a term of the field: "football results" would otherwise return a lesson that says
 * "result", where "tiktok grooming" means grooming; nor when every word is one that many
 * lessons use and none is a term of the field ("what time is it"), unless filters narrow
 * the answer.
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
  const named = groups.some((g) => g.kind === 'topic' || g.kind === 'context');
  const mostlyUnknown = (unknown + planned.completed) * 2 >= groups.length + unknown;
  if (unknown > 0 && mostlyUnknown && !named) return false;
  return hasFilters || groups.some((g) => g.strong);
}

/**
 * The lessons for a plan, best first. A topic of the field that no lesson has (FGM, here)
 * is named in the answer, and only lessons about all the rest of the question are shown
 * (every part of it that says something on its own), if the rest names a topic too
 * ("county lines and going missing"); else none, rather than lessons that share only a
 * word with it ("FGM training").
 */
function findLessons(ctx: SearchContext, planned: PlannedQuery, filters: ResolvedFilters): Ranking {
  const { groups, namedThemes } = planned.plan;
  const allowed = filterLessons(ctx.corpus, filters, ctx.years);
  const options: MiniSearchOptions = { ...LITERAL_TERMS, boost: FIELD_BOOSTS };
  if (allowed !== null) options.filter = (result) => allowed[result.id as number] === 1;
  if (groups.length === 0) return browse(ctx, options);
  const active = groups.filter((g) => !g.uncovered);
  const requireAll = active.length < groups.length;
  if (active.length === 0 || (requireAll && !active.some((g) => g.kind === 'topic')))
    return NOTHING;
  const results = ctx.mini.search(toMiniSearchQuery(active, ctx.plan.frequency), options);
  return ctx.boosts.during(namedThemes, (boost) =>
    rankResults(results, active, {
      lessonCount: ctx.corpus.lessons.length,
      tieRank: ctx.tieRank,
      requireAll,
      boost,
    }),
  );
}

const NOTHING: Ranking = { total: 0, page: () => [] };

/** Filters alone: every lesson that passes, newest review first. */
function browse(ctx: SearchContext, options: MiniSearchOptions): Ranking {
  const lessons = ctx.mini
    .search(MiniSearch.wildcard, options)
    .map((r) => ({ position: r.id as number, score: 0, matched: [] }))
    .sort((a, b) => (ctx.tieRank[a.position] ?? 0) - (ctx.tieRank[b.position] ?? 0));
  return { total: lessons.length, page: (offset, limit) => lessons.slice(offset, offset + limit) };
}

function understanding(
  planned: PlannedQuery,
  filters: ResolvedFilters,
  problems: string[],
  uncovered: string[],
): QueryUnderstanding {
  const shown: QueryUnderstanding['filters'] = {};
  if (filters.theme?.length) shown.theme = filters.theme;
  if (filters.review?.length) shown.review = filters.review;
  if (filters.agency?.length) shown.agency = filters.agency;
  if (filters.since !== undefined) shown.since = filters.since;
  return {
    terms: planned.terms,
    expansions: planned.expansions,
    themes: [...planned.plan.namedThemes],
    filters: shown,
    problems,
    corrections: Object.fromEntries(planned.corrections),
    unknown: planned.unknown,
    uncovered,
  };
}

function toResult(corpus: Corpus, ranked: RankedLesson): SearchResult {
  const lesson = corpus.lessons[ranked.position] as Lesson;
  const review = corpus.reviewById.get(lesson.reviewId);
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
    score: Math.round(ranked.score * 10_000) / 10_000,
    matched: ranked.matched,
  };
}

function clamp(value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(value)));
}
