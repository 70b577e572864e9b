/**
 * One error type for everything a user can cause or an operator must fix, and the one
 * code union: a Reply's error code is one of these too.
 * `code` is stable (adapters and tests branch on it); `message` is safe to show
 * a user and says what to do; `cause` keeps the original, never logged as text.
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
  | 'search_index_damaged'
  | 'page_past_end'
  | 'not_admin'
  | 'not_available'
  | 'document_unsupported'
  | 'document_unreadable'
  | 'document_too_large'
  | 'document_no_learning'
  | 'draft_not_found'
  | 'draft_exists'
  | 'review_exists'
  | 'subscribe_invalid'
  | 'report_invalid'
  | 'reload_failed'
  /** an environment variable or the .env file: what to set is in the message */
  | 'config_invalid'
  | 'teams_credentials_incomplete'
  | 'teams_auth_required'
  | 'slack_auth_failed'
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
    { cause: error },
  );
}

/**
 * An error in words for whoever must act on it (the operator at start, the command line):
 * its message, or its code or class when it has none. Node reports a refused connection
 * to "localhost" as an AggregateError with an empty message, so the inner errors are read.
 * `short`: the first line, at most 120 characters, to quote in a sentence.
 */
export function describeError(error: unknown, short = false): string {
  if (short) return (describeError(error).split('\n')[0] ?? '').replace(/\.$/, '').slice(0, 120);
  if (error instanceof AggregateError && error.message === '') {
    const inner = [...new Set(error.errors.map((e) => describeError(e)))].join('; ');
    if (inner !== '') return inner;
  }
  if (!(error instanceof Error)) return String(error);
  if (error.message !== '') return error.message;
  const { code } = error as { code?: unknown };
  return typeof code === 'string' ? code : error.name;
}

/** An error's class, or what was thrown: safe to log, for it never quotes anyone. */
export function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

/**
 * The one rule for logging an error: its code (`internal` unless a BotError's) and class,
 * never its message, which could quote what a user typed or a request body. A foreign
 * error adds its own code as `reason` (`ECONNRESET`, a Web API's `channel_not_found`) and
 * its first `at …` frames: a message of several lines comes first in the stack too.
 */
export function errorLogFields(error: unknown): {
  code: ErrorCode;
  error: string;
  reason?: string;
  frames?: string[];
} {
  const fields = {
    code: toBotError(error).code,
    error: errorName(error),
  };
  if (isBotError(error) || !(error instanceof Error)) return fields;
  const { code, data } = error as { code?: unknown; data?: { error?: unknown } };
  const reason = typeof data?.error === 'string' ? data.error : code;
  const lines = error.stack?.split('\n').map((line) => line.trim()) ?? [];
  const frames = lines.filter((line) => line.startsWith('at ')).slice(0, 5);
  return {
    ...fields,
    ...(typeof reason === 'string' && { reason }),
    ...(frames.length && { frames }),
  };
}
