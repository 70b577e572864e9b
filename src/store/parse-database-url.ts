import { resolve } from 'node:path';
import { redactUrl } from './redact-url.ts';
import { StoreError } from './store-errors.ts';

/** Where the store lives, as read from DATABASE_URL. */
export type DatabaseLocation =
  /** `path` is absolute, or `:memory:` */
  | { dialect: 'sqlite'; path: string; display: string }
  /** `display` is the URL with its password masked; `url` must never be logged */
  | { dialect: 'postgres'; url: string; display: string };

export const DEFAULT_SQLITE_PATH = './data/lessons-bot.db';

const ACCEPTED = `leave it unset for SQLite at ${DEFAULT_SQLITE_PATH}, or set it to sqlite:PATH (e.g. sqlite:./data/lessons-bot.db or sqlite:/var/lib/lessons-bot/bot.db), sqlite::memory: (nothing kept), or postgres://user:password@host:5432/database (postgresql:// also works)`;

/**
 * Reads DATABASE_URL. Unset → the default SQLite file; relative SQLite paths are
 * resolved against `cwd`. Anything unrecognised is refused rather than guessed at.
 */
export function parseDatabaseUrl(
  value: string | undefined,
  cwd: string = process.cwd(),
): DatabaseLocation {
  if (value === undefined) return sqliteAt(DEFAULT_SQLITE_PATH, cwd);
  const trimmed = value.trim();
  if (trimmed === '') {
    throw invalid('DATABASE_URL is set but empty');
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme === 'sqlite') return parseSqlite(trimmed, cwd);
  if (scheme === 'postgres' || scheme === 'postgresql') return parsePostgres(trimmed);
  throw invalid(`DATABASE_URL "${redactUrl(trimmed)}" is not a database URL lessons-bot knows`);
}

function parseSqlite(value: string, cwd: string): DatabaseLocation {
  let path = value.slice('sqlite:'.length);
  // sqlite:///abs/file.db is the URL spelling of /abs/file.db; sqlite://file.db of file.db
  if (path.startsWith('//')) path = path.slice(2);
  if (path === ':memory:') return { dialect: 'sqlite', path, display: 'sqlite::memory:' };
  if (path.trim() === '') throw invalid('DATABASE_URL "sqlite:" names no file');
  return sqliteAt(path, cwd);
}

function sqliteAt(path: string, cwd: string): DatabaseLocation {
  const absolute = resolve(cwd, path);
  return { dialect: 'sqlite', path: absolute, display: `sqlite:${absolute}` };
}

function parsePostgres(value: string): DatabaseLocation {
  const display = redactUrl(value);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid(`DATABASE_URL "${display}" is not a valid URL`);
  }
  if (url.hostname === '' && !url.searchParams.has('host')) {
    throw invalid(`DATABASE_URL "${display}" names no host`);
  }
  return { dialect: 'postgres', url: value, display };
}

function invalid(problem: string): StoreError {
  return new StoreError('store_url_invalid', `${problem}: ${ACCEPTED}.`);
}
