/**
 * Runs in a worker thread: loads and validates the lessons folder with the store's live
 * reviews, builds its search index, and posts back the corpus (plain data and Maps, which
 * structured cloning carries) with the index as MiniSearch's JSON and the store reviews
 * left out, or what was wrong. Building is the slow part of a reload; the event loop only
 * loads the JSON.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CorpusError, isBotError } from '../core/errors.ts';
import { type KeptText, loadCorpusWithKept } from '../core/lessons/index.ts';
import { buildSearchIndexData } from '../core/search/index.ts';
import type { WorkerAnswer } from './load-corpus-off-thread.ts';

async function answer(dir: string, kept: readonly KeptText[]): Promise<WorkerAnswer> {
  try {
    const { corpus, leftOut } = await loadCorpusWithKept(dir, kept);
    return { corpus, leftOut, searchData: buildSearchIndexData(corpus) };
  } catch (error) {
    if (error instanceof CorpusError) return { problems: [...error.problems] };
    if (isBotError(error)) return { code: error.code, message: error.message };
    return { code: 'internal', message: error instanceof Error ? error.name : typeof error };
  }
}

const data = workerData as { dir: string; kept: readonly KeptText[] };
parentPort?.postMessage(await answer(data.dir, data.kept));
