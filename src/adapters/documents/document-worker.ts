/**
 * The worker thread that reads one document: unpdf, mammoth and htmlparser2 run here,
 * under the limits readInWorker sets, so that a hostile or huge file can stall or
 * exhaust only this thread, never the bot.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isBotError } from '../../core/index.ts';
import { readDocument } from './read-document.ts';

export interface WorkerRequest {
  bytes: Uint8Array;
  fileName: string;
}

const port = parentPort;
if (port) {
  port.once('message', async (request: WorkerRequest) => {
    try {
      const doc = await readDocument(
        { bytes: request.bytes, fileName: request.fileName },
        workerData.limits,
      );
      port.postMessage({ ok: true, doc });
    } catch (error) {
      port.postMessage(
        isBotError(error)
          ? { ok: false, code: error.code, message: error.message }
          : {
              ok: false,
              code: 'internal',
              message: error instanceof Error ? error.message : String(error),
            },
      );
    }
  });
}
