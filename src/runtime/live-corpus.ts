import { type FSWatcher, watch } from 'node:fs';
import {
  type CommandDeps,
  type Corpus,
  CorpusError,
  type CorpusProblem,
  createSearchIndex,
  formatProblem,
  type KeptReviews,
  type Logger,
  loadCorpusWithKept,
  loadSearchIndex,
  type SearchIndex,
  summariseCorpus,
} from '../core/index.ts';
import { type LoadedCorpus, loadCorpusOffThread } from './load-corpus-off-thread.ts';

export interface LiveCorpus {
  current(): Corpus;
  /**
   * The command deps every front door shares, with the store's commands and metrics when
   * there are some: their corpus and search are always the latest loaded.
   */
  deps(more?: Pick<CommandDeps, 'briefings' | 'metrics'>): CommandDeps;
  /**
   * Loads and validates the folder again, with the store's live reviews, in a worker
   * thread. A folder with problems is not loaded: the previous corpus keeps serving, and
   * the error lists every problem. A store review with problems is left out (and logged).
   */
  reload(): Promise<string>;
  /** watch the folder and reload when it changes; returns a function that stops watching */
  watch(onReloaded: (summary: string) => void, onFailed: (error: CorpusError) => void): () => void;
  /**
   * Polls the store (every pollMs) for reviews made live by any replica or the command
   * line, and reloads when there is one; returns a function that stops polling.
   */
  follow(onReloaded: (summary: string) => void, onFailed: (error: CorpusError) => void): () => void;
  /** the last reload's problems, for /readyz and the logs; null when the last one worked */
  lastProblem(): string | null;
}

export interface LiveCorpusOptions {
  dir: string;
  cacheDir?: string;
  logger: Logger;
  pageSize: number;
  onLoaded?: (corpus: Corpus) => void;
  /** the store's reviews: its live ones are served with the folder's */
  kept?: KeptReviews;
  /** how often watch() asks the store whether a review went live (10 s by default) */
  pollMs?: number;
}

/** A replica serves a review another one approved within this, by default. */
const POLL_MS = 10_000;

function build(corpus: Corpus, cacheDir: string | undefined): SearchIndex {
  return createSearchIndex(corpus, cacheDir ? { cacheDir } : {});
}

/** Loads the corpus once, then swaps it in place on reload so every front door sees the new one. */
export async function openLiveCorpus(options: LiveCorpusOptions): Promise<LiveCorpus> {
  const { kept } = options;
  let seenVersion = await kept?.liveVersion();
  const first0 = await loadCorpusWithKept(options.dir, (await kept?.list('live')) ?? []);
  warnLeftOut(first0.leftOut);
  const first = first0.corpus;
  const loaded = { corpus: first, search: build(first, options.cacheDir) };
  options.onLoaded?.(first);
  let problem: string | null = null;
  let reloading: Promise<string> | null = null;

  async function load(): Promise<string> {
    let version: string | undefined;
    try {
      // The version first: a review made live while this loads is picked up by the next poll.
      version = await kept?.liveVersion();
      // Off the event loop: requests are answered from the previous corpus meanwhile.
      const { corpus, searchData, leftOut }: LoadedCorpus = await loadCorpusOffThread(
        options.dir,
        (await kept?.list('live')) ?? [],
      );
      warnLeftOut(leftOut);
      const search = loadSearchIndex(corpus, searchData, { source: 'worker' });
      Object.assign(loaded, { corpus, search });
      problem = null;
      seenVersion = version;
      options.onLoaded?.(corpus);
      return summariseCorpus(corpus) + leftOutNote(leftOut);
    } catch (error) {
      // The folder's problems wait for the folder to change; a store that failed, for the next poll.
      if (error instanceof CorpusError) seenVersion = version;
      problem =
        error instanceof CorpusError ? error.problems.map(formatProblem).join('\n') : String(error);
      throw error;
    }
  }

  function warnLeftOut(leftOut: readonly CorpusProblem[]): void {
    if (leftOut.length === 0) return;
    options.logger.warn('reviews kept in the store left out of the lessons: they have problems', {
      problems: leftOut.slice(0, 20).map(formatProblem),
    });
  }

  /** Asks the store whether a review went live since the last load; reloads if so. */
  async function poll(): Promise<boolean> {
    if (!kept) return false;
    const version = await kept.liveVersion();
    return version !== seenVersion;
  }

  const reloadAndTell = (
    onReloaded: (summary: string) => void,
    onFailed: (error: CorpusError) => void,
  ): Promise<void> =>
    reload().then(onReloaded, (error: unknown) => {
      if (error instanceof CorpusError) onFailed(error);
      else options.logger.error('corpus reload failed', { error: String(error) });
    });

  const reload = () => {
    // Two reloads at once (a burst of file events and an admin) share one load.
    reloading ??= load().finally(() => {
      reloading = null;
    });
    return reloading;
  };

  return {
    current: () => loaded.corpus,
    deps: (more = {}) => ({
      get corpus() {
        return loaded.corpus;
      },
      get search() {
        return loaded.search;
      },
      pageSize: options.pageSize,
      random: Math.random,
      ...more,
    }),
    reload,
    lastProblem: () => problem,
    follow(onReloaded, onFailed) {
      if (!kept) return () => {};
      const timer = pollStore(poll, () => reloadAndTell(onReloaded, onFailed), options);
      return () => clearInterval(timer);
    },
    watch(onReloaded, onFailed) {
      let timer: NodeJS.Timeout | undefined;
      let watcher: FSWatcher | undefined;
      try {
        watcher = watch(options.dir, () => {
          clearTimeout(timer);
          // Editors write a file in several steps: wait for the folder to settle.
          timer = setTimeout(() => reloadAndTell(onReloaded, onFailed), 300);
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

function leftOutNote(leftOut: readonly CorpusProblem[]): string {
  if (leftOut.length === 0) return '';
  const files = new Set(leftOut.map((problem) => problem.file));
  return `; left out ${files.size === 1 ? '1 review' : `${files.size} reviews`} kept in the store, which ${files.size === 1 ? 'has' : 'have'} problems: ${[...files].join(', ')}`;
}

/**
 * Every replica polls the store (one cheap query) rather than being told: a review
 * approved on any replica, or by the command line, is served everywhere within pollMs.
 * A store that does not answer is said once, and again when it answers.
 */
function pollStore(
  changed: () => Promise<boolean>,
  reload: () => Promise<void>,
  options: LiveCorpusOptions,
): NodeJS.Timeout {
  let failing = false;
  let busy = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      const yes = await changed();
      if (failing) options.logger.info('the store answers again: polling for reviews resumed');
      failing = false;
      if (yes) await reload();
    } catch (error) {
      if (!failing)
        options.logger.warn('cannot ask the store for new reviews; will keep trying', {
          error: error instanceof Error ? error.name : 'unknown',
        });
      failing = true;
    } finally {
      busy = false;
    }
  }, options.pollMs ?? POLL_MS);
  timer.unref();
  return timer;
}
