import { stat } from 'node:fs/promises';
import path from 'node:path';
import {
  BotError,
  CorpusError,
  checkDraftWith,
  type DraftShelf,
  displayPath,
  type KeptReviews,
  keptDisplay,
  readCorpusFolder,
  type StoredDraft,
  unkeepableText,
  whyNotAFolder,
  withKeptFiles,
} from '../../core/index.ts';

/** Draft ids are review ids. */
const DRAFT_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_ID_LENGTH = 120;

/** Where the drafts are, for messages. */
export const STORE_DRAFTS_WHERE = "the bot's database";

export interface StoreDraftsOptions {
  /** the lessons folder: the corpus a draft is checked against, with the store's live reviews */
  lessonsDir: string;
  reviews: KeptReviews;
  clock?: () => Date;
  /** who is acting, kept with what they save or approve: "slack:U123", "cli" */
  by?: string;
}

/**
 * Drafts kept in the store (SQLite or PostgreSQL) rather than in a folder: the drafts an
 * admin makes in chat. Approving one makes it a live review in the store, which every
 * replica loads beside the lessons folder (runtime/live-corpus.ts). The text is the same
 * review file format as lessons/*.yaml, so `export` writes it out as it is.
 */
export function createStoreDrafts(options: StoreDraftsOptions): DraftShelf {
  const { lessonsDir, reviews } = options;
  const clock = options.clock ?? (() => new Date());
  const by = options.by === undefined ? {} : { by: options.by };
  const toDraft = (id: string, text: string): StoredDraft => ({
    id,
    display: draftDisplay(id),
    text,
  });
  const usable = (id: string) => id.length <= MAX_ID_LENGTH && DRAFT_ID.test(id);

  return {
    where: STORE_DRAFTS_WHERE,
    async list() {
      return (await reviews.list('draft')).map((kept) => toDraft(kept.id, kept.text));
    },
    async get(id) {
      if (!usable(id)) return undefined;
      const kept = await reviews.get('draft', id);
      return kept && toDraft(kept.id, kept.text);
    },
    async save(id, text, { replace }) {
      if (!usable(id))
        throw new BotError(
          'command_invalid',
          `"${id.slice(0, 80)}" cannot name a draft: use lower-case letters, digits and hyphens, at most ${MAX_ID_LENGTH}.`,
        );
      const problems = unkeepableText(draftDisplay(id), text);
      if (problems.length > 0) throw new CorpusError(problems);
      const saved = await reviews.saveDraft({ id, text, now: clock(), ...by }, replace);
      if (saved === undefined)
        throw new BotError(
          'draft_exists',
          `A draft "${id}" is kept already in ${STORE_DRAFTS_WHERE}, and may hold someone's edits: approve it or discard it first, or replace it.`,
        );
      return toDraft(id, text);
    },
    async check(draft) {
      const reason = await whyNotAFolder(lessonsDir);
      if (reason !== undefined)
        return [{ file: displayPath(lessonsDir), message: `the lessons folder ${reason}` }];
      const folder = withKeptFiles(await readCorpusFolder(lessonsDir), await reviews.list('live'));
      return checkDraftWith(lessonsDir, folder, {
        name: `[store] drafts/${draft.id}.yaml`,
        display: draft.display,
        text: draft.text,
      });
    },
    async makeLive(draft, reviewId, text) {
      // check() refuses an id the folder uses; this catches a file added since.
      for (const name of [`${reviewId}.yaml`, `${reviewId}.yml`])
        if (await exists(path.join(lessonsDir, name)))
          throw reviewExists(reviewId, displayPath(lessonsDir, name));
      const result = await reviews.makeLive({
        draftId: draft.id,
        reviewId,
        text,
        now: clock(),
        ...by,
      });
      if (result === 'review_exists') throw reviewExists(reviewId, keptDisplay(reviewId));
      if (result === 'no_draft')
        throw new BotError(
          'draft_not_found',
          `The draft "${draft.id}" is no longer in ${STORE_DRAFTS_WHERE}: someone approved or discarded it meanwhile.`,
        );
      return keptDisplay(reviewId);
    },
    async discard(id) {
      return usable(id) && reviews.discardDraft(id);
    },
  };
}

function draftDisplay(id: string): string {
  return `[store] drafts/${id}.yaml`;
}

function reviewExists(id: string, where: string): BotError {
  return new BotError(
    'review_exists',
    `A review "${id}" is live already (${where}). If this is another review, give the draft another id (and its lessons ids to match).`,
  );
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
