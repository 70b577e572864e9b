import { describe, expect, it } from 'vitest';
import { minutes, type StoreOf, T0 } from './fixtures.ts';

const DRAFT = '# draft: fictional\nid: anytown-child-t\ntitle: Child T\n';
const LIVE = 'id: anytown-child-t\ntitle: Child T\n';

/** Quotes, SQL metacharacters, other scripts and control characters, in about 1 MB. */
const NASTY = `'; DROP TABLE kept_reviews; -- "q" \\ $1 ?1 🧒🏽 漢字 \u202Eevil\u202C \t\r\n`;
const HUGE = NASTY.repeat(Math.ceil(1_000_000 / NASTY.length));

export function keptReviewContract(store: StoreOf): void {
  describe('kept reviews', () => {
    it('keeps a draft and reads it back; drafts are not live', async () => {
      const reviews = store().reviews;
      const saved = await reviews.saveDraft(
        { id: 'anytown-child-t', text: DRAFT, by: 'cli', now: T0 },
        false,
      );
      const expected = {
        id: 'anytown-child-t',
        state: 'draft',
        text: DRAFT,
        createdAt: T0,
        updatedAt: T0,
        by: 'cli',
      };
      expect(saved).toEqual(expected);
      expect(await reviews.get('draft', 'anytown-child-t')).toEqual(expected);
      expect(await reviews.list('draft')).toEqual([expected]);
      expect(await reviews.list('live')).toEqual([]);
      expect(await reviews.get('live', 'anytown-child-t')).toBeUndefined();
    });

    it('leaves a kept draft as it was unless told to replace it, and keeps its createdAt', async () => {
      const reviews = store().reviews;
      await reviews.saveDraft({ id: 'a', text: 'first', now: T0 }, false);
      expect(
        await reviews.saveDraft({ id: 'a', text: 'second', now: minutes(1) }, false),
      ).toBeUndefined();
      expect((await reviews.get('draft', 'a'))?.text).toBe('first');
      const replaced = await reviews.saveDraft({ id: 'a', text: 'third', now: minutes(2) }, true);
      expect(replaced).toMatchObject({ text: 'third', createdAt: T0, updatedAt: minutes(2) });
      expect(replaced).not.toHaveProperty('by');
      expect(await reviews.list('draft')).toHaveLength(1);
    });

    it('makes a draft live under its review id in one step, and says so', async () => {
      const reviews = store().reviews;
      await reviews.saveDraft({ id: 'draft-name', text: DRAFT, now: T0 }, false);
      const result = await reviews.makeLive({
        draftId: 'draft-name',
        reviewId: 'anytown-child-t',
        text: LIVE,
        by: 'slack:U1',
        now: minutes(5),
      });
      expect(result).toBe('live');
      expect(await reviews.list('draft')).toEqual([]);
      expect(await reviews.get('live', 'anytown-child-t')).toEqual({
        id: 'anytown-child-t',
        state: 'live',
        text: LIVE,
        createdAt: T0,
        updatedAt: minutes(5),
        by: 'slack:U1',
      });
    });

    it('refuses to make live a draft that is not there, or whose id is live, keeping the draft', async () => {
      const reviews = store().reviews;
      const change = { draftId: 'x', reviewId: 'x', text: LIVE, now: minutes(1) };
      expect(await reviews.makeLive(change)).toBe('no_draft');
      await reviews.saveDraft({ id: 'x', text: DRAFT, now: T0 }, false);
      expect(await reviews.makeLive(change)).toBe('live');
      // a draft of a review already live is kept beside it, and cannot replace it
      const again = await reviews.saveDraft({ id: 'x', text: 'edited', now: minutes(2) }, false);
      expect(again?.text).toBe('edited');
      expect(await reviews.makeLive({ ...change, text: 'other', now: minutes(3) })).toBe(
        'review_exists',
      );
      expect((await reviews.get('draft', 'x'))?.text).toBe('edited');
      expect((await reviews.get('live', 'x'))?.text).toBe(LIVE);
      expect(await reviews.list('live')).toHaveLength(1);
    });

    it('discards a draft only, and says whether there was one', async () => {
      const reviews = store().reviews;
      await reviews.saveDraft({ id: 'x', text: DRAFT, now: T0 }, false);
      await reviews.makeLive({ draftId: 'x', reviewId: 'x', text: LIVE, now: T0 });
      await reviews.saveDraft({ id: 'x', text: DRAFT, now: T0 }, false);
      expect(await reviews.discardDraft('x')).toBe(true);
      expect(await reviews.discardDraft('x')).toBe(false);
      expect(await reviews.discardDraft('never')).toBe(false);
      expect(await reviews.get('live', 'x')).toBeDefined();
    });

    it('lists by id', async () => {
      const reviews = store().reviews;
      for (const id of ['c', 'a', 'b']) await reviews.saveDraft({ id, text: id, now: T0 }, false);
      expect((await reviews.list('draft')).map((r) => r.id)).toEqual(['a', 'b', 'c']);
    });

    it('changes liveVersion when a review goes live, and only then', async () => {
      const reviews = store().reviews;
      const empty = await reviews.liveVersion();
      await reviews.saveDraft({ id: 'a', text: DRAFT, now: T0 }, false);
      await reviews.saveDraft({ id: 'b', text: DRAFT, now: T0 }, false);
      await reviews.discardDraft('b');
      expect(await reviews.liveVersion()).toBe(empty);
      await reviews.makeLive({ draftId: 'a', reviewId: 'a', text: LIVE, now: T0 });
      const one = await reviews.liveVersion();
      expect(one).not.toBe(empty);
      // a second review live at the very same instant still changes it
      await reviews.saveDraft({ id: 'c', text: DRAFT, now: T0 }, false);
      await reviews.makeLive({ draftId: 'c', reviewId: 'c', text: LIVE, now: T0 });
      expect(await reviews.liveVersion()).not.toBe(one);
    });

    it('keeps a 1 MB text and odd ids exactly', async () => {
      const reviews = store().reviews;
      const id = `a'; DROP TABLE kept_reviews; --`;
      await reviews.saveDraft({ id, text: HUGE, by: NASTY, now: T0 }, false);
      expect(await reviews.makeLive({ draftId: id, reviewId: NASTY, text: HUGE, now: T0 })).toBe(
        'live',
      );
      const read = await reviews.get('live', NASTY);
      expect(read?.text).toBe(HUGE);
      expect(read?.by).toBeUndefined();
      expect(await reviews.list('live')).toHaveLength(1);
    });
  });
}
