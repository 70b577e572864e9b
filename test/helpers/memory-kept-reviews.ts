import type {
  KeptReview,
  KeptReviews,
  KeptState,
  MakeLiveResult,
} from '../../src/core/lessons/kept-reviews.ts';

/** The KeptReviews port in memory, from its doc comments; each method atomic, copies out. */
export class MemoryKeptReviews implements KeptReviews {
  readonly #rows = new Map<string, KeptReview>();
  #changes = 0;

  async list(state: KeptState): Promise<KeptReview[]> {
    return [...this.#rows.values()]
      .filter((row) => row.state === state)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((row) => structuredClone(row));
  }

  async get(state: KeptState, id: string): Promise<KeptReview | undefined> {
    const row = this.#rows.get(key(state, id));
    return row && structuredClone(row);
  }

  async saveDraft(
    draft: { id: string; text: string; by?: string; now: Date },
    replace: boolean,
  ): Promise<KeptReview | undefined> {
    const kept = this.#rows.get(key('draft', draft.id));
    if (kept && !replace) return undefined;
    const row: KeptReview = {
      id: draft.id,
      state: 'draft',
      text: draft.text,
      createdAt: kept?.createdAt ?? draft.now,
      updatedAt: draft.now,
      ...(draft.by === undefined ? {} : { by: draft.by }),
    };
    this.#rows.set(key('draft', draft.id), row);
    return structuredClone(row);
  }

  async makeLive(change: {
    draftId: string;
    reviewId: string;
    text: string;
    by?: string;
    now: Date;
  }): Promise<MakeLiveResult> {
    const draft = this.#rows.get(key('draft', change.draftId));
    if (!draft) return 'no_draft';
    if (this.#rows.has(key('live', change.reviewId))) return 'review_exists';
    this.#rows.delete(key('draft', change.draftId));
    const { by: _previous, ...rest } = draft;
    this.#rows.set(key('live', change.reviewId), {
      ...rest,
      id: change.reviewId,
      state: 'live',
      text: change.text,
      updatedAt: change.now,
      ...(change.by === undefined ? {} : { by: change.by }),
    });
    this.#changes += 1;
    return 'live';
  }

  async discardDraft(id: string): Promise<boolean> {
    return this.#rows.delete(key('draft', id));
  }

  async liveVersion(): Promise<string> {
    return String(this.#changes);
  }

  /** For the memory store's retention and forget: drops `by` where `hit` says; how many. */
  erasePeople(hit: (by: string | undefined, updatedAt: Date) => boolean): number {
    let erased = 0;
    for (const [k, row] of this.#rows) {
      if (!hit(row.by, row.updatedAt)) continue;
      const { by: _erased, ...rest } = row;
      this.#rows.set(k, rest);
      erased += 1;
    }
    return erased;
  }
}

function key(state: KeptState, id: string): string {
  return `${state}\0${id}`;
}
