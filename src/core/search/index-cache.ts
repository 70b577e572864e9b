import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BotError } from '../errors.ts';
import type { Postings } from './postings.ts';

/**
 * Bump whenever what the index means changes: tokenizer, stemmer, stop-words, fields,
 * file layout. A cache written under another version is refused, and rebuilt.
 */
export const INDEX_SCHEMA_VERSION = 1;

const PREFIX = 'lessons-search-index-';
const MAGIC = 'LBSI';

/** What a cache file holds besides the arrays: small, so JSON. */
interface Header {
  schemaVersion: number;
  corpusHash: string;
  lessons: number;
  fieldCount: number;
  postings: number;
  terms: string[];
  averages: number[];
  /** the lessons' words as written, with their stems */
  words: [string, string][];
}

export interface CachedIndex {
  postings: Postings;
  words: Map<string, string>;
}

/** The cache file for a corpus: one per corpus hash, so an edited corpus never reads a stale index. */
export function cacheFileFor(cacheDir: string, corpusHash: string): string {
  return join(cacheDir, `${PREFIX}${corpusHash.slice(0, 32)}.bin`);
}

/**
 * Writes the index for `corpusHash` (to a temporary file first, so that a reader never
 * sees half a file) and removes caches of earlier corpora from the same folder.
 * Layout: "LBSI", header length (u32), header JSON, padding to 4 bytes, then the
 * arrays: offsets (u32), docs (i32), lengths (u16 per field), freqs (u16).
 */
export function writeIndexCache(
  cacheDir: string,
  corpusHash: string,
  postings: Postings,
  words: ReadonlyMap<string, string>,
): string {
  mkdirSync(cacheDir, { recursive: true });
  const file = cacheFileFor(cacheDir, corpusHash);
  const header: Header = {
    schemaVersion: INDEX_SCHEMA_VERSION,
    corpusHash,
    lessons: postings.lengths[0]?.length ?? 0,
    fieldCount: postings.fieldCount,
    postings: postings.docs.length,
    terms: [...postings.terms],
    averages: [...postings.averages],
    words: [...words],
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const start = align4(8 + json.length);
  const prefix = Buffer.alloc(start);
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(json.length, 4);
  json.copy(prefix, 8);
  const parts = [prefix, postings.offsets, postings.docs, ...postings.lengths, postings.freqs].map(
    (a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength),
  );
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, Buffer.concat(parts));
  renameSync(temporary, file);
  removeOtherCaches(cacheDir, file);
  return file;
}

/**
 * Reads a cached index. Throws BotError `search_index_version` when it was written by
 * another version of the bot or for another corpus, and an Error when it is damaged.
 */
export function readIndexCache(file: string, corpusHash: string): CachedIndex {
  const bytes = readFileSync(file);
  if (bytes.length < 8 || bytes.toString('latin1', 0, 4) !== MAGIC) {
    throw new Error(`${file} is not a lessons-bot search index`);
  }
  const length = bytes.readUInt32LE(4);
  const header = JSON.parse(bytes.toString('utf8', 8, 8 + length)) as Header;
  if (header.schemaVersion !== INDEX_SCHEMA_VERSION || header.corpusHash !== corpusHash) {
    throw new BotError(
      'search_index_version',
      `The search index cache ${file} was written by another version of lessons-bot or for other lessons; it will be rebuilt.`,
    );
  }
  return { postings: readArrays(bytes, align4(8 + length), header), words: new Map(header.words) };
}

function readArrays(bytes: Buffer, start: number, h: Header): Postings {
  // Views need aligned offsets; a copy guarantees that whatever buffer the file landed in.
  const buffer = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes);
  let at = buffer.byteOffset + start;
  const take = <T>(
    make: (b: ArrayBufferLike, at: number, n: number) => T,
    n: number,
    size: number,
  ): T => {
    if (at + n * size > buffer.byteOffset + buffer.length)
      throw new Error('search index cache is damaged');
    const view = make(buffer.buffer, at, n);
    at += n * size;
    return view;
  };
  const slots = h.terms.length * h.fieldCount + 1;
  const offsets = take((b, o, n) => new Uint32Array(b, o, n), slots, 4);
  const docs = take((b, o, n) => new Int32Array(b, o, n), h.postings, 4);
  const lengths = Array.from({ length: h.fieldCount }, () =>
    take((b, o, n) => new Uint16Array(b, o, n), h.lessons, 2),
  );
  const freqs = take((b, o, n) => new Uint16Array(b, o, n), h.postings, 2);
  return {
    termIds: new Map(h.terms.map((t, i) => [t, i])),
    terms: h.terms,
    fieldCount: h.fieldCount,
    offsets,
    docs,
    freqs,
    lengths,
    averages: Float64Array.from(h.averages),
  };
}

const align4 = (n: number): number => (n + 3) & ~3;

function removeOtherCaches(cacheDir: string, keep: string): void {
  for (const name of readdirSync(cacheDir)) {
    const path = join(cacheDir, name);
    if (name.startsWith(PREFIX) && name.endsWith('.bin') && path !== keep)
      rmSync(path, { force: true });
  }
}
