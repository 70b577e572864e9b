import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { setTimeout as sleep } from 'node:timers/promises';
import { describeError } from '../../core/errors.ts';
import { StoreError } from '../store-errors.ts';

/** How long a statement waits for another process's write lock before it gives up. */
export const BUSY_TIMEOUT_MS = 10_000;

/** SQLite's primary result code for "another connection holds the lock" */
const SQLITE_BUSY = 5;

/**
 * Opens (creating it and its folder if need be) a SQLite database, set up for several
 * processes at once: WAL lets readers and one writer work together; the busy timeout
 * makes a second writer wait instead of failing.
 */
export async function openSqliteDatabase(path: string, display: string): Promise<DatabaseSync> {
  if (path !== ':memory:') createFolder(path, display);
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(path, { timeout: BUSY_TIMEOUT_MS, enableForeignKeyConstraints: true });
  } catch (error) {
    throw unavailable(`Cannot open the SQLite database ${path}`, display, error);
  }
  try {
    await useWal(db);
    // with WAL, NORMAL loses at most the last commits on power loss, never consistency
    db.exec('PRAGMA synchronous = NORMAL');
    db.exec('PRAGMA foreign_keys = ON');
  } catch (error) {
    db.close();
    throw unavailable(`Cannot use ${path} as a SQLite database`, display, error);
  }
  return db;
}

/**
 * Switching a file to WAL takes an exclusive lock for a moment, and SQLite answers
 * "database is locked" at once rather than wait the busy timeout: two processes starting
 * together on a new file would fail. So the switch is retried, within the same timeout.
 */
async function useWal(db: DatabaseSync): Promise<void> {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      db.exec('PRAGMA journal_mode = WAL');
      return;
    } catch (error) {
      if (!isBusy(error) || Date.now() > deadline) throw error;
      await sleep(10 + Math.random() * 40);
    }
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { errcode?: unknown } | undefined)?.errcode;
  return typeof code === 'number' && (code & 0xff) === SQLITE_BUSY;
}

/**
 * Makes the missing folders one by one from the nearest that exists. Not mkdirSync's
 * `recursive`: under a folder that exists but cannot hold others (/proc, a dangling
 * symlink) it goes back and forth for ever.
 */
function createFolder(path: string, display: string): void {
  const folder = dirname(path);
  const missing: string[] = [];
  for (let at = folder; !existsSync(at) && dirname(at) !== at; at = dirname(at)) {
    missing.unshift(at);
  }
  for (const step of missing) {
    try {
      mkdirSync(step);
    } catch (error) {
      // another process may have made it meanwhile
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && existsSync(step)) continue;
      throw unavailable(
        `Cannot create the folder ${folder} for the SQLite database`,
        display,
        error,
      );
    }
  }
}

function unavailable(problem: string, display: string, cause: unknown): StoreError {
  return new StoreError(
    'store_unavailable',
    `${problem} (DATABASE_URL=${display}): ${describeError(cause)}. Make the place writable, or point DATABASE_URL at another file (sqlite:PATH).`,
    { cause },
  );
}
