import type { Query, QueryCombination } from 'minisearch';
import type { Alternative, QueryGroup } from './query-plan.ts';
import { fieldsOf } from './terms.ts';

/**
 * A plan as a MiniSearch query tree: any alternative of any group (OR), each alternative
 * all of its terms (AND), weighted with `boostTerm`. Terms are searched exactly, except a
 * word's beginning, which uses MiniSearch's prefix search: typo tolerance is paid only
 * where a word has no exact match (misspellings were corrected by the speller, on
 * MiniSearch's radix tree of the words). Which groups a lesson matched, and so how much of
 * the question it covers, is read from the result's `queryTerms` (rank-results.ts), so
 * the groups need no node of their own. MiniSearch merges each alternative's matches into
 * the first's: the alternative with most lessons (`frequency`) goes first, so that the
 * merges read only the smaller lists.
 */
export function toMiniSearchQuery(
  groups: readonly QueryGroup[],
  frequency: (term: string) => number,
): Query {
  const size = (a: Alternative): number => frequency(a.terms[0] ?? '');
  const alternatives = groups.flatMap((g) => g.alternatives).sort((a, b) => size(b) - size(a));
  return { combineWith: 'OR', queries: alternatives.map(alternativeQuery) };
}

function alternativeQuery(alternative: Alternative): QueryCombination {
  const [first = ''] = alternative.terms;
  const node: QueryCombination = {
    combineWith: 'AND',
    queries: [...alternative.terms],
    boostTerm: () => alternative.weight,
    // A tag is only ever in its own field, a word only in the text fields.
    fields: fieldsOf(first),
  };
  if (alternative.prefix) {
    node.prefix = true;
    // The completion's own weight is in boostTerm; longer completions still count a little less.
    node.weights = { prefix: 1, fuzzy: 0 };
  }
  return node;
}

/** Query terms are index terms already: MiniSearch is told not to split or change them. */
export const LITERAL_TERMS = {
  tokenize: (term: string): string[] => [term],
  processTerm: (term: string): string => term,
} as const;
