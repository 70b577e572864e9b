import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  approveDraft,
  BotError,
  type CorpusProblem,
  type Draft,
  type DraftShelf,
  describeLimits,
  formatProblem,
  IMPORT_LIMITS,
  type ImportFn,
  loadCorpus,
  megabytes,
} from '../../core/index.ts';
import type { CliInvocation } from './cli-args.ts';
import type { OpenKept } from './run-export-command.ts';

/** What import and approve need from main.ts: a document reader and where drafts live. */
export interface ImportServices {
  /** imports a document: in a worker thread with limits, in the real command */
  importDocument: ImportFn;
  /** the drafts shelf for a lessons folder, and a drafts folder if --out gave one */
  drafts(lessonsDir: string, draftsDir?: string): DraftShelf;
  today(): string;
}

interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** `lessons-bot import FILE [--out DIR] [--replace] [--json]` */
export async function runImport(
  invocation: CliInvocation,
  services: ImportServices,
  io: Io,
): Promise<number> {
  const file = invocation.argument;
  const bytes = await readDocumentFile(file);
  const corpus = await loadCorpus(invocation.lessonsDir);
  const { draft, yaml } = await services.importDocument(
    { bytes, fileName: path.basename(file) },
    {
      vocabulary: corpus,
      liveReviewIds: new Set(corpus.reviewById.keys()),
      today: services.today(),
    },
  );
  const shelf = services.drafts(invocation.lessonsDir, invocation.flags.out);
  const saved = await shelf.save(draft.review.id, yaml, { replace: invocation.flags.replace });
  if (invocation.json) io.out(JSON.stringify(importJson(saved.display, draft), null, 2));
  else io.out(importText(saved.display, draft));
  return 0;
}

/** Reads the file, refusing what is not a file or is over the size limit before reading it. */
async function readDocumentFile(file: string): Promise<Uint8Array> {
  let size: number;
  try {
    const stats = await stat(file);
    if (!stats.isFile()) throw new BotError('command_invalid', `"${file}" is not a file.`);
    size = stats.size;
  } catch (error) {
    if (error instanceof BotError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new BotError(
      'command_invalid',
      code === 'ENOENT' ? `There is no file "${file}".` : `"${file}" cannot be read (${code}).`,
    );
  }
  if (size > IMPORT_LIMITS.maxBytes)
    throw new BotError(
      'document_too_large',
      `"${path.basename(file)}" is ${megabytes(size)}; the importer reads files of ${describeLimits()}. Import the part with the learning, or write the review file by hand.`,
    );
  return new Uint8Array(await readFile(file));
}

/** The JSON contract of `import --json` (issue 15); change it only additively. */
export function importJson(draftPath: string, draft: Draft) {
  return {
    draft: draftPath,
    review: draft.review,
    lessons: draft.lessons.map(({ id, title, text, page, themes, agencies }) => ({
      id,
      title,
      text,
      page,
      themes,
      agencies,
    })),
    warnings: draft.warnings,
  };
}

const FORMATS = { pdf: 'PDF', docx: 'Word', html: 'web page', text: 'text' } as const;

function importText(draftPath: string, draft: Draft): string {
  const { review, lessons, source } = draft;
  const what = `${FORMATS[source.format]}${source.pages ? `, ${source.pages} pages` : ''}`;
  const noun =
    draft.mode === 'candidates'
      ? `${lessons.length} candidate sentence${lessons.length === 1 ? '' : 's'}`
      : `${lessons.length} learning point${lessons.length === 1 ? '' : 's'}`;
  const facts = [review.title, review.partnership, review.kind, review.published]
    .map((v) => v ?? '?')
    .join(' · ');
  const lines = [
    `Drafted ${draftPath} from "${source.fileName}" (${what}): ${noun}.`,
    `  ${facts}`,
    ...lessons.map((lesson, i) => {
      const page = lesson.page === null ? '' : `(p. ${lesson.page}) `;
      const start = lesson.text.length > 90 ? `${lesson.text.slice(0, 89)}…` : lesson.text;
      return `  ${i + 1}. ${page}${start}`;
    }),
    'Check:',
    ...draft.warnings.map((warning) => `  - ${warning}`),
    `The draft is not served to anyone. Check it against the document (every "check:" note), then: lessons-bot approve ${review.id}`,
  ];
  return lines.join('\n');
}

/**
 * `lessons-bot approve DRAFT_ID`: a file draft (lessons/drafts/, or --out DIR) goes live
 * in the lessons folder; failing that, a draft made in chat, kept in the database, goes
 * live in the database.
 */
export async function runApprove(
  invocation: CliInvocation,
  services: ImportServices,
  io: Io,
  openKept?: OpenKept,
): Promise<number> {
  const id = invocation.argument;
  const shelf = services.drafts(invocation.lessonsDir, invocation.flags.out);
  const inStore =
    openKept && invocation.flags.out === undefined && (await shelf.get(id)) === undefined;
  const kept = inStore ? await openKept() : undefined;
  let approved: Awaited<ReturnType<typeof approveDraft>>;
  try {
    const storeShelf = kept?.drafts(invocation.lessonsDir);
    const fromStore = storeShelf !== undefined && (await storeShelf.get(id)) !== undefined;
    approved = await approveDraft(id, fromStore ? storeShelf : shelf, services.today());
    if (fromStore) await kept?.audit('import.approve', { review: approved.reviewId });
  } finally {
    await kept?.close();
  }
  if (invocation.json) {
    io.out(JSON.stringify({ approved }, null, 2));
    return 0;
  }
  const count = approved.lessons === 1 ? '1 lesson' : `${approved.lessons} lessons`;
  io.out(
    [
      `Approved ${approved.title}: ${count} now live in ${approved.location}.`,
      'A running bot loads it within seconds (an admin can also send it "reload").',
      `To announce it to every subscribed channel: lessons-bot ${approved.announce}  (or "${approved.announce}" to the bot)`,
    ].join('\n'),
  );
  return 0;
}

export interface DraftCheck {
  id: string;
  file: string;
  ok: boolean;
  problems: CorpusProblem[];
}

/** Every draft checked with the live corpus, for validate. */
export async function checkDrafts(shelf: DraftShelf): Promise<DraftCheck[]> {
  const drafts = await shelf.list();
  return Promise.all(
    drafts.map(async (draft) => {
      const problems = await shelf.check(draft);
      return { id: draft.id, file: draft.display, ok: problems.length === 0, problems };
    }),
  );
}

/** validate's lines about drafts: which files are drafts, and what each still needs. */
export function draftLines(checks: readonly DraftCheck[], io: Io): void {
  for (const check of checks) {
    if (check.ok) {
      io.out(
        `${check.file}: a draft, not served; valid: lessons-bot approve ${check.id} makes it live.`,
      );
      continue;
    }
    io.err(
      `${check.file}: a draft, not served; it has ${plural(check.problems.length, 'problem')}:`,
    );
    for (const problem of check.problems) io.err(`  ${formatProblem(problem)}`);
  }
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
