/**
 * Importing a published review: a document's blocks → a draft review file, and approving
 * a draft into the corpus. The document readers (unpdf, mammoth, htmlparser2) are
 * adapters (src/adapters/documents); everything here is pure but for approve's shelf.
 */
export { approveDraft } from './approve-draft.ts';
export { buildDraft, type Draft } from './build-draft.ts';
export { type ChatImport, type ChatSender, createChatImport, tooLarge } from './chat-import.ts';
export {
  collapseSpace,
  comparable,
  fixSpacedHyphens,
  type HyphenJudge,
  hyphenJudge,
  joinLines,
} from './clean-text.ts';
export type { DocumentInput, ReadDocument, ReadDocumentFn, TextBlock } from './document.ts';
export {
  type ChatImportReply,
  type DraftAction,
  type DraftCard,
  type DraftReply,
  isDraftReply,
  readDraftAction,
} from './draft-card.ts';
export type { DraftShelf, StoredDraft } from './draft-shelf.ts';
export {
  type ImportContext,
  type ImportFn,
  type ImportResult,
  importDocument,
} from './import-document.ts';
export { describeLimits, IMPORT_LIMITS, type ImportLimits, megabytes } from './limits.ts';
export { ITEM_MARKER, readText } from './read-text.ts';
