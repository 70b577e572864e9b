import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL the tests may use, or undefined (the tests then say they were skipped). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || undefined;

export const SKIP_NOTE = 'skipped: set TEST_DATABASE_URL=postgres://… to run it';

let warned = false;

/** Says once per test file, on stderr too, that PostgreSQL was not tested. */
export function warnIfSkipped(): void {
  if (TEST_DATABASE_URL || warned) return;
  warned = true;
  console.warn(
    'PostgreSQL store tests SKIPPED: TEST_DATABASE_URL is not set. Set it, e.g. TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test, to run them (.ci/run does).',
  );
}

/**
 * Fresh schemas in the test database, one per store, so that parallel test files and
 * tests never see each other's rows. A URL's search_path points its connections there.
 */
export class TestSchemas {
  readonly #base: string;
  readonly #created: string[] = [];

  constructor(base: string) {
    this.#base = base;
  }

  /** a new empty schema, and a URL whose connections use it */
  async create(): Promise<{ schema: string; url: string }> {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    await this.admin(`CREATE SCHEMA ${schema}`);
    this.#created.push(schema);
    return { schema, url: urlFor(this.#base, schema) };
  }

  /** runs one statement on a connection of its own */
  async admin<T extends pg.QueryResultRow = pg.QueryResultRow>(
    sql: string,
    params: unknown[] = [],
  ): Promise<T[]> {
    const client = new pg.Client({ connectionString: this.#base });
    await client.connect();
    try {
      return (await client.query<T>(sql, params)).rows;
    } finally {
      await client.end();
    }
  }

  async dropAll(): Promise<void> {
    if (this.#created.length === 0) return;
    // One schema per statement: dropping them all at once takes a lock per table in one
    // transaction, and enough schemas run out of PostgreSQL's lock table.
    for (const schema of this.#created) await this.admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    this.#created.length = 0;
  }
}

export function urlFor(base: string, schema: string): string {
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}
