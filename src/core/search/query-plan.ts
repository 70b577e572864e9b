/** What a question asks for, once understood: what to-minisearch-query.ts and rank-results.ts read. */

/** One way of matching a meaning: all of `terms` in one lesson. */
export interface Alternative {
  terms: readonly string[];
  /** the words the user typed count 1; equivalents less (see ranking.ts) */
  weight: number;
  /** `terms[0]` is the beginning of a word, searched with MiniSearch's prefix search */
  prefix?: boolean;
  /** why a lesson matching only this matched, when not the group's reason */
  reason?: string;
}

/**
 * What a part of the question is: a topic of the field (a theme or glossary term), context
 * (an agency or a review), a plain word, or the beginning of a word.
 */
export type GroupKind = 'topic' | 'context' | 'word' | 'completion';

/** One thing the question asks about: a word, or a phrase and its equivalents. */
export interface QueryGroup {
  /** as the user wrote it (corrected, lower case): "disguised compliance" */
  surface: string;
  /** as the user typed it: "Disguised complience" */
  typed: string;
  kind: GroupKind;
  /** why a lesson matching it matched, for people: "chronology (from 'chronologies')" */
  reason: string;
  alternatives: readonly Alternative[];
  /** false for words in so many lessons that matching them alone says nothing */
  strong: boolean;
  /** a topic of the field that no lesson has (FGM, when no review here covers it) */
  uncovered: boolean;
  /** an agency counts this share of what its specificity says (see ranking.ts) */
  share: number;
}

export interface QueryPlan {
  groups: readonly QueryGroup[];
  /** ids of the themes the question names: their lessons are boosted */
  namedThemes: ReadonlySet<string>;
}
