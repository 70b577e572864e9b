/**
 * What the importer accepts, stated once so that every door says the same. A published
 * review is a few hundred kilobytes to a few megabytes and 20 to 150 pages; these limits
 * leave room for the largest while keeping a hostile file from holding the bot.
 */
export const IMPORT_LIMITS = {
  /** the file as sent */
  maxBytes: 50 * 1024 * 1024,
  /** PDF pages */
  maxPages: 300,
  /** a Word file unzipped (a Word file is a zip; a "zip bomb" unzips to gigabytes) */
  maxUnzippedBytes: 200 * 1024 * 1024,
  /** entries in a Word file's zip */
  maxZipEntries: 5000,
  /** the worker's wall-clock time */
  timeoutMs: 60_000,
  /** the worker's JavaScript heap */
  memoryMb: 512,
} as const;

export type ImportLimits = { -readonly [K in keyof typeof IMPORT_LIMITS]: number };

export function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/** One line for help texts and docs. */
export function describeLimits(limits: ImportLimits = IMPORT_LIMITS): string {
  return `at most ${megabytes(limits.maxBytes)} and ${limits.maxPages} pages`;
}
