import type { DatabaseSync } from 'node:sqlite';
import type { Logger } from '../../core/index.ts';
import { latestVersion, pendingMigrations } from '../migration.ts';
import { sqliteMigrations } from './migrations.ts';
import { sqliteDb } from './sqlite-db.ts';

const VERSION_TABLE = `
CREATE TABLE IF NOT EXISTS schema_version (
  version     INTEGER PRIMARY KEY,
  description TEXT NOT NULL,
  applied_at  INTEGER NOT NULL
) STRICT`;

/**
 * Brings the schema up to date in one IMMEDIATE transaction: it takes the write lock
 * first, so of two processes starting on a new file one migrates and the other waits,
 * then finds nothing to do. Foreign keys are off meanwhile, because a migration may
 * rebuild a table that others refer to (SQLite cannot alter a CHECK), and that pragma
 * only takes effect outside a transaction; the references are checked before COMMIT.
 */
export async function migrateSqlite(
  db: DatabaseSync,
  where: string,
  logger: Logger,
): Promise<void> {
  db.exec('PRAGMA foreign_keys = OFF');
  try {
    await migrateInTransaction(db, where, logger);
  } finally {
    db.exec('PRAGMA foreign_keys = ON');
  }
  logger.debug('store schema up to date', { version: latestVersion(sqliteMigrations) });
}

/** Nothing else uses this connection meanwhile: the store is not open yet. */
async function migrateInTransaction(db: DatabaseSync, where: string, logger: Logger) {
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec(VERSION_TABLE);
    const row = db.prepare('SELECT COALESCE(MAX(version), 0) AS version FROM schema_version').get();
    const current = Number(row?.version ?? 0);
    const insert = db.prepare(
      'INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)',
    );
    const pending = pendingMigrations(sqliteMigrations, current, where);
    for (const migration of pending) {
      if (migration.sql !== '') db.exec(migration.sql);
      await migration.after?.(sqliteDb(db), logger);
      insert.run(migration.version, migration.description, Date.now());
      logger.info('store schema migrated', { dialect: 'sqlite', version: migration.version });
    }
    if (pending.length > 0) checkReferences(db);
    db.exec('COMMIT');
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

function checkReferences(db: DatabaseSync): void {
  const broken = db.prepare('PRAGMA foreign_key_check').all();
  if (broken.length > 0) {
    throw new Error(`the migrated schema has ${broken.length} rows whose references are broken`);
  }
}
