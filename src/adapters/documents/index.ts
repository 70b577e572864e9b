/**
 * Document readers for the importer: PDF (unpdf), Word (mammoth), web pages
 * (htmlparser2) and text, each turning a file into core's blocks; importInWorker runs
 * them and core's drafting in a worker thread with time and memory limits.
 */

export { type Download, downloadFile } from './download-file.ts';
export { importInWorker } from './import-in-worker.ts';
export { readDocument, type Sniffed, sniff } from './read-document.ts';
