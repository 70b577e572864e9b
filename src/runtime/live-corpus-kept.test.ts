import { afterEach, describe, expect, it } from 'vitest';
import { fictionalReview } from '../../test/helpers/kept-review-text.ts';
import { MemoryKeptReviews } from '../../test/helpers/memory-kept-reviews.ts';
import { LESSONS_DIR } from '../../test/helpers/real-deps.ts';
import { recordingLogger } from '../../test/helpers/recording-logger.ts';
import { openLiveCorpus } from './live-corpus.ts';

async function makeLive(reviews: MemoryKeptReviews, id: string, text: string): Promise<void> {
  await reviews.saveDraft({ id, text, now: new Date() }, false);
  expect(await reviews.makeLive({ draftId: id, reviewId: id, text, now: new Date() })).toBe('live');
}

/** A store that stops answering, then answers again. */
class FlakyReviews extends MemoryKeptReviews {
  down = false;
  override async liveVersion(): Promise<string> {
    if (this.down) throw new Error('connection refused');
    return super.liveVersion();
  }
}

describe('openLiveCorpus with reviews kept in the store', () => {
  let stop: (() => void) | undefined;
  afterEach(() => stop?.());

  it('serves the store’s live reviews with the folder’s, never its drafts', async () => {
    const kept = new MemoryKeptReviews();
    await makeLive(kept, 'anytown-child-z', fictionalReview());
    await kept.saveDraft(
      { id: 'anytown-child-y', text: fictionalReview('anytown-child-y'), now: new Date() },
      false,
    );
    const live = await openLiveCorpus({
      dir: LESSONS_DIR,
      logger: recordingLogger(),
      pageSize: 3,
      kept,
    });
    expect(live.current().reviewById.has('anytown-child-z')).toBe(true);
    expect(live.current().reviewById.has('anytown-child-y')).toBe(false);
    expect(live.current().reviewById.get('anytown-child-z')?.file).toBe(
      '[store] anytown-child-z.yaml',
    );
  });

  it('follows the store: reloads when a review goes live, and says once when the store does not answer', async () => {
    const kept = new FlakyReviews();
    const logger = recordingLogger();
    const live = await openLiveCorpus({ dir: LESSONS_DIR, logger, pageSize: 3, kept, pollMs: 10 });
    kept.down = true;
    const reloaded = new Promise<string>((resolve, reject) => {
      stop = live.follow(resolve, reject);
    });
    const warned = () =>
      logger.lines.filter((line) => line.message.startsWith('cannot ask the store'));
    await expect.poll(() => warned().length).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(warned()).toHaveLength(1);
    expect(JSON.stringify(warned()[0]?.fields)).not.toContain('connection refused');
    await makeLive(kept, 'anytown-child-z', fictionalReview());
    kept.down = false;
    expect(await reloaded).toMatch(/^5 reviews/);
    expect(live.current().reviewById.has('anytown-child-z')).toBe(true);
    expect(logger.lines.map((line) => line.message)).toContain(
      'the store answers again: polling for reviews resumed',
    );
  });
});
