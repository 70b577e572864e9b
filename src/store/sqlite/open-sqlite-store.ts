import type { DatabaseSync } from 'node:sqlite';
import type { Logger, Store } from '../../core/index.ts';
import { describeError } from '../../core/index.ts';
import { openSqlStore } from '../sql/sql-store.ts';
import { StoreError } from '../store-errors.ts';
import { migrateSqlite } from './migrate-sqlite.ts';
import { openSqliteDatabase } from './open-sqlite.ts';
import { sqliteDb } from './sqlite-db.ts';

/**
 * The embedded store: one file, one process at a time in normal use (two processes are
 * safe, just not faster). A single process needs no run coordinator for its cron jobs.
 */
export async function openSqliteStore(
  path: string,
  display: string,
  logger: Logger,
  pseudonyms?: { key?: string },
): Promise<Store> {
  const db = await openSqliteDatabase(path, display);
  try {
    checkIntegrity(db, display);
    await migrateSqlite(db, display, logger);
  } catch (error) {
    db.close();
    throw error;
  }
  logger.info('store opened', { dialect: 'sqlite', database: display });
  return openSqlStore(sqliteDb(db), pseudonyms);
}

/**
 * PRAGMA quick_check reads every page (a few milliseconds for the bot's database): a
 * damaged file is refused at start, before the bot listens, rather than failing at the
 * first read of a damaged page while it looks healthy.
 */
function checkIntegrity(db: DatabaseSync, display: string): void {
  let verdict: string;
  try {
    verdict = db
      .prepare('PRAGMA quick_check(5)')
      .all()
      .map((row) => String(Object.values(row)[0]))
      .join('; ');
  } catch (error) {
    verdict = describeError(error);
  }
  if (verdict === 'ok') return;
  throw new StoreError(
    'store_unavailable',
    `The SQLite database (DATABASE_URL=${display}) is damaged: ${verdict.slice(0, 300)}. Restore it from a backup, or move it aside and start with a new file.`,
  );
}
