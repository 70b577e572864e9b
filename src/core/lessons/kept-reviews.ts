/** A review file kept in the store: a draft, or a live review once approved. */
export type KeptState = 'draft' | 'live';

export interface KeptReview {
  /** a live review's id; a draft's name (its review id, as the importer made it) */
  id: string;
  state: KeptState;
  /** the review file's YAML text: the format of lessons/*.yaml, so validate and export read it as is */
  text: string;
  createdAt: Date;
  updatedAt: Date;
  /** who saved or approved it last (e.g. "slack:U123", "cli"), when known */
  by?: string;
}

/** What makeLive is asked: which draft becomes which live review, with what text. */
export interface LiveChange {
  draftId: string;
  reviewId: string;
  text: string;
  by?: string;
  now: Date;
}

/** What makeLive did. */
export type MakeLiveResult = 'live' | 'no_draft' | 'review_exists';

/**
 * Review files kept in the store (SQLite or PostgreSQL), so that every replica serves the
 * reviews approved through the bot. Drafts and live reviews have an id space each: a
 * draft may share its id with a live review (makeLive then refuses it), but never with
 * another draft. Each method is one atomic statement; validating the text is the caller's.
 */
export interface KeptReviews {
  /** ordered by id */
  list(state: KeptState): Promise<KeptReview[]>;
  get(state: KeptState, id: string): Promise<KeptReview | undefined>;
  /**
   * Keeps a draft. When a draft of that id is kept already: replaces its text (createdAt
   * kept) with replace, else leaves it as it was and returns undefined.
   */
  saveDraft(
    draft: { id: string; text: string; by?: string; now: Date },
    replace: boolean,
  ): Promise<KeptReview | undefined>;
  /**
   * Turns the draft `draftId` into the live review `reviewId` with `text`, in one step:
   * `no_draft` when there is no such draft, `review_exists` (and the draft kept as it
   * was) when a live review has that id.
   */
  makeLive(change: LiveChange): Promise<MakeLiveResult>;
  /** removes a draft; false when there was none */
  discardDraft(id: string): Promise<boolean>;
  /**
   * A value that changes whenever a review goes live: a replica polls it, cheaply, and
   * reloads its corpus when it differs from the last one it saw.
   */
  liveVersion(): Promise<string>;
}
