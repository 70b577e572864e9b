import { resolve } from 'node:path';
import {
  type CommandDeps,
  type Corpus,
  createSearchIndex,
  loadCorpus,
  type SearchIndex,
} from '../../src/core/index.ts';

export const LESSONS_DIR = resolve(import.meta.dirname, '../../lessons');

let loaded: Promise<{ corpus: Corpus; search: SearchIndex }> | undefined;

/** The real corpus from lessons/ and its search index, loaded once per test file. */
export async function realDeps(random: () => number = () => 0): Promise<CommandDeps> {
  loaded ??= loadCorpus(LESSONS_DIR).then((corpus) => ({
    corpus,
    search: createSearchIndex(corpus),
  }));
  const { corpus, search } = await loaded;
  return { corpus, search, pageSize: 3, random };
}
