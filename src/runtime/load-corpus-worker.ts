/**
 * Runs in a worker thread: loads and validates the lessons folder, with the store's live
 * reviews, and posts back the corpus (plain data and Maps, which structured cloning
 * carries) and the store reviews left out, or what was wrong.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CorpusError, isBotError } from '../core/errors.ts';
import { type KeptText, loadCorpusWithKept } from '../core/lessons/index.ts';
import type { WorkerAnswer } from './load-corpus-off-thread.ts';

async function answer(dir: string, kept: readonly KeptText[]): Promise<WorkerAnswer> {
  try {
    return await loadCorpusWithKept(dir, kept);
  } catch (error) {
    if (error instanceof CorpusError) return { problems: [...error.problems] };
    if (isBotError(error)) return { code: error.code, message: error.message };
    return { code: 'internal', message: error instanceof Error ? error.name : typeof error };
  }
}

const data = workerData as { dir: string; kept: readonly KeptText[] };
parentPort?.postMessage(await answer(data.dir, data.kept));
