import { parse } from 'yaml';
import { NOT_ADMIN } from '../commands/index.ts';
import { BotError, CorpusError, formatProblem, isBotError } from '../errors.ts';
import { type Corpus, MAX_FILE_BYTES } from '../lessons/index.ts';
import type { Reply } from '../model/index.ts';
import { approveDraft } from './approve-draft.ts';
import { type ChatImportReply, type DraftAction, draftCard } from './draft-card.ts';
import type { DraftShelf, StoredDraft } from './draft-shelf.ts';
import type { ImportFn } from './import-document.ts';
import { describeLimits, IMPORT_LIMITS, megabytes } from './limits.ts';

/** A file sent to the bot in chat, not yet downloaded. */
export interface ChatUpload {
  fileName: string;
  /** the size the platform declares, when it does: checked before anything is downloaded */
  size?: number;
  /**
   * Fetches the bytes, at most `maxBytes` of them: the adapter checks where it downloads
   * from and stops reading past the limit (BotError document_too_large).
   */
  download(maxBytes: number): Promise<Uint8Array>;
}

/** Who sent it: admin rights come from configuration, never from the message. */
export interface ChatSender {
  /** platform-prefixed: "slack:U123", "teams:<aad object id>" */
  actor: string;
  isAdmin: boolean;
}

export interface ChatImportDeps {
  /** the importer, in a worker thread with limits (adapters/documents) */
  importDocument: ImportFn;
  shelf: DraftShelf;
  /** the live corpus: its vocabulary and review ids */
  corpus(): Corpus;
  /** YYYY-MM-DD */
  today(): string;
  /** active subscriptions, for "Publish to N channels"; 0 without a database */
  activeChannels(): Promise<number>;
  /** loads the corpus now that a review went live, rather than waiting for the watcher */
  reload?(): Promise<unknown>;
  /** `publish <review>` as the command runs it; absent without a database */
  publish?(actor: string, reviewId: string): Promise<Reply>;
  /** the audit log: every admin action, and every refusal */
  audit?(actor: string, action: string, detail: Record<string, unknown>): Promise<void>;
}

export interface ChatImport {
  /** a file sent in a direct message: a document to import, or an edited draft */
  receive(upload: ChatUpload, sender: ChatSender): Promise<ChatImportReply>;
  /** a button on a draft card */
  act(action: DraftAction, sender: ChatSender): Promise<ChatImportReply>;
}

const DOCUMENT_EXTENSIONS = new Set(['pdf', 'docx', 'docm', 'html', 'htm', 'xhtml', 'txt', 'md']);
const DRAFT_EXTENSIONS = new Set(['yaml', 'yml']);
const DRAFT_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const SUPPORTED =
  'a PDF, a Word file (.docx), a web page (.html) or text (.txt, .md), or an edited draft (.yaml)';

function extensionOf(fileName: string): string {
  return /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
}

function errorReply(error: BotError): Reply {
  return { kind: 'error', code: error.code, message: error.message, suggestions: [] };
}

/**
 * Importing a review in chat, for an office without a shell: an admin sends the document
 * in a direct message and gets a draft card; the card's buttons approve, hand back the
 * draft to edit, or discard it; an edited draft sent back replaces it. Everyone else gets
 * the polite refusal, before anything is downloaded or kept.
 */
export function createChatImport(deps: ChatImportDeps): ChatImport {
  const audit = (sender: ChatSender, action: string, detail: Record<string, unknown>) =>
    deps.audit?.(sender.actor, action, detail).catch(() => undefined);

  async function guarded(
    sender: ChatSender,
    action: string,
    run: () => Promise<ChatImportReply>,
  ): Promise<ChatImportReply> {
    if (!sender.isAdmin) {
      const platform = sender.actor.slice(0, Math.max(0, sender.actor.indexOf(':')));
      await audit(sender, action, { outcome: 'refused', platform });
      return NOT_ADMIN;
    }
    try {
      return await run();
    } catch (error) {
      if (error instanceof CorpusError)
        return {
          kind: 'draft-problems',
          id: null,
          what: 'draft',
          problems: error.problems.map(formatProblem),
        };
      if (isBotError(error)) return errorReply(error);
      throw error;
    }
  }

  async function importUpload(upload: ChatUpload, sender: ChatSender): Promise<ChatImportReply> {
    const bytes = await upload.download(IMPORT_LIMITS.maxBytes);
    const corpus = deps.corpus();
    const { draft, yaml } = await deps.importDocument(
      { bytes, fileName: upload.fileName },
      { vocabulary: corpus, liveReviewIds: new Set(corpus.reviewById.keys()), today: deps.today() },
    );
    const id = draft.review.id;
    const kept = await deps.shelf.get(id);
    if (kept !== undefined) {
      // The kept draft may hold someone's edits: it is shown, never overwritten.
      const again = `A draft of this review is kept already, perhaps with edits: this card is that draft, not "${upload.fileName}". To start again from the document, Discard it and send the document again.`;
      return cardOf(kept, kept.display, [again], false);
    }
    const saved = await deps.shelf.save(id, yaml, { replace: false });
    await audit(sender, 'import.draft', { draft: id });
    return cardOf(saved, upload.fileName, draft.warnings, false);
  }

  async function cardOf(
    draft: StoredDraft,
    fileName: string,
    warnings: string[],
    replaced: boolean,
  ): Promise<ChatImportReply> {
    const problems = (await deps.shelf.check(draft)).map(formatProblem);
    return {
      kind: 'draft',
      card: draftCard(draft.id, draft.text, { fileName, warnings, problems, replaced }),
    };
  }

  async function editedDraft(upload: ChatUpload, sender: ChatSender): Promise<ChatImportReply> {
    const bytes = await upload.download(MAX_FILE_BYTES);
    const problems = (list: string[]): ChatImportReply => ({
      kind: 'draft-problems',
      id: null,
      what: upload.fileName,
      problems: list.map((problem) => `${upload.fileName}: ${problem}`),
    });
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return problems(['is not text (UTF-8): save the draft as plain text with a .yaml name']);
    }
    let data: unknown;
    try {
      data = parse(text);
    } catch (error) {
      const where = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
      return problems([
        `${where ? `line ${where}: ` : ''}the YAML does not read — compare it with the draft the bot sent (indentation, a missing colon or quote)`,
      ]);
    }
    const id = (data as { id?: unknown } | null)?.id;
    if (typeof id !== 'string' || !DRAFT_ID.test(id))
      return problems([
        'id: missing or not a review id — keep the "id:" line of the draft, lower-case words joined by hyphens',
      ]);
    const replaced = (await deps.shelf.get(id)) !== undefined;
    const saved = await deps.shelf.save(id, text, { replace: true });
    await audit(sender, 'import.edit', { draft: id, replaced });
    return cardOf(saved, upload.fileName, [], replaced);
  }

  async function approve(id: string, sender: ChatSender): Promise<ChatImportReply> {
    // approveDraft's own answer names the command line; a card's button gets chat words.
    if ((await deps.shelf.get(id)) === undefined) throw gone(id);
    try {
      const approved = await approveDraft(id, deps.shelf, deps.today());
      await audit(sender, 'import.approve', { review: approved.reviewId });
      // The watcher would load it too; loading it now lets Publish find it at once.
      await deps.reload?.().catch(() => undefined);
      return {
        kind: 'draft-live',
        reviewId: approved.reviewId,
        title: approved.title,
        lessons: approved.lessons,
        channels: await deps.activeChannels(),
      };
    } catch (error) {
      if (error instanceof CorpusError)
        return {
          kind: 'draft-problems',
          id,
          what: 'approve',
          problems: error.problems.map(formatProblem),
        };
      throw error;
    }
  }

  async function act(action: DraftAction, sender: ChatSender): Promise<ChatImportReply> {
    switch (action.kind) {
      case 'draft-approve':
        return approve(action.id, sender);
      case 'draft-edit': {
        const draft = await deps.shelf.get(action.id);
        if (draft === undefined) throw gone(action.id);
        return { kind: 'draft-text', id: draft.id, fileName: `${draft.id}.yaml`, text: draft.text };
      }
      case 'draft-discard': {
        if (!(await deps.shelf.discard(action.id))) throw gone(action.id);
        await audit(sender, 'import.discard', { draft: action.id });
        return { kind: 'draft-discarded', id: action.id };
      }
      case 'draft-publish':
        if (!deps.publish)
          throw new BotError(
            'not_available',
            'Publishing needs the database, which is not switched on here (DATABASE_URL).',
          );
        return deps.publish(sender.actor, action.reviewId);
    }
  }

  return {
    receive: (upload, sender) =>
      guarded(sender, 'import', async () => {
        const extension = extensionOf(upload.fileName);
        const isDraft = DRAFT_EXTENSIONS.has(extension);
        if (!isDraft && !DOCUMENT_EXTENSIONS.has(extension))
          throw new BotError(
            'document_unsupported',
            `"${upload.fileName.slice(0, 120)}" is not a kind of file the bot reads. Send ${SUPPORTED}.`,
          );
        const limit = isDraft ? MAX_FILE_BYTES : IMPORT_LIMITS.maxBytes;
        if (upload.size !== undefined && upload.size > limit)
          throw tooLarge(upload.fileName, upload.size, isDraft);
        return isDraft ? editedDraft(upload, sender) : importUpload(upload, sender);
      }),
    act: (action, sender) => guarded(sender, action.kind, () => act(action, sender)),
  };
}

/** The same words whether the size was declared or found while downloading. */
export function tooLarge(fileName: string, size: number, isDraft = false): BotError {
  return new BotError(
    'document_too_large',
    isDraft
      ? `"${fileName.slice(0, 120)}" is ${megabytes(size)}; a draft is at most ${megabytes(MAX_FILE_BYTES)}. Is it the draft the bot sent?`
      : `"${fileName.slice(0, 120)}" is ${megabytes(size)}; the importer reads files of ${describeLimits()}. Send the part with the learning, or write the review file by hand.`,
  );
}

function gone(id: string): BotError {
  return new BotError(
    'draft_not_found',
    `The draft "${id.slice(0, 80)}" is no longer kept: it was approved or discarded. Send the document again to start a new one.`,
  );
}
