/**
 * lessons-bot's own search, with all its query understanding, through its public API.
 * Imported lazily so that the other engines still run while it is being written.
 */

import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Corpus } from '../../../src/core/lessons/types.ts';
import type { SearchIndex } from '../../../src/core/search/types.ts';
import { type Engine, type Searcher, TOP_K } from './types.ts';

interface SearchModule {
  createSearchIndex(
    corpus: Corpus,
    options?: { cacheDir?: string },
  ): SearchIndex | Promise<SearchIndex>;
}

async function searchModule(): Promise<SearchModule> {
  const url = new URL('../../../src/core/search/index.ts', import.meta.url);
  let mod: Partial<SearchModule>;
  try {
    mod = (await import(url.href)) as Partial<SearchModule>;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' && (error as Error).message.includes(url.pathname)) {
      throw new Error('src/core/search/index.ts does not exist yet');
    }
    throw error;
  }
  if (typeof mod.createSearchIndex !== 'function') {
    throw new Error('src/core/search/index.ts does not export createSearchIndex');
  }
  return mod as SearchModule;
}

/** What the index says about where it came from (built, or loaded from a cache file). */
function originInfo(index: SearchIndex): Record<string, string> {
  const origin = (index as { origin?: { source?: string; cacheProblem?: string } }).origin;
  return {
    ...(origin?.source === undefined ? {} : { origin: origin.source }),
    ...(origin?.cacheProblem === undefined ? {} : { cache_problem: origin.cacheProblem }),
  };
}

function searcher(index: SearchIndex, info: Record<string, string | number> = {}): Searcher {
  return {
    info: { ...originInfo(index), ...info },
    search(query) {
      const r = index.search(query, { limit: TOP_K });
      return { hits: r.results, total: r.total };
    },
  };
}

async function folderBytes(dir: string): Promise<number> {
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) bytes += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return bytes;
}

export const lessonsBot: Engine = {
  name: 'lessons-bot',
  description:
    'createSearchIndex(corpus): full query understanding (stemming, glossary, themes, ' +
    'typo tolerance where a term has no exact match; the API has no switch to turn it ' +
    'off); ready = build',
  async build(corpus) {
    const { createSearchIndex } = await searchModule();
    return searcher(await createSearchIndex(corpus));
  },
};

export const lessonsBotCached: Engine = {
  name: 'lessons-bot-cached',
  description:
    'the same, ready = loading the cached index (MiniSearch.loadJSON) written by an earlier ' +
    'process (createSearchIndex with options.cacheDir)',
  async prepare(corpus, { cacheDir }) {
    const { createSearchIndex } = await searchModule();
    await createSearchIndex(corpus, { cacheDir });
  },
  async build(corpus, { cacheDir }) {
    const mod = await searchModule();
    const cacheBytes = await folderBytes(cacheDir);
    const index = await mod.createSearchIndex(corpus, { cacheDir });
    return searcher(index, {
      cache_mb: Math.round((cacheBytes / 2 ** 20) * 10) / 10,
      ...(cacheBytes === 0 ? { warning: 'the cache folder was empty: nothing was cached' } : {}),
      ...(originInfo(index).origin === 'built'
        ? { warning: 'the index was rebuilt, not loaded' }
        : {}),
    });
  },
};
