import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { BotError } from '../errors.ts';
import { type BuiltIndex, miniSearchOptions } from './build-index.ts';
import type { Lexicon } from './build-lexicon.ts';

/**
 * Bump whenever what the index means changes: tokenizer, stemmer, stop-words, phrases,
 * fields, tags, layout. An index written under another version is refused, and rebuilt.
 */
export const INDEX_SCHEMA_VERSION = 2;

const FORMAT = 'lessons-bot search index';
const PREFIX = 'lessons-search-index-';

/** The first line of serialized index data: what MiniSearch's JSON does not hold. */
interface Header {
  format: typeof FORMAT;
  schemaVersion: number;
  corpusHash: string;
  lessons: number;
  /** term → about how many lessons have it */
  frequencies: [string, number][];
  /** the lessons' words as written, with their stems */
  words: [string, string][];
}

/**
 * The index as text, to cache or to send from a worker: a header line (JSON), then
 * MiniSearch's own serialization (`toJSON`), which `MiniSearch.loadJSON` reads back.
 */
export function serializeIndex(corpusHash: string, built: BuiltIndex): string {
  const header: Header = {
    format: FORMAT,
    schemaVersion: INDEX_SCHEMA_VERSION,
    corpusHash,
    lessons: built.mini.documentCount,
    frequencies: [...built.frequencies],
    words: [...built.words],
  };
  return `${JSON.stringify(header)}\n${JSON.stringify(built.mini)}`;
}

/**
 * Reads serialized index data for a corpus. Throws BotError `search_index_version` when it
 * was written by another version of the bot or for other lessons, and `search_index_damaged`
 * when it is damaged.
 */
export function parseIndex(
  data: string,
  corpus: { hash: string; lessons: readonly unknown[] },
  lexicon: Lexicon,
): BuiltIndex {
  const newline = data.indexOf('\n');
  const header = JSON.parse(newline < 0 ? data : data.slice(0, newline)) as Partial<Header>;
  if (header.format !== FORMAT) throw damaged('this is not a lessons-bot search index');
  if (header.schemaVersion !== INDEX_SCHEMA_VERSION || header.corpusHash !== corpus.hash) {
    throw new BotError(
      'search_index_version',
      'The search index was written by another version of lessons-bot or for other lessons; it will be rebuilt.',
    );
  }
  const mini = MiniSearch.loadJSON(data.slice(newline + 1), miniSearchOptions(lexicon));
  if (mini.documentCount !== corpus.lessons.length || header.lessons !== mini.documentCount) {
    throw damaged('the search index is damaged: it does not hold every lesson');
  }
  return {
    mini,
    frequencies: new Map(header.frequencies ?? []),
    words: new Map(header.words ?? []),
  };
}

const damaged = (problem: string) => new BotError('search_index_damaged', problem);

/** The cache file for a corpus: one per corpus hash, so an edited corpus never reads a stale index. */
export function cacheFileFor(cacheDir: string, corpusHash: string): string {
  return join(cacheDir, `${PREFIX}${corpusHash.slice(0, 32)}.ndjson`);
}

/**
 * Writes serialized index data for `corpusHash` (to a temporary file first, so that a
 * reader never sees half a file), and removes the caches of earlier corpora.
 */
export function writeIndexCache(cacheDir: string, corpusHash: string, data: string): string {
  mkdirSync(cacheDir, { recursive: true });
  const file = cacheFileFor(cacheDir, corpusHash);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, file);
  for (const name of readdirSync(cacheDir)) {
    const path = join(cacheDir, name);
    // `.bin` caches are of the index before MiniSearch (schema version 1).
    if (name.startsWith(PREFIX) && /\.(ndjson|bin)$/.test(name) && path !== file)
      rmSync(path, { force: true });
  }
  return file;
}
