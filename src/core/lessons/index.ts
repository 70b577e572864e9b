/** The corpus of lessons: loading and validating the `lessons/` folder. */

export type { CorpusValidation } from './check-corpus-folder.ts';
export { checkDraftWith } from './check-draft.ts';
export {
  type KeptText,
  keptDisplay,
  loadCorpusWithKept,
  unkeepableText,
  withKeptFiles,
} from './check-with-kept.ts';
export { displayPath } from './display-path.ts';
export type {
  KeptReview,
  KeptReviews,
  KeptState,
  LiveChange,
  MakeLiveResult,
} from './kept-reviews.ts';
export { loadCorpus, validateCorpus } from './load-corpus.ts';
export { MAX_FILE_BYTES, readCorpusFolder, whyNotAFolder } from './read-corpus-folder.ts';
export type { Agency, ConceptEntry, GlossaryEntry, ReviewKind, Theme } from './schema.ts';
export { candidateMap, suggestName } from './suggest-name.ts';
export { summariseCorpus } from './summarise-corpus.ts';
export type { Corpus, Lesson, Review } from './types.ts';
