/**
 * Importing a published review: a document's blocks → a draft review file, and approving
 * a draft into the corpus. The document readers (unpdf, mammoth, htmlparser2) are
 * adapters (src/adapters/documents); everything here is pure but for approve's shelf.
 */
export { type ApprovedReview, approveDraft, liveText } from './approve-draft.ts';
export {
  buildDraft,
  type Draft,
  type DraftContext,
  type DraftLesson,
  type DraftMode,
  type DraftReview,
  slugify,
} from './build-draft.ts';
export {
  type ChatImport,
  type ChatImportDeps,
  type ChatSender,
  type ChatUpload,
  createChatImport,
  tooLarge,
} from './chat-import.ts';
export {
  collapseSpace,
  comparable,
  fixSpacedHyphens,
  type HyphenJudge,
  hyphenJudge,
  joinLines,
} from './clean-text.ts';
export {
  CARD_LESSONS,
  type ChatImportReply,
  type DraftAction,
  type DraftCard,
  type DraftCardLesson,
  type DraftReply,
  draftCard,
  isDraftReply,
  readDraftAction,
  STALE_DRAFT_BUTTON,
} from './draft-card.ts';
export type { DraftShelf, StoredDraft } from './draft-shelf.ts';
export { findCandidates, learningScore } from './find-candidates.ts';
export { type FoundLesson, findLearning } from './find-learning.ts';
export { findMetadata, type ReviewMetadata } from './find-metadata.ts';
export {
  type ImportContext,
  type ImportDeps,
  type ImportFn,
  type ImportResult,
  importDocument,
} from './import-document.ts';
export { describeLimits, IMPORT_LIMITS, type ImportLimits, megabytes } from './limits.ts';
export type {
  Block,
  DocumentFormat,
  DocumentInput,
  ReadDocument,
  ReadDocumentFn,
} from './model.ts';
export { ITEM_MARKER, readText } from './read-text.ts';
export { writeDraftYaml } from './write-draft.ts';
