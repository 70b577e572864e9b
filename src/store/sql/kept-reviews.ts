import type { KeptReview, KeptReviews, KeptState, MakeLiveResult } from '../../core/index.ts';
import type { Row } from '../rows.ts';
import { keepIds, type Pseudonymise } from './person-key.ts';
import type { SqlDb } from './sql-db.ts';

/** Review files in the kept_reviews table (migration 5). */
export class SqlKeptReviews implements KeptReviews {
  readonly #db: SqlDb;
  readonly #person: Pseudonymise;

  constructor(db: SqlDb, person: Pseudonymise = keepIds) {
    this.#db = db;
    this.#person = person;
  }

  async list(state: KeptState): Promise<KeptReview[]> {
    const rows = await this.#db.query('SELECT * FROM kept_reviews WHERE state = $1 ORDER BY id', [
      state,
    ]);
    return rows.map((row) => this.#toReview(row));
  }

  async get(state: KeptState, id: string): Promise<KeptReview | undefined> {
    const rows = await this.#db.query('SELECT * FROM kept_reviews WHERE state = $1 AND id = $2', [
      state,
      id,
    ]);
    return rows[0] && this.#toReview(rows[0]);
  }

  async saveDraft(
    draft: { id: string; text: string; by?: string; now: Date },
    replace: boolean,
  ): Promise<KeptReview | undefined> {
    const onConflict = replace
      ? 'DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at, updated_by = excluded.updated_by'
      : 'DO NOTHING';
    const rows = await this.#db.query(
      `INSERT INTO kept_reviews (state, id, text, created_at, updated_at, updated_by)
       VALUES ('draft', $1, $2, $3, $3, $4)
       ON CONFLICT (state, id) ${onConflict}
       RETURNING *`,
      [draft.id, draft.text, this.#db.date(draft.now), this.#by(draft.by)],
    );
    return rows[0] && this.#toReview(rows[0]);
  }

  /**
   * One UPDATE moves the row from draft to live: it cannot half happen. A live review of
   * that id makes the key refuse it, which both databases report as a unique violation.
   */
  async makeLive(change: {
    draftId: string;
    reviewId: string;
    text: string;
    by?: string;
    now: Date;
  }): Promise<MakeLiveResult> {
    try {
      const rows = await this.#db.query(
        `UPDATE kept_reviews
         SET state = 'live', id = $2, text = $3, updated_at = $4, updated_by = $5
         WHERE state = 'draft' AND id = $1
         RETURNING id`,
        [
          change.draftId,
          change.reviewId,
          change.text,
          this.#db.date(change.now),
          this.#by(change.by),
        ],
      );
      return rows.length === 1 ? 'live' : 'no_draft';
    } catch (error) {
      if (isUniqueViolation(error)) return 'review_exists';
      throw error;
    }
  }

  async discardDraft(id: string): Promise<boolean> {
    const rows = await this.#db.query(
      "DELETE FROM kept_reviews WHERE state = 'draft' AND id = $1 RETURNING id",
      [id],
    );
    return rows.length === 1;
  }

  async liveVersion(): Promise<string> {
    const rows = await this.#db.query(
      "SELECT COUNT(*) AS n, MAX(updated_at) AS latest FROM kept_reviews WHERE state = 'live'",
    );
    const row = rows[0] ?? {};
    const latest = row.latest === null || row.latest === undefined ? '' : row.latest;
    return `${Number(row.n ?? 0)}@${latest instanceof Date ? latest.getTime() : String(latest)}`;
  }

  #by(by: string | undefined): string | null {
    return by === undefined ? null : this.#person(by);
  }

  #toReview(row: Row): KeptReview {
    const review: KeptReview = {
      id: String(row.id),
      state: String(row.state) as KeptState,
      text: String(row.text),
      createdAt: this.#db.decode.date(row.created_at),
      updatedAt: this.#db.decode.date(row.updated_at),
    };
    if (typeof row.updated_by === 'string') review.by = row.updated_by;
    return review;
  }
}

/** PostgreSQL's SQLSTATE 23505; node:sqlite's SQLITE_CONSTRAINT_PRIMARYKEY (1555) or _UNIQUE (2067). */
function isUniqueViolation(error: unknown): boolean {
  const { code, errcode } = (error ?? {}) as { code?: unknown; errcode?: unknown };
  return code === '23505' || errcode === 1555 || errcode === 2067;
}
