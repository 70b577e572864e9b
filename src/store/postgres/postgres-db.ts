import type { Pool, PoolClient } from 'pg';
import type { Decode, Row } from '../rows.ts';
import type { SqlDb } from '../sql/sql-db.ts';

/** pg already turns timestamptz into Date, text[] into arrays and json into values. */
export const postgresDecode: Decode = {
  date: (value) => (value instanceof Date ? value : new Date(String(value))),
  strings: (value) => (Array.isArray(value) ? value.map(String) : []),
  object: (value) =>
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {},
};

/**
 * SqlDb over a pg Pool: each statement runs on whichever connection is free, in
 * autocommit. Over one client (a migration's): in that client's transaction; closing it
 * is its owner's business.
 */
export function postgresDb(on: Pool | PoolClient): SqlDb {
  return {
    async query(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
      const result = await on.query(sql, params as unknown[]);
      return result.rows as Row[];
    },
    date(value: Date): Date {
      if (Number.isNaN(value.getTime()))
        throw new RangeError('the store was given an invalid Date');
      return value;
    },
    strings: (values) => [...values],
    inList: (column, param) => `${column} = ANY(${param}::text[])`,
    jsonElements: (param) => `json_array_elements(${param}::json) WITH ORDINALITY AS k(value, n)`,
    randomText: 'md5(random()::text || clock_timestamp()::text)',
    decode: postgresDecode,
    close: async () => {
      if ('end' in on && !('release' in on)) await on.end();
    },
  };
}
