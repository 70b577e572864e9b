/**
 * Every number that shapes what search returns, each with why it has its value. A change
 * here changes answers: run `npm run eval` before and after (docs/search.md).
 */

/**
 * How much a match in each field of a lesson counts (MiniSearch's field boosts).
 * `themes`, `agencies` and `review` hold one tag per value (`~theme:neglect`), matched
 * when the question names the concept.
 */
export const FIELD_BOOSTS = {
  /** Our one-line summary of the lesson's point: a word there is what the lesson is about. */
  title: 2.5,
  /** The text quoted from the review: the reference. */
  text: 1,
  /** The reflective questions are ours and general ("what would I do …"): they say less. */
  questions: 0.5,
  /** A curated theme is the surest sign of what a lesson is about, after its title. */
  themes: 1.5,
  /** Agencies say whom a lesson is for, not what it is about. */
  agencies: 0.7,
  /** The review a lesson comes from, named in the question ("Baby P"). */
  review: 1,
} as const;

/** The words the user typed (or their correction) count in full… */
export const TYPED_WEIGHT = 1;
/** …a glossary equivalent ("CSE" for "child sexual exploitation") almost as much… */
export const EQUIVALENT_WEIGHT = 0.9;
/** …a theme's or agency's other names less: related words rather than the same meaning. */
export const RELATED_WEIGHT = 0.6;
/** A lesson tagged with the theme, agency or review the question names. */
export const TAG_WEIGHT = 1;
/**
 * A word that is part of a theme's name ("exploitation" in "Child sexual exploitation")
 * also finds the lessons tagged with it, for less than the word itself…
 */
export const WORD_IN_THEME_WEIGHT = 0.5;
/** …unless the word is in the names of more themes than this, and so says nothing of which… */
export const MAX_THEMES_PER_WORD = 3;
/**
 * …or the theme is on more than this share of lessons: a hint that broad is worth little,
 * and would cost a pass over a good part of the index.
 */
export const MAX_HINTED_THEME_SHARE = 0.1;
/** A word completed from its beginning ("chrono") is a guess (MiniSearch's prefix weight). */
export const COMPLETION_WEIGHT = 0.8;
/** A concept with dozens of names would make one word cost dozens of lookups. */
export const MAX_ALTERNATIVES = 24;
/**
 * A concept's other name that is a word in more than this share of lessons ("care" for
 * children in care) is left out: lessons that merely use it are not about the concept.
 */
export const MAX_RELATED_WORD_SHARE = 0.5;

/**
 * A lesson tagged with a theme the question names ("lessons on neglect") is about it, where
 * another may only mention the word: its score is multiplied by this (document-boosts.ts).
 */
export const NAMED_THEME_BOOST = 1.5;
/**
 * The newest review's lessons score this much more than the oldest's, the others in
 * between: practice and guidance change, and of two equal answers the recent one serves
 * better. Small, so that it orders near-ties and never outweighs what a lesson says.
 */
export const RECENCY_BOOST = 0.05;

/**
 * How much of the question's meaning a lesson covers decides the order first (see
 * rank-results.ts). Each part of the question counts by how specific it is (its idf over
 * the lessons), times a share: a topic of the field (a theme or glossary term) or a review
 * named is what the question is about, and counts double a plain word…
 */
export const TOPIC_SHARE = 2;
/** …an agency named is context ("police"), and counts half a plain word. */
export const AGENCY_SHARE = 0.5;
/** The final score is coverage to this power times the lesson's BM25+ score. */
export const COVERAGE_POWER = 2;
/**
 * Lessons covering less than this share of the best lesson's coverage are left out: they
 * match only a side of the question ("off topic"), not what it is about.
 */
export const MIN_RELATIVE_COVERAGE = 0.5;
/**
 * A word in more than this share of lessons says little on its own ("child", "work"): a
 * question made only of such words, with no term of the field, is answered honestly with
 * nothing. Below `MIN_COMMON_LESSONS` lessons, shares are too noisy to judge.
 */
export const COMMON_SHARE = 0.5;
export const MIN_COMMON_LESSONS = 10;
