/** What a question asks for, once understood: the input of {@link runQuery}. */

/** One way of matching a meaning: all of `terms` (stems) in one lesson. */
export interface Alternative {
  terms: readonly string[];
  /** the words the user typed score 1; equivalents from the glossary a little less */
  weight: number;
}

/** One thing the question asks about: a word, or a phrase and its equivalents. */
export interface QueryGroup {
  /** as the user wrote it (corrected): "disguised compliance" */
  surface: string;
  alternatives: readonly Alternative[];
  /** false for words in so many lessons that matching them alone says nothing */
  strong: boolean;
}

export interface QueryPlan {
  groups: readonly QueryGroup[];
  /** positions in `corpus.themes` of the themes the question names */
  namedThemes: readonly number[];
}
