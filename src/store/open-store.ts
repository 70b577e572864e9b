import type { Logger, Store } from '../core/index.ts';
import { silentLogger } from '../core/index.ts';
import { parseDatabaseUrl } from './parse-database-url.ts';
import { openPostgresStore } from './postgres/open-postgres-store.ts';
import { openSqliteStore } from './sqlite/open-sqlite-store.ts';

/**
 * Opens the store DATABASE_URL names and brings its schema up to date.
 * - unset: SQLite at ./data/lessons-bot.db (the folder is created)
 * - `sqlite:PATH` (relative to the working directory, or absolute), `sqlite::memory:`
 * - `postgres://…` or `postgresql://…`: PostgreSQL, for several replicas
 *
 * Fails with a StoreError: `store_url_invalid` (a form it does not know),
 * `store_unavailable` (cannot open or reach it, within a few seconds) or
 * `store_schema_newer` (a newer lessons-bot has used it). No message or log line
 * contains the URL's password.
 *
 * `pseudonyms`: people's ids are kept as keyed pseudonyms (`key`: PERSON_KEY; without it a
 * random key kept in the database), as the bot always opens it; absent: as given.
 *
 * @example
 *   const store = await openStore(process.env.DATABASE_URL, { logger });
 */
export async function openStore(
  databaseUrl: string | undefined,
  options: { logger?: Logger; pseudonyms?: { key?: string } } = {},
): Promise<Store> {
  const logger = (options.logger ?? silentLogger).child({ component: 'store' });
  const location = parseDatabaseUrl(databaseUrl);
  if (location.dialect === 'sqlite')
    return openSqliteStore(location.path, location.display, logger, options.pseudonyms);
  return openPostgresStore(location.url, location.display, logger, options.pseudonyms);
}
