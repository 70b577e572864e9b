/**
 * Runs in a worker thread: loads and validates the lessons folder and posts back the
 * corpus (plain data and Maps, which structured cloning carries) or what was wrong.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CorpusError, isBotError } from '../core/errors.ts';
import { loadCorpus } from '../core/lessons/index.ts';
import type { WorkerAnswer } from './load-corpus-off-thread.ts';

async function answer(dir: string): Promise<WorkerAnswer> {
  try {
    return { corpus: await loadCorpus(dir) };
  } catch (error) {
    if (error instanceof CorpusError) return { problems: [...error.problems] };
    if (isBotError(error)) return { code: error.code, message: error.message };
    return { code: 'internal', message: error instanceof Error ? error.name : typeof error };
  }
}

parentPort?.postMessage(await answer((workerData as { dir: string }).dir));
