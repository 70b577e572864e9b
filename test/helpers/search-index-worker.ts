/**
 * A worker thread that loads the lessons folder it is given and builds its search index,
 * as a reload would off the event loop: it posts back the index as text.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadCorpus } from '../../src/core/lessons/index.ts';
import { buildSearchIndexData } from '../../src/core/search/index.ts';

const corpus = await loadCorpus(String(workerData));
parentPort?.postMessage({ hash: corpus.hash, data: buildSearchIndexData(corpus) });
