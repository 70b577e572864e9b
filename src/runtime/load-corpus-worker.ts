/**
 * Runs in a worker thread: loads and validates the lessons folder, builds its search index,
 * and posts back the corpus (plain data and Maps, which structured cloning carries) with the
 * index as MiniSearch's JSON, or what was wrong. Building is the slow part of a reload; the
 * event loop only loads the JSON.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CorpusError, isBotError } from '../core/errors.ts';
import { loadCorpus } from '../core/lessons/index.ts';
import { buildSearchIndexData } from '../core/search/index.ts';
import type { WorkerAnswer } from './load-corpus-off-thread.ts';

async function answer(dir: string): Promise<WorkerAnswer> {
  try {
    const corpus = await loadCorpus(dir);
    return { corpus, searchData: buildSearchIndexData(corpus) };
  } catch (error) {
    if (error instanceof CorpusError) return { problems: [...error.problems] };
    if (isBotError(error)) return { code: error.code, message: error.message };
    return { code: 'internal', message: error instanceof Error ? error.name : typeof error };
  }
}

parentPort?.postMessage(await answer((workerData as { dir: string }).dir));
