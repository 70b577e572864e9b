import type { Pool } from 'pg';
import type { Logger } from '../../core/index.ts';
import { pendingMigrations } from '../migration.ts';
import { advisoryLockKey } from './lock-key.ts';
import { postgresMigrations } from './migrations.ts';
import { postgresDb } from './postgres-db.ts';

const VERSION_TABLE = `
CREATE TABLE IF NOT EXISTS schema_version (
  version     integer PRIMARY KEY,
  description text NOT NULL,
  applied_at  timestamptz NOT NULL DEFAULT now()
)`;

/**
 * Brings the schema up to date in one transaction under an advisory lock, so that
 * replicas starting together on an empty database take turns: the first migrates, the
 * others wait for its commit and find nothing to do. DDL is transactional here, so a
 * failed migration leaves nothing half done.
 */
export async function migratePostgres(pool: Pool, where: string, logger: Logger): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [advisoryLockKey('migrations')]);
    await client.query(VERSION_TABLE);
    const { rows } = await client.query<{ version: number }>(
      'SELECT COALESCE(MAX(version), 0) AS version FROM schema_version',
    );
    for (const migration of pendingMigrations(postgresMigrations, rows[0]?.version ?? 0, where)) {
      if (migration.sql !== '') await client.query(migration.sql);
      await migration.after?.(postgresDb(client), logger);
      await client.query('INSERT INTO schema_version (version, description) VALUES ($1, $2)', [
        migration.version,
        migration.description,
      ]);
      logger.info('store schema migrated', { dialect: 'postgres', version: migration.version });
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
