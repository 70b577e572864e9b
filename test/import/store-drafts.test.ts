import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  approveDraft,
  BotError,
  CorpusError,
  type DraftShelf,
  type Store,
} from '../../src/core/index.ts';
import { type LiveCorpus, openLiveCorpus } from '../../src/runtime/live-corpus.ts';
import { createStoreDrafts, openStore } from '../../src/store/index.ts';
import { fictionalReview } from '../helpers/kept-review-text.ts';
import { LESSONS_DIR } from '../helpers/real-deps.ts';
import { recordingLogger } from '../helpers/recording-logger.ts';
import {
  SKIP_NOTE,
  TEST_DATABASE_URL,
  TestSchemas,
  warnIfSkipped,
} from '../store/helpers/postgres-schemas.ts';

const TODAY = '2026-12-07';

/**
 * Reviews added through the bot, kept in the store: on SQLite and on PostgreSQL. `url`
 * gives a fresh database; every store opened on one url is a replica of the others.
 */
function describeKeptCorpus(name: string, url: () => Promise<string>): void {
  describe(`${name}: reviews kept in the store`, () => {
    const opened: Store[] = [];
    const stops: (() => void)[] = [];
    afterEach(async () => {
      for (const stop of stops.splice(0)) stop();
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });
    const open = async (at: string) => {
      const store = await openStore(at);
      opened.push(store);
      return store;
    };
    const shelfOf = (store: Store): DraftShelf =>
      createStoreDrafts({ lessonsDir: LESSONS_DIR, reviews: store.reviews, by: 'slack:U1' });
    const liveOf = (store: Store, logger = recordingLogger()): Promise<LiveCorpus> =>
      openLiveCorpus({ dir: LESSONS_DIR, logger, pageSize: 3, kept: store.reviews, pollMs: 20 });

    it('never serves a draft; approve makes it live in the store, and a reload serves it', async () => {
      const store = await open(await url());
      const shelf = shelfOf(store);
      const live = await liveOf(store);
      await shelf.save('anytown-child-z', `# draft: check it\n${fictionalReview()}`, {
        replace: false,
      });
      await live.reload();
      expect(live.current().reviewById.has('anytown-child-z')).toBe(false);
      const found = () =>
        live
          .deps()
          .search.search('Child Z')
          .results.map((r) => r.review.id);
      expect(found()).not.toContain('anytown-child-z');

      const approved = await approveDraft('anytown-child-z', shelf, TODAY);
      expect(approved).toMatchObject({
        reviewId: 'anytown-child-z',
        title: 'Child Z',
        location: '[store] anytown-child-z.yaml',
        announce: 'publish anytown-child-z',
      });
      expect(await store.reviews.list('draft')).toEqual([]);
      const kept = await store.reviews.get('live', 'anytown-child-z');
      expect(kept?.text).toMatch(/^# Approved with lessons-bot approve on 2026-12-07\.\n/);
      expect(kept?.text).not.toContain('# draft:');
      expect(kept?.by).toBe('slack:U1');
      expect(await live.reload()).toMatch(/^5 reviews/);
      expect(live.current().reviewById.get('anytown-child-z')?.title).toBe('Child Z');
      expect(found()[0]).toBe('anytown-child-z');
    });

    it('refuses huge, broken and unnamable drafts with what to fix, and keeps nothing', async () => {
      const shelf = shelfOf(await open(await url()));
      const huge = `${fictionalReview()}\n# ${'x'.repeat(1_100_000)}\n`;
      const tooBig = await shelf.save('anytown-child-z', huge, { replace: false }).catch((e) => e);
      expect(tooBig).toBeInstanceOf(CorpusError);
      expect((tooBig as Error).message).toMatch(
        /\d\.\d MB; a review file should be well under 1 MB/,
      );
      const broken = await shelf
        .save('anytown-child-z', 'id: [unclosed\n', { replace: false })
        .catch((e) => e);
      expect(broken).toBeInstanceOf(CorpusError);
      expect((broken as CorpusError).problems[0]?.file).toBe('[store] drafts/anytown-child-z.yaml');
      const bomb = `a: &a [x, x]\n${Array.from({ length: 200 }, (_, i) => `b${i}: [*a, *a]`).join('\n')}\n`;
      expect(await shelf.save('bomb', bomb, { replace: false }).catch((e) => e)).toBeInstanceOf(
        CorpusError,
      );
      const nul = await shelf
        .save('anytown-child-z', 'id: a\u0000b\n', { replace: false })
        .catch((e) => e);
      expect((nul as Error).message).toMatch(/NUL/);
      for (const id of ['../etc/passwd', 'Child Z', '', 'a'.repeat(121)]) {
        const error = await shelf.save(id, fictionalReview(), { replace: false }).catch((e) => e);
        expect(error).toMatchObject({ code: 'command_invalid' });
      }
      expect(await shelf.list()).toEqual([]);
    });

    it('refuses a second draft of one id unless replacing, and discards a draft', async () => {
      const shelf = shelfOf(await open(await url()));
      await shelf.save('anytown-child-z', fictionalReview(), { replace: false });
      const again = await shelf
        .save('anytown-child-z', 'id: other\n', { replace: false })
        .catch((e) => e);
      expect(again).toMatchObject({ code: 'draft_exists' });
      expect((await shelf.get('anytown-child-z'))?.text).toBe(fictionalReview());
      await shelf.save('anytown-child-z', fictionalReview('anytown-child-z', 'Child Zed'), {
        replace: true,
      });
      expect((await shelf.get('anytown-child-z'))?.text).toContain('Child Zed');
      expect(await shelf.discard('anytown-child-z')).toBe(true);
      expect(await shelf.discard('anytown-child-z')).toBe(false);
      expect(await approveDraft('anytown-child-z', shelf, TODAY).catch((e) => e)).toMatchObject({
        code: 'draft_not_found',
      });
    });

    it('approves nothing whose id is live already, in the folder or the store, or that has problems', async () => {
      const store = await open(await url());
      const shelf = shelfOf(store);
      // the folder's Claire, under its own id
      await shelf.save('croydon-claire', fictionalReview('croydon-claire', 'Claire'), {
        replace: false,
      });
      const clash = await approveDraft('croydon-claire', shelf, TODAY).catch((e) => e);
      expect(clash).toBeInstanceOf(CorpusError);
      expect((clash as Error).message).toMatch(/review id "croydon-claire" is already used in/);
      // one live in the store already
      await shelf.save('anytown-child-z', fictionalReview(), { replace: false });
      await approveDraft('anytown-child-z', shelf, TODAY);
      await shelf.save('anytown-child-z', fictionalReview('anytown-child-z', 'Other'), {
        replace: false,
      });
      const twice = await approveDraft('anytown-child-z', shelf, TODAY).catch((e) => e);
      expect((twice as Error).message).toMatch(/already used in \[store\] anytown-child-z\.yaml/);
      // an unknown theme
      await shelf.save(
        'anytown-child-y',
        fictionalReview('anytown-child-y').replace(/themes: \[[^\]]*\]/, 'themes: [chronolgy]'),
        { replace: false },
      );
      const unknown = await approveDraft('anytown-child-y', shelf, TODAY).catch((e) => e);
      expect((unknown as Error).message).toMatch(/unknown theme "chronolgy"/);
      expect((await store.reviews.list('live')).map((r) => r.id)).toEqual(['anytown-child-z']);
      expect((await store.reviews.get('live', 'anytown-child-z'))?.text).toContain(
        'title: Child Z',
      );
      expect((await store.reviews.list('draft')).map((r) => r.id)).toEqual([
        'anytown-child-y',
        'anytown-child-z',
        'croydon-claire',
      ]);
    });

    it('makeLive refuses a review id that the store has live since the check', async () => {
      const store = await open(await url());
      const shelf = shelfOf(store);
      await shelf.save('anytown-child-z', fictionalReview(), { replace: false });
      const draft = await shelf.get('anytown-child-z');
      if (!draft) throw new Error('the draft was not kept');
      await store.reviews.saveDraft({ id: 'other', text: 'x', now: new Date() }, false);
      await store.reviews.makeLive({
        draftId: 'other',
        reviewId: 'anytown-child-z',
        text: 'x',
        now: new Date(),
      });
      const error = await shelf.makeLive(draft, 'anytown-child-z', 'y').catch((e) => e);
      expect(error).toBeInstanceOf(BotError);
      expect(error).toMatchObject({ code: 'review_exists' });
      expect(await shelf.get('anytown-child-z')).toBeDefined();
    });

    it('a store review that clashes with the folder is left out, and the folder keeps serving', async () => {
      const store = await open(await url());
      await store.reviews.saveDraft({ id: 'x', text: '', now: new Date() }, false);
      const claire = await readFile(join(LESSONS_DIR, 'croydon-claire.yaml'), 'utf8');
      await store.reviews.makeLive({
        draftId: 'x',
        reviewId: 'croydon-claire',
        text: claire.replace('title: Claire', 'title: Claire (from the store)'),
        now: new Date(),
      });
      const logger = recordingLogger();
      const live = await liveOf(store, logger);
      expect(live.current().reviewById.get('croydon-claire')?.title).toBe('Claire');
      expect(live.current().reviews).toHaveLength(4);
      expect(logger.lines.map((line) => line.message)).toContain(
        'reviews kept in the store left out of the lessons: they have problems',
      );
      expect(await live.reload()).toMatch(
        /^4 reviews.*; left out 1 review kept in the store, which has problems: \[store\] croydon-claire\.yaml$/,
      );
    });

    it('a replica serves a review another replica approved, by polling the store', async () => {
      const at = await url();
      const first = await open(at);
      const second = await open(at);
      const serving = await liveOf(second);
      const reloaded = new Promise<string>((resolve, reject) => {
        stops.push(serving.follow(resolve, reject));
      });
      expect(serving.current().reviewById.has('anytown-child-z')).toBe(false);
      const shelf = shelfOf(first);
      await shelf.save('anytown-child-z', fictionalReview(), { replace: false });
      await approveDraft('anytown-child-z', shelf, TODAY);
      expect(await reloaded).toMatch(/^5 reviews/);
      expect(serving.current().reviewById.get('anytown-child-z')?.title).toBe('Child Z');
    });
  });
}

const folder = mkdtempSync(join(tmpdir(), 'lessons-bot-kept-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let files = 0;
describeKeptCorpus('SQLite', async () => `sqlite:${join(folder, `kept-${++files}.db`)}`);

warnIfSkipped();
describe.skipIf(!TEST_DATABASE_URL)(
  `PostgreSQL${TEST_DATABASE_URL ? '' : ` (${SKIP_NOTE})`}`,
  () => {
    const schemas = new TestSchemas(TEST_DATABASE_URL ?? '');
    afterAll(() => schemas.dropAll());
    describeKeptCorpus('PostgreSQL', async () => (await schemas.create()).url);
  },
);
