import pg from 'pg';
import type { Logger, Store } from '../../core/index.ts';
import { describeError } from '../../core/index.ts';
import { passwordOf, scrub } from '../scrub-password.ts';
import { openSqlStore } from '../sql/sql-store.ts';
import { StoreError } from '../store-errors.ts';
import { CONNECT_TIMEOUT_MS } from './connect-timeout.ts';
import { migratePostgres } from './migrate-postgres.ts';
import { postgresDb } from './postgres-db.ts';

/** The shared store for several replicas. `display` is the URL with its password masked. */
export async function openPostgresStore(
  url: string,
  display: string,
  logger: Logger,
  pseudonyms?: { key?: string },
): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    application_name: 'lessons-bot',
  });
  // without a listener, an idle connection dropped by the server would crash the process
  pool.on('error', (error) => {
    logger.warn('an idle PostgreSQL connection failed; the pool will open another', {
      error: scrub(describeError(error), passwordOf(url)),
    });
  });
  try {
    await migratePostgres(pool, display, logger);
  } catch (error) {
    await pool.end().catch(() => {});
    throw asStoreError(error, url, display);
  }
  logger.info('store opened', { dialect: 'postgres', database: display });
  return openSqlStore(postgresDb(pool), pseudonyms);
}

function asStoreError(error: unknown, url: string, display: string): StoreError {
  if (error instanceof StoreError) return error;
  const reason = scrub(describeError(error), passwordOf(url));
  return new StoreError(
    'store_unavailable',
    `Cannot open the PostgreSQL database at ${display} (DATABASE_URL): ${reason}. Check that PostgreSQL is running there and that the host, port, user, password and database in DATABASE_URL are right.`,
    { cause: error },
  );
}
