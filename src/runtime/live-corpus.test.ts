import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LESSONS_DIR } from '../../test/helpers/real-deps.ts';
import { recordingLogger } from '../../test/helpers/recording-logger.ts';
import { CorpusError } from '../core/index.ts';
import { openLiveCorpus } from './live-corpus.ts';

async function copyOfLessons(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'live-corpus-'));
  await cp(LESSONS_DIR, dir, { recursive: true });
  return dir;
}

function retitled(text: string): string {
  return text.replace('title: Claire', 'title: Claire (updated)');
}

describe('openLiveCorpus', () => {
  let stop: (() => void) | undefined;
  afterEach(() => stop?.());

  it('reloads in place, so that the shared deps answer from the new corpus', async () => {
    const dir = await copyOfLessons();
    const live = await openLiveCorpus({ dir, logger: recordingLogger(), pageSize: 3 });
    const deps = live.deps();
    const file = join(dir, 'croydon-claire.yaml');
    await writeFile(file, retitled(await readFile(file, 'utf8')));
    expect(await live.reload()).toMatch(/^4 reviews, 41 lessons/);
    expect(deps.corpus.reviewById.get('croydon-claire')?.title).toBe('Claire (updated)');
    expect(deps.search.search('foster carer sexual abuse').results[0]?.review.title).toBe(
      'Claire (updated)',
    );
    // the new index was built in the worker thread, not on the event loop
    expect(deps.search.origin?.source).toBe('worker');
  });

  it('keeps serving the previous corpus when the folder has a problem, and says what it is', async () => {
    const dir = await copyOfLessons();
    const live = await openLiveCorpus({ dir, logger: recordingLogger(), pageSize: 3 });
    const before = live.current();
    await writeFile(join(dir, 'broken.yaml'), 'id: [\n');
    const error = await live.reload().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorpusError);
    expect(live.current()).toBe(before);
    expect(live.lastProblem()).toMatch(/broken\.yaml:\d+/);
  });

  it('reloads by itself when a file changes, and reports a bad change', async () => {
    const dir = await copyOfLessons();
    const live = await openLiveCorpus({ dir, logger: recordingLogger(), pageSize: 3 });
    const reloaded = new Promise<string>((resolve, reject) => {
      stop = live.watch(resolve, reject);
    });
    const file = join(dir, 'croydon-claire.yaml');
    await writeFile(file, retitled(await readFile(file, 'utf8')));
    await reloaded;
    expect(live.current().reviewById.get('croydon-claire')?.title).toBe('Claire (updated)');
    stop?.();
    const failed = new Promise<CorpusError>((resolve) => {
      stop = live.watch(() => {}, resolve);
    });
    await writeFile(join(dir, 'broken.yaml'), 'lessons: [\n');
    expect((await failed).problems[0]?.file).toMatch(/broken\.yaml$/);
    expect(live.current().reviewById.get('croydon-claire')?.title).toBe('Claire (updated)');
  });
});
