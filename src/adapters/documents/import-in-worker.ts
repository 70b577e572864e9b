import { Worker } from 'node:worker_threads';
import {
  BotError,
  type DocumentInput,
  type ErrorCode,
  IMPORT_LIMITS,
  type ImportContext,
  type ImportFn,
  type ImportLimits,
  type ImportResult,
} from '../../core/index.ts';

type Answer = { ok: true; result: ImportResult } | { ok: false; code: ErrorCode; message: string };

const WORKER = new URL('./document-worker.ts', import.meta.url);

/**
 * Imports each document (core's importDocument with the readers here) in a worker thread
 * of its own, with a time limit and a memory limit: the bot (or the command line) keeps
 * its event loop, and a document that would take too long or too much memory is
 * refused, not waited on.
 */
export function importInWorker(limits: ImportLimits = IMPORT_LIMITS): ImportFn {
  return (input, context) => importOnce(input, context, limits);
}

function importOnce(
  input: DocumentInput,
  context: ImportContext,
  limits: ImportLimits,
): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, {
      workerData: { limits },
      resourceLimits: {
        maxOldGenerationSizeMb: limits.memoryMb,
        maxYoungGenerationSizeMb: 32,
        stackSizeMb: 4,
      },
      stdout: true,
      stderr: true,
    });
    // The reader's own chatter (PDF.js warnings) must not reach the command's output.
    worker.stdout.resume();
    worker.stderr.resume();
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new BotError(
              'document_too_large',
              `"${input.fileName}" took longer than ${Math.round(limits.timeoutMs / 1000)} s to read, the limit: it is too large or too complex. Import the part with the learning, or write the review file by hand.`,
            ),
          ),
        ),
      limits.timeoutMs,
    );
    worker.once('message', (answer: Answer) =>
      finish(() =>
        answer.ok ? resolve(answer.result) : reject(errorFrom(answer.code, answer.message)),
      ),
    );
    worker.once('error', (error: NodeJS.ErrnoException) =>
      finish(() => reject(workerFailure(error, input.fileName, limits))),
    );
    worker.once('exit', (code) =>
      finish(() => reject(new BotError('internal', `the document reader stopped (exit ${code})`))),
    );
    // A copy, handed over: the caller keeps its bytes and nothing is copied twice.
    const bytes = new Uint8Array(input.bytes);
    // The vocabulary goes as plain lists: a corpus's maps and lessons are not needed there.
    const { themes, agencies, glossary } = context.vocabulary;
    const request = {
      input: { bytes, fileName: input.fileName },
      context: {
        vocabulary: { themes, agencies, glossary },
        liveReviewIds: new Set(context.liveReviewIds),
        today: context.today,
      },
    };
    worker.postMessage(request, [bytes.buffer]);
  });
}

function errorFrom(code: ErrorCode, message: string): BotError {
  return new BotError(
    code,
    code === 'internal' ? `the document reader failed: ${message}` : message,
  );
}

function workerFailure(
  error: NodeJS.ErrnoException,
  fileName: string,
  limits: ImportLimits,
): BotError {
  if (error.code === 'ERR_WORKER_OUT_OF_MEMORY')
    return new BotError(
      'document_too_large',
      `"${fileName}" needs more than ${limits.memoryMb} MB of memory to read, the limit: it is too large or too complex. Import the part with the learning, or write the review file by hand.`,
    );
  return new BotError('internal', `the document reader failed: ${error.message}`, { cause: error });
}
