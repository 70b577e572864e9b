import type { Decode, Row } from '../rows.ts';

/**
 * What the shared store code needs from a database: one statement at a time, in
 * PostgreSQL's `$1` placeholder style, plus how values are encoded for it. Every Store
 * method is one atomic statement or a short sequence whose safety does not depend on
 * a transaction (see the notes on each method).
 */
export interface SqlDb {
  query(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** a Date as the dialect stores it */
  date(value: Date): unknown;
  /** a list of strings as the dialect stores it */
  strings(values: readonly string[]): unknown;
  /** `column IN list`: `= ANY($n::text[])` or `IN (SELECT value FROM json_each($n))` */
  inList(column: string, param: string): string;
  /**
   * A relation `k(value, n)` over the elements of the JSON array text in `param`: `value`
   * each element (read its parts with `->>`), `n` its position, for ORDER BY.
   */
  jsonElements(param: string): string;
  /** an SQL expression with a new random text for every row it is evaluated on */
  randomText: string;
  decode: Decode;
  close(): Promise<void>;
}

/** Builds a WHERE clause from optional conditions, numbering parameters as it goes. */
export class Conditions {
  readonly params: unknown[] = [];
  readonly #clauses: string[] = [];

  /** `clause` uses `?` where the value goes */
  add(clause: string, value: unknown): void {
    this.params.push(value);
    this.#clauses.push(clause.replace('?', `$${this.params.length}`));
  }

  toString(): string {
    return this.#clauses.length === 0 ? '' : `WHERE ${this.#clauses.join(' AND ')}`;
  }
}
