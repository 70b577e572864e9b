import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../../src/core/index.ts';
import { openStore } from '../../src/store/index.ts';
import { TEST_DATABASE_URL, TestSchemas } from '../store/helpers/postgres-schemas.ts';

/** The one database both replicas share, each through a Store of its own. */
export interface SharedDatabase {
  /** a new Store, with its own connection (a pool, on PostgreSQL) */
  open(): Promise<Store>;
  dispose(): Promise<void>;
}

/** Which one the simulation runs on, in words, for its title. */
export const DATABASE = TEST_DATABASE_URL
  ? 'PostgreSQL (TEST_DATABASE_URL, a fresh schema; a pool per replica)'
  : 'SQLite (one temporary file, a connection per replica; TEST_DATABASE_URL is not set)';

export async function sharedDatabase(): Promise<SharedDatabase> {
  if (TEST_DATABASE_URL) return postgres(TEST_DATABASE_URL);
  const folder = mkdtempSync(join(tmpdir(), 'lessons-bot-simulation-'));
  const url = `sqlite:${join(folder, 'shared.db')}`;
  return {
    open: () => openStore(url),
    dispose: async () => rmSync(folder, { recursive: true, force: true }),
  };
}

/**
 * A fresh schema. Its sessions commit without waiting for the WAL to reach the disk: the
 * simulation kills the bot's processes, not PostgreSQL, and a flush per commit would make
 * a year of posts take minutes here.
 */
async function postgres(base: string): Promise<SharedDatabase> {
  const schemas = new TestSchemas(base);
  const url = new URL((await schemas.create()).url);
  url.searchParams.set('options', `${url.searchParams.get('options')} -c synchronous_commit=off`);
  return {
    open: () => openStore(url.toString()),
    dispose: () => schemas.dropAll(),
  };
}
