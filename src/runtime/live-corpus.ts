import { type FSWatcher, watch } from 'node:fs';
import {
  type CommandDeps,
  type Corpus,
  CorpusError,
  createSearchIndex,
  formatProblem,
  type Logger,
  loadCorpus,
  loadSearchIndex,
  type SearchIndex,
  summariseCorpus,
} from '../core/index.ts';
import { loadCorpusOffThread } from './load-corpus-off-thread.ts';

export interface LiveCorpus {
  current(): Corpus;
  /** the command deps every front door shares: their corpus and search change on reload */
  deps: CommandDeps;
  /**
   * Loads and validates the folder again, in a worker thread. A folder with problems is
   * not loaded: the previous corpus keeps serving, and the error lists every problem.
   */
  reload(): Promise<string>;
  /** watch the folder and reload when it changes; returns a function that stops watching */
  watch(onReloaded: (summary: string) => void, onFailed: (error: CorpusError) => void): () => void;
  /** the last reload's problems, for /readyz and the logs; null when the last one worked */
  lastProblem(): string | null;
}

export interface LiveCorpusOptions {
  dir: string;
  cacheDir?: string;
  logger: Logger;
  pageSize: number;
  onLoaded?: (corpus: Corpus) => void;
}

function build(corpus: Corpus, cacheDir: string | undefined): SearchIndex {
  return createSearchIndex(corpus, cacheDir ? { cacheDir } : {});
}

/** Loads the corpus once, then swaps it in place on reload so every front door sees the new one. */
export async function openLiveCorpus(options: LiveCorpusOptions): Promise<LiveCorpus> {
  const first = await loadCorpus(options.dir);
  const deps: CommandDeps = {
    corpus: first,
    search: build(first, options.cacheDir),
    pageSize: options.pageSize,
    random: Math.random,
  };
  options.onLoaded?.(first);
  let problem: string | null = null;
  let reloading: Promise<string> | null = null;

  async function load(): Promise<string> {
    try {
      // Off the event loop: requests are answered from the previous corpus meanwhile.
      const { corpus, searchData } = await loadCorpusOffThread(options.dir);
      const search = loadSearchIndex(corpus, searchData, { source: 'worker' });
      deps.corpus = corpus;
      deps.search = search;
      problem = null;
      options.onLoaded?.(corpus);
      return summariseCorpus(corpus);
    } catch (error) {
      problem =
        error instanceof CorpusError ? error.problems.map(formatProblem).join('\n') : String(error);
      throw error;
    }
  }

  const reload = () => {
    // Two reloads at once (a burst of file events and an admin) share one load.
    reloading ??= load().finally(() => {
      reloading = null;
    });
    return reloading;
  };

  return {
    current: () => deps.corpus,
    deps,
    reload,
    lastProblem: () => problem,
    watch(onReloaded, onFailed) {
      let timer: NodeJS.Timeout | undefined;
      let watcher: FSWatcher | undefined;
      try {
        watcher = watch(options.dir, () => {
          clearTimeout(timer);
          // Editors write a file in several steps: wait for the folder to settle.
          timer = setTimeout(() => {
            reload().then(onReloaded, (error: unknown) => {
              if (error instanceof CorpusError) onFailed(error);
              else options.logger.error('corpus reload failed', { error: String(error) });
            });
          }, 300);
        });
        watcher.on('error', (error) =>
          options.logger.warn('stopped watching the lessons folder', { error: error.message }),
        );
      } catch (error) {
        options.logger.warn('cannot watch the lessons folder; use the reload command', {
          error: String(error),
        });
      }
      return () => {
        clearTimeout(timer);
        watcher?.close();
      };
    },
  };
}
