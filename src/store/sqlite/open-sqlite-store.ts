import type { Logger, Store } from '../../core/ports.ts';
import { SqlStore } from '../sql/sql-store.ts';
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
): Promise<Store> {
  const db = await openSqliteDatabase(path, display);
  try {
    await migrateSqlite(db, display, logger);
  } catch (error) {
    db.close();
    throw error;
  }
  logger.info('store opened', { dialect: 'sqlite', database: display });
  return new SqlStore(sqliteDb(db));
}
