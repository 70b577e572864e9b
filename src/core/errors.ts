/**
 * One error type for everything a user can cause or an operator must fix.
 * `code` is stable (adapters and tests branch on it); `message` is safe to show
 * a user and says what to do; `cause` keeps the original for the logs.
 */
export type ErrorCode =
  | 'corpus_invalid'
  | 'corpus_not_found'
  | 'lesson_not_found'
  | 'review_not_found'
  | 'theme_not_found'
  | 'command_unknown'
  | 'command_invalid'
  | 'query_empty'
  | 'query_too_long'
  | 'search_index_version'
  | 'not_admin'
  | 'not_available'
  | 'document_unsupported'
  | 'document_unreadable'
  | 'document_too_large'
  | 'document_no_learning'
  | 'draft_not_found'
  | 'draft_exists'
  | 'review_exists'
  /** DATABASE_URL is not a form the store understands */
  | 'store_url_invalid'
  /** the database could not be opened, reached or written */
  | 'store_unavailable'
  /** the database was written by a newer lessons-bot */
  | 'store_schema_newer'
  | 'internal';

export class BotError extends Error {
  override name = 'BotError';
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** A problem found in the corpus, located as precisely as the source allows. */
export interface CorpusProblem {
  /** path as given to the loader, relative where possible */
  file: string;
  /** 1-based line, when the problem can be placed */
  line?: number;
  /** dotted path inside the file, e.g. `lessons[2].themes[0]` */
  field?: string;
  /** what is wrong */
  message: string;
  /** how to fix it */
  fix?: string;
}

/** `file:line: field: what is wrong — how to fix it` */
export function formatProblem(p: CorpusProblem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  const field = p.field ? ` ${p.field}:` : '';
  const fix = p.fix ? ` — ${p.fix}` : '';
  return `${where}:${field} ${p.message}${fix}`;
}

/** The corpus could not be loaded; `problems` lists every problem found, not just the first. */
export class CorpusError extends BotError {
  override name = 'CorpusError';
  readonly problems: readonly CorpusProblem[];

  constructor(problems: readonly CorpusProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(
      'corpus_invalid',
      `The lessons corpus has ${count}:\n${problems.map(formatProblem).join('\n')}`,
    );
    this.problems = problems;
  }
}

export function isBotError(error: unknown): error is BotError {
  return (
    error instanceof BotError ||
    (error instanceof Error &&
      (error.name === 'BotError' || error.name === 'CorpusError') &&
      'code' in error)
  );
}

/** Wraps anything thrown into a BotError, so that every boundary handles one type. */
export function toBotError(error: unknown): BotError {
  if (isBotError(error)) return error;
  return new BotError(
    'internal',
    'Something went wrong on our side. Please try again; if it keeps happening, tell whoever runs the bot.',
    {
      cause: error,
    },
  );
}
