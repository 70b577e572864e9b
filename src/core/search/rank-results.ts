import type { SearchResult as MiniSearchResult } from 'minisearch';
import type { QueryGroup } from './query-plan.ts';
import { COVERAGE_POWER, MIN_RELATIVE_COVERAGE } from './ranking.ts';

/** A lesson in the answer, best first. */
export interface RankedLesson {
  /** its position in the corpus (its MiniSearch id) */
  position: number;
  score: number;
  /** why it matched: the reasons of the groups it matched, in question order */
  matched: string[];
}

/** The lessons that answer a question, in order; a page of them is built on demand. */
export interface Ranking {
  total: number;
  page(offset: number, limit: number): RankedLesson[];
}

export interface RankContext {
  lessonCount: number;
  /** per lesson: its place when scores tie (newer review first, then id) */
  tieRank: Int32Array;
  /**
   * only lessons matching every group that says something on its own count (the question
   * named a topic no lesson has, and these groups are the rest of it)
   */
  requireAll: boolean;
  /** each lesson's boost (document-boosts.ts); none when absent */
  boost?: (position: number) => number;
}

/** Questions are read up to 32 words; more groups than this are not told apart. */
const MAX_GROUPS = 30;

/**
 * Orders MiniSearch's matches by how much of the question's meaning each covers, then by
 * its BM25+ score. Each group counts by how specific it is: its idf over the lessons (a
 * rare concept names the question's topic, a common word little), times its share (a
 * topic counts double a word, an agency half), times how well the lesson matched it (the
 * words typed fully, a related word or a tag less). A lesson must match a group that says
 * something on its own, and cover at least half as much as the best lesson does: the rest
 * match only a side of the question. The score is coverage² × BM25+ × the lesson's boost
 * (MiniSearch multiplies its score by the number of query terms matched; coverage replaces
 * that count, so it is divided out).
 */
export function rankResults(
  results: readonly MiniSearchResult[],
  groups: readonly QueryGroup[],
  context: RankContext,
): Ranking {
  const counted = groups.slice(0, MAX_GROUPS);
  const { masks, credits, through } = readMatches(results, counted);
  const weights = groupWeights(masks, counted, context.lessonCount);
  const total = weights.reduce((sum, w) => sum + w, 0);
  let strong = 0;
  counted.forEach((g, i) => {
    if (g.strong) strong |= 1 << i;
  });
  const coverage = new Float64Array(results.length);
  let best = 0;
  for (let r = 0; r < results.length; r++) {
    let covered = 0;
    for (let g = 0; g < counted.length; g++) {
      covered += (weights[g] ?? 0) * (credits[r * counted.length + g] ?? 0);
    }
    coverage[r] = total === 0 ? 0 : covered / total;
    best = Math.max(best, coverage[r] ?? 0);
  }
  const kept: { r: number; position: number; score: number }[] = [];
  results.forEach((result, r) => {
    const mask = masks[r] ?? 0;
    const covered = coverage[r] ?? 0;
    if ((mask & strong) === 0 || covered < MIN_RELATIVE_COVERAGE * best) return;
    if (context.requireAll && (mask & strong) !== strong) return;
    const position = result.id as number;
    const relevance = result.score / Math.max(1, result.queryTerms.length);
    const boost = context.boost?.(position) ?? 1;
    kept.push({ r, position, score: covered ** COVERAGE_POWER * relevance * boost });
  });
  const { tieRank } = context;
  kept.sort((a, b) => b.score - a.score || (tieRank[a.position] ?? 0) - (tieRank[b.position] ?? 0));
  return {
    total: kept.length,
    page: (offset, limit) =>
      kept.slice(offset, offset + limit).map(({ r, position, score }) => ({
        position,
        score,
        matched: counted.flatMap((g, k) => {
          if (((masks[r] ?? 0) & (1 << k)) === 0) return [];
          const alternative = g.alternatives[through[r * counted.length + k] ?? -1];
          return [alternative?.reason ?? g.reason];
        }),
      })),
  };
}

interface Matches {
  /** per result: the groups it matched, as bits */
  masks: Int32Array;
  /** per result and group (`r × groups + g`): its credit (0 when not matched)… */
  credits: Float64Array;
  /** …and the alternative that gave it */
  through: Int16Array;
}

/**
 * Reads which groups each result matched from its matched query terms: a group matches
 * when all terms of one of its alternatives do, with the credit of its best such
 * alternative (1 for the words typed, less for a related word or tag).
 */
function readMatches(results: readonly MiniSearchResult[], groups: readonly QueryGroup[]): Matches {
  const single = new Map<string, { group: number; alternative: number; weight: number }[]>();
  const several: {
    group: number;
    alternative: number;
    weight: number;
    terms: readonly string[];
  }[] = [];
  groups.forEach((group, g) => {
    group.alternatives.forEach(({ terms, weight }, a) => {
      const [only] = terms;
      const entry = { group: g, alternative: a, weight };
      if (terms.length === 1 && only !== undefined)
        single.set(only, [...(single.get(only) ?? []), entry]);
      else several.push({ ...entry, terms });
    });
  });
  const width = groups.length;
  const masks = new Int32Array(results.length);
  const credits = new Float64Array(results.length * width);
  const through = new Int16Array(results.length * width).fill(-1);
  // Of two alternatives as good, the one that is the group itself (no reason of its own,
  // as a word typed) says better why the lesson matched than a related tag.
  const better = (g: number, a: number, b: number): boolean =>
    groups[g]?.alternatives[a]?.reason === undefined &&
    groups[g]?.alternatives[b]?.reason !== undefined;
  const credit = (r: number, e: { group: number; alternative: number; weight: number }): void => {
    masks[r] = (masks[r] ?? 0) | (1 << e.group);
    const at = r * width + e.group;
    const had = credits[at] ?? 0;
    if (had > e.weight || (had === e.weight && !better(e.group, e.alternative, through[at] ?? -1)))
      return;
    credits[at] = e.weight;
    through[at] = e.alternative;
  };
  for (let r = 0; r < results.length; r++) {
    const { queryTerms } = results[r] as MiniSearchResult;
    for (const term of queryTerms) {
      const entries = single.get(term);
      if (entries !== undefined) for (const e of entries) credit(r, e);
    }
    for (const e of several) if (e.terms.every((t) => queryTerms.includes(t))) credit(r, e);
  }
  return { masks, credits, through };
}

/** Each group's weight: the idf of the lessons matching it, times its share. */
function groupWeights(
  masks: Int32Array,
  groups: readonly QueryGroup[],
  lessonCount: number,
): number[] {
  return groups.map((group, i) => {
    let matching = 0;
    for (const mask of masks) if (mask & (1 << i)) matching++;
    return idf(matching, lessonCount) * group.share;
  });
}

/** BM25's idf, as MiniSearch computes it. */
const idf = (matching: number, total: number): number =>
  Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
