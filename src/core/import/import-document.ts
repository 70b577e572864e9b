import { BotError } from '../errors.ts';
import { buildDraft, type Draft, type DraftContext } from './build-draft.ts';
import type { DocumentInput, ReadDocumentFn } from './document.ts';
import { writeDraftYaml } from './write-draft.ts';

/** What a draft is made against: the live vocabulary and review ids, and today's date. */
export interface ImportContext extends DraftContext {
  /** today, YYYY-MM-DD, for the draft's notes */
  today: string;
}

export interface ImportDeps extends ImportContext {
  /** reads the document's bytes into blocks */
  read: ReadDocumentFn;
}

/**
 * importDocument with its reader bound: what a door calls. The bot's and the command
 * line's runs it in a worker thread with limits (adapters/documents/import-in-worker.ts).
 */
export type ImportFn = (input: DocumentInput, context: ImportContext) => Promise<ImportResult>;

export interface ImportResult {
  draft: Draft;
  /** the draft review file */
  yaml: string;
}

/**
 * A published review's document (bytes and file name) → a draft review: the one entry
 * point every door uses (the command line now, chat uploads later).
 * @throws BotError document_unsupported | document_unreadable | document_too_large |
 *   document_no_learning, each with a message that says what to do.
 */
export async function importDocument(
  input: DocumentInput,
  deps: ImportDeps,
): Promise<ImportResult> {
  const doc = await deps.read(input);
  const draft = buildDraft(doc, input.fileName, deps);
  if (draft === undefined)
    throw new BotError(
      'document_no_learning',
      `Found no learning points in "${input.fileName}", and no sentences that read as learning. ` +
        'Is it the review itself (or its briefing)? If it is, write the review file by hand: see docs/adding-a-review.md.',
    );
  return { draft, yaml: writeDraftYaml(draft, deps.today) };
}
