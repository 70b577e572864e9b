/**
 * The worker thread that imports one document: unpdf, mammoth and htmlparser2 read it
 * and core drafts it here, under the limits importInWorker sets, so that a hostile or
 * huge file can stall or exhaust only this thread, never the bot.
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
  type DocumentInput,
  describeError,
  type ImportContext,
  type ImportLimits,
  importDocument,
  isBotError,
} from '../../core/index.ts';
import { readDocument } from './read-document.ts';

export interface WorkerRequest {
  input: DocumentInput;
  context: ImportContext;
}

const port = parentPort;
const limits = (workerData as { limits: ImportLimits }).limits;
if (port) {
  port.once('message', async ({ input, context }: WorkerRequest) => {
    try {
      const result = await importDocument(input, {
        ...context,
        read: (document) => readDocument(document, limits),
      });
      port.postMessage({ ok: true, result });
    } catch (error) {
      port.postMessage(
        isBotError(error)
          ? { ok: false, code: error.code, message: error.message }
          : { ok: false, code: 'internal', message: describeError(error) },
      );
    }
  });
}
