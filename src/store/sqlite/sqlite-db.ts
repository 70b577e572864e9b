import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import type { Decode, Row } from '../rows.ts';
import type { SqlDb } from '../sql/sql-db.ts';

/** Dates are stored as epoch milliseconds; lists and objects as JSON text. */
export const sqliteDecode: Decode = {
  date: (value) => new Date(Number(value)),
  strings: (value) => JSON.parse(String(value)) as string[],
  object: (value) => JSON.parse(String(value)) as Record<string, unknown>,
};

/**
 * SqlDb over node:sqlite. Its calls are synchronous, so each statement runs to its end
 * before any other code in this process; other processes are kept out by SQLite's
 * own locks (each INSERT/UPDATE takes the write lock when it starts).
 */
export function sqliteDb(db: DatabaseSync): SqlDb {
  const statements = new Map<string, StatementSync>();
  const prepare = (sql: string): StatementSync => {
    let statement = statements.get(sql);
    if (!statement) {
      // `$1` (the shared SQL's style) becomes the named parameter `$p1`, bound by name
      statement = db.prepare(sql.replace(/\$(\d+)/g, '$$p$1'));
      statements.set(sql, statement);
    }
    return statement;
  };
  return {
    async query(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
      const named: Record<string, SQLInputValue> = {};
      params.forEach((value, i) => {
        named[`p${i + 1}`] = value as SQLInputValue;
      });
      return prepare(sql).all(named) as Row[];
    },
    date: toMillis,
    strings: (values) => JSON.stringify(values),
    inList: (column, param) => `${column} IN (SELECT value FROM json_each(${param}))`,
    jsonElements: (param) => `(SELECT value, key AS n FROM json_each(${param})) AS k`,
    randomText: 'lower(hex(randomblob(16)))',
    decode: sqliteDecode,
    async close() {
      statements.clear();
      if (db.isOpen) db.close();
    },
  };
}

function toMillis(value: Date): number {
  const ms = value.getTime();
  if (Number.isNaN(ms)) throw new RangeError('the store was given an invalid Date');
  return ms;
}
