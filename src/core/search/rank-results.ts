import type { SearchResult as MiniSearchResult } from 'minisearch';
import type { Alternative, QueryGroup } from './query-plan.ts';
import { COVERAGE_POWER, MIN_RELATIVE_COVERAGE } from './ranking.ts';

/** A lesson in the answer, best first. */
export interface RankedLesson {
  /** its position in the corpus (its MiniSearch id) */
  position: number;
  score: number;
  /** why it matched: the reasons of the groups it matched, in question order */
  matched: string[];
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
 * match only a side of the question. The score is coverage² × BM25+ (MiniSearch
 * multiplies its score by the number of query terms matched; coverage replaces that
 * count, so it is divided out).
 */
export function rankResults(
  results: readonly MiniSearchResult[],
  groups: readonly QueryGroup[],
  context: RankContext,
): RankedLesson[] {
  const counted = groups.slice(0, MAX_GROUPS);
  const credit = creditOf(counted);
  // credits[r × groups + g]: how well result r matched group g (0 when it did not), and
  // through which alternative.
  const credits = new Float64Array(results.length * counted.length);
  const through: (Alternative | undefined)[] = new Array(credits.length);
  const masks = results.map((r, i) => credit(r.queryTerms, credits, through, i * counted.length));
  const weights = groupWeights(masks, counted, context.lessonCount);
  const total = weights.reduce((sum, w) => sum + w, 0);
  let strong = 0;
  counted.forEach((g, i) => {
    if (g.strong) strong |= 1 << i;
  });
  const coverage = masks.map((_, r) => {
    let covered = 0;
    weights.forEach((w, g) => {
      covered += w * (credits[r * counted.length + g] ?? 0);
    });
    return total === 0 ? 0 : covered / total;
  });
  const best = Math.max(0, ...coverage);
  const ranked: RankedLesson[] = [];
  results.forEach((r, i) => {
    const mask = masks[i] ?? 0;
    const covered = coverage[i] ?? 0;
    if ((mask & strong) === 0 || covered < MIN_RELATIVE_COVERAGE * best) return;
    if (context.requireAll && (mask & strong) !== strong) return;
    const relevance = r.score / Math.max(1, r.queryTerms.length);
    ranked.push({
      position: r.id as number,
      score: covered ** COVERAGE_POWER * relevance,
      matched: counted.flatMap((g, k) =>
        mask & (1 << k) ? [through[i * counted.length + k]?.reason ?? g.reason] : [],
      ),
    });
  });
  return ranked.sort(
    (a, b) =>
      b.score - a.score || (context.tieRank[a.position] ?? 0) - (context.tieRank[b.position] ?? 0),
  );
}

/**
 * Reads which groups a result matched from its matched query terms: a group matches when
 * all terms of one of its alternatives do, with the credit of its best such alternative
 * (1 for the words typed, less for a related word or tag). Writes the credits at
 * `credits[at + g]`, the alternatives at `through[at + g]`, and returns the groups as bits.
 */
function creditOf(
  groups: readonly QueryGroup[],
): (
  queryTerms: readonly string[],
  credits: Float64Array,
  through: (Alternative | undefined)[],
  at: number,
) => number {
  const single = new Map<string, { group: number; alternative: Alternative }[]>();
  const several: { group: number; alternative: Alternative }[] = [];
  groups.forEach((group, g) => {
    for (const alternative of group.alternatives) {
      const [only] = alternative.terms;
      if (alternative.terms.length === 1 && only !== undefined)
        single.set(only, [...(single.get(only) ?? []), { group: g, alternative }]);
      else several.push({ group: g, alternative });
    }
  });
  return (queryTerms, credits, through, at) => {
    let mask = 0;
    const credit = (group: number, alternative: Alternative): void => {
      mask |= 1 << group;
      if ((credits[at + group] ?? 0) >= alternative.weight) return;
      credits[at + group] = alternative.weight;
      through[at + group] = alternative;
    };
    for (const term of queryTerms) {
      for (const { group, alternative } of single.get(term) ?? []) credit(group, alternative);
    }
    for (const { group, alternative } of several) {
      if (alternative.terms.every((t) => queryTerms.includes(t))) credit(group, alternative);
    }
    return mask;
  };
}

/** Each group's weight: the idf of the lessons matching it, times its share. */
function groupWeights(
  masks: readonly number[],
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
