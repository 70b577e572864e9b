import { Worker } from 'node:worker_threads';
import {
  BotError,
  type Corpus,
  CorpusError,
  type CorpusProblem,
  type ErrorCode,
  type KeptText,
} from '../core/index.ts';

export type WorkerAnswer =
  | LoadedCorpus
  | { problems: CorpusProblem[] }
  | { code: ErrorCode; message: string };

/**
 * A corpus with its search index as MiniSearch's JSON, built where it was loaded, and the
 * store's reviews left out of it for their problems.
 */
export interface LoadedCorpus {
  corpus: Corpus;
  searchData: string;
  leftOut: CorpusProblem[];
}

/** A reload that takes longer than this is given up; the previous lessons keep serving. */
const TIME_LIMIT_MS = 60_000;
/** Validating a real folder takes a few megabytes; anything near this is a hostile file. */
const MEMORY_LIMIT_MB = 512;

/**
 * Loads and validates the lessons folder, with the store's live reviews, and builds its
 * search index in a worker thread, so that a big or hostile
 * folder never stalls the requests the bot is answering, and within a time and memory
 * limit, so that no folder can take the process down.
 * @throws CorpusError listing the problems, or BotError (corpus_not_found, internal)
 */
export function loadCorpusOffThread(
  dir: string,
  kept: readonly KeptText[] = [],
): Promise<LoadedCorpus> {
  const worker = new Worker(new URL('./load-corpus-worker.ts', import.meta.url), {
    workerData: { dir, kept },
    resourceLimits: { maxOldGenerationSizeMb: MEMORY_LIMIT_MB },
  });
  const tooLong = (seconds: number) =>
    new CorpusError([
      { file: dir, message: `took more than ${seconds} s to load; kept the previous lessons` },
    ]);
  return new Promise<LoadedCorpus>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(tooLong(TIME_LIMIT_MS / 1000));
      void worker.terminate();
    }, TIME_LIMIT_MS);
    worker.once('message', (answer: WorkerAnswer) => {
      if ('corpus' in answer) resolve(answer);
      else if ('problems' in answer) reject(new CorpusError(answer.problems));
      else reject(new BotError(answer.code, answer.message));
    });
    worker.once('error', (error) => {
      const outOfMemory = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      reject(
        outOfMemory
          ? new CorpusError([
              {
                file: dir,
                message: `needed more than ${MEMORY_LIMIT_MB} MB to load; kept the previous lessons`,
              },
            ])
          : new BotError('internal', `Loading the lessons failed (${error.name}).`),
      );
    });
    worker.once('exit', () => {
      clearTimeout(timer);
      reject(new BotError('internal', 'Loading the lessons stopped without an answer.'));
    });
  });
}
