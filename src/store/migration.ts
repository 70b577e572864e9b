import type { Logger } from '../core/index.ts';
import type { SqlDb } from './sql/sql-db.ts';
import { StoreSchemaNewerError } from './store-errors.ts';

/**
 * One step of a dialect's schema. Versions start at 1 and have no gaps; a released
 * migration is never edited, only followed by a new one. `sql` runs first; `after`, when
 * given, then changes rows in code shared by both dialects, in the same transaction.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
  after?: (db: SqlDb, logger: Logger) => Promise<void>;
}

/** The versions still to apply, or a refusal when the database is ahead of the code. */
export function pendingMigrations(
  migrations: readonly Migration[],
  databaseVersion: number,
  where: string,
): Migration[] {
  const known = latestVersion(migrations);
  if (databaseVersion > known) throw new StoreSchemaNewerError(where, databaseVersion, known);
  return migrations.filter((m) => m.version > databaseVersion);
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}
