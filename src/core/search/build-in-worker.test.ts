import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { LESSONS_DIR, realDeps } from '../../../test/helpers/real-deps.ts';
import { loadSearchIndex } from './create-search-index.ts';

function buildInWorker(dir: string): Promise<{ hash: string; data: string }> {
  const worker = new Worker(
    new URL('../../../test/helpers/search-index-worker.ts', import.meta.url),
    {
      workerData: dir,
    },
  );
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  }).finally(() => worker.terminate()) as Promise<{ hash: string; data: string }>;
}

describe('building the index off the event loop', () => {
  it('builds in a worker thread what answers exactly as an index built here', async () => {
    const { corpus, search } = await realDeps();
    const built = await buildInWorker(LESSONS_DIR);
    expect(built.hash).toBe(corpus.hash);
    const loaded = loadSearchIndex(corpus, built.data);
    for (const q of ['chronologies', 'goes along with whatever we ask', 'FGM', 'escalaton']) {
      expect(loaded.search(q, { limit: 10 }), q).toEqual(search.search(q, { limit: 10 }));
    }
  });
});
