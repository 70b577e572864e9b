import type { CorpusProblem } from '../errors.ts';

/** A draft review as kept: its id (the name it was saved under) and its YAML text. */
export interface StoredDraft {
  id: string;
  /** where it is, for messages: "lessons/drafts/child-s.yaml" */
  display: string;
  text: string;
}

/**
 * Where drafts are kept until a person approves them. Drafts are never served: only
 * makeLive puts a review where search, briefings and broadcasts see it. Two
 * implementations: files in a folder (store/drafts/folder-drafts.ts, the command line's
 * `import`), and the store (store/drafts/store-drafts.ts: drafts made in chat, served by
 * every replica once approved).
 */
export interface DraftShelf {
  /** for messages: "lessons/drafts" */
  readonly where: string;
  list(): Promise<StoredDraft[]>;
  get(id: string): Promise<StoredDraft | undefined>;
  /** @throws BotError draft_exists when a draft of that id is kept and replace is false */
  save(id: string, text: string, options: { replace: boolean }): Promise<StoredDraft>;
  /** the draft's problems when checked together with the live corpus; none means it can go live */
  check(draft: StoredDraft): Promise<CorpusProblem[]>;
  /**
   * Puts the review live under its review id and removes the draft, all or nothing.
   * @throws BotError review_exists when a review of that id is live already
   * @returns where it now is, for messages
   */
  makeLive(draft: StoredDraft, reviewId: string, text: string): Promise<string>;
  /** Removes a draft without making it live; false when there was none. */
  discard(id: string): Promise<boolean>;
}
