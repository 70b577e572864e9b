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
 * makeLive puts a review where search, briefings and broadcasts see it. The lessons
 * folder is one implementation (store/drafts/folder-drafts.ts); a store-kept one, for
 * several replicas, can take its place behind the same functions.
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
  /** Discards a draft; false when none of that id was kept. */
  remove(id: string): Promise<boolean>;
}
