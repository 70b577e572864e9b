/**
 * Document readers for the importer: PDF (unpdf), Word (mammoth), web pages
 * (htmlparser2) and text, each turning a file into core's blocks; readInWorker runs them
 * in a worker thread with time and memory limits.
 */
export { readDocument, type Sniffed, sniff } from './read-document.ts';
export { readInWorker } from './read-in-worker.ts';
