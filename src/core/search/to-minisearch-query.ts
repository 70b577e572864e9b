import type { Query, QueryCombination } from 'minisearch';
import type { Alternative, QueryGroup } from './query-plan.ts';
import { fieldsOf } from './terms.ts';

/**
 * A plan as a MiniSearch query tree: any group (OR), each group any of its alternatives
 * (OR), each alternative all of its terms (AND), weighted with `boostTerm`. Terms are
 * searched exactly, except a word's beginning, which uses MiniSearch's prefix search: typo
 * tolerance is paid only where a word has no exact match (misspellings were corrected by
 * the speller, on MiniSearch's radix tree of the words). Which groups a lesson matched,
 * and so how much of the question it covers, is read from the result's `queryTerms`.
 */
export function toMiniSearchQuery(groups: readonly QueryGroup[]): Query {
  return {
    combineWith: 'OR',
    queries: groups.map((group) => ({
      combineWith: 'OR',
      queries: group.alternatives.map(alternativeQuery),
    })),
  };
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
