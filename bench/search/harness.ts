/**
 * Runs each engine × corpus size in a fresh Node process (worker.ts), one after the other,
 * so that memory and garbage collection never bleed from one engine into the next.
 */

import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpusFile } from './corpus-file.ts';
import { ENGINES } from './engines/index.ts';
import type { MeasureSpec, ResultRow } from './measure.ts';
import type { Skipped } from './report.ts';
import { generateCorpus } from './synthetic-corpus.ts';

/** Engines that take minutes at 100k lessons (build or queries): --quick skips them there. */
export const SLOW_AT_100K = ['lunr', 'orama', 'minisearch-fuzzy'];
/**
 * Always run every query, whatever the time budget: lessons-bot and the MiniSearch runs its
 * targets are measured against, on the same queries (at 100,000 lessons, --quick skips the
 * typo-tolerant one, which takes minutes there).
 */
export const NO_BUDGET = ['lessons-bot', 'lessons-bot-cached', 'minisearch', 'minisearch-fuzzy'];
const CHILD_TIMEOUT_MS = 15 * 60_000;

export interface HarnessOptions {
  sizes: number[];
  engines: string[];
  queries: number;
  /** query time per engine before it stops; null = every query */
  budgetMs: number | null;
  seed: string;
  quick: boolean;
  /** extra Node flags for the measuring processes, e.g. --max-semi-space-size=2 */
  nodeFlags: string[];
}

export interface RunOutcome {
  results: ResultRow[];
  skipped: Skipped[];
  failed: Skipped[];
  /** things a reader must know: engines cut by the time budget, cache warnings */
  notes: string[];
  corpusHashes: Record<string, string>;
  totalS: number;
}

const workerPath = fileURLToPath(new URL('./worker.ts', import.meta.url));
const n = (x: number): string => x.toLocaleString('en-GB');

/** Runs worker.ts in a fresh Node process and returns its one line of JSON. */
function runChild(spec: MeasureSpec, nodeFlags: readonly string[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const args = ['--expose-gc', ...nodeFlags, workerPath, JSON.stringify(spec)];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const last = out.trim().split('\n').at(-1) ?? '';
      try {
        const parsed = JSON.parse(last) as { error?: string };
        if (parsed.error !== undefined) reject(new Error(parsed.error.split('\n')[0]));
        else resolve(parsed);
      } catch {
        reject(new Error(signal === null ? `exited with code ${code}` : `killed by ${signal}`));
      }
    });
  });
}

async function measureOne(spec: MeasureSpec, nodeFlags: readonly string[]): Promise<ResultRow> {
  const cacheDir = await mkdtemp(join(tmpdir(), 'lessons-bot-bench-cache-'));
  try {
    if (ENGINES.find((e) => e.name === spec.engine)?.prepare !== undefined) {
      await runChild({ ...spec, cacheDir, phase: 'prepare' }, nodeFlags);
    }
    return (await runChild({ ...spec, cacheDir }, nodeFlags)) as ResultRow;
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
  }
}

export async function runBenchmark(
  opts: HarnessOptions,
  log: (line: string) => void,
): Promise<RunOutcome> {
  const outcome: RunOutcome = {
    results: [],
    skipped: [],
    failed: [],
    notes: [],
    corpusHashes: {},
    totalS: 0,
  };
  const started = performance.now();
  const corpusDir = await mkdtemp(join(tmpdir(), 'lessons-bot-bench-corpus-'));
  const corpusFile = (lessons: number): string => {
    const file = join(corpusDir, `corpus-${lessons}.json`);
    if (outcome.corpusHashes[lessons] === undefined) {
      const corpus = generateCorpus({ lessons, seed: opts.seed });
      writeCorpusFile(corpus, file);
      outcome.corpusHashes[lessons] = corpus.hash;
    }
    return file;
  };
  const plan = opts.sizes.flatMap((lessons) => opts.engines.map((engine) => ({ engine, lessons })));
  try {
    for (const [i, { engine, lessons }] of plan.entries()) {
      const label = `[${i + 1}/${plan.length}] ${engine} × ${n(lessons)}`;
      if (opts.quick && lessons >= 100_000 && SLOW_AT_100K.includes(engine)) {
        outcome.skipped.push({
          engine,
          lessons,
          reason: '--quick skips the slowest engines at 100k',
        });
        log(`${label}: skipped (--quick)`);
        continue;
      }
      const t = performance.now();
      try {
        const row = await measureOne(
          {
            engine,
            lessons,
            corpusFile: corpusFile(lessons),
            queries: opts.queries,
            seed: opts.seed,
            cacheDir: '',
            phase: 'measure',
            budgetMs: NO_BUDGET.includes(engine) ? null : opts.budgetMs,
          },
          opts.nodeFlags,
        );
        outcome.results.push(row);
        if (row.queries < row.queries_planned) {
          outcome.notes.push(
            `${engine} × ${n(lessons)}: measured on ${row.queries} of ${row.queries_planned} queries ` +
              '(time budget; a uniform sample of the set, --budget 0 runs them all)',
          );
        }
        if (row.errors > 0) {
          outcome.notes.push(`${engine} × ${n(lessons)}: ${row.errors} queries threw an error`);
        }
        if (typeof row.info?.warning === 'string') {
          outcome.notes.push(`${engine} × ${n(lessons)}: ${row.info.warning}`);
        }
        log(
          `${label}: ready ${row.build_ms.toFixed(0)} ms, p50 ${(row.p50_us / 1000).toFixed(2)} ms, ` +
            `p99 ${(row.p99_us / 1000).toFixed(2)} ms, RSS ${row.rss_mb} MB ` +
            `(${((performance.now() - t) / 1000).toFixed(1)} s)`,
        );
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        outcome.failed.push({ engine, lessons, reason });
        log(`${label}: FAILED: ${reason}`);
      }
    }
  } finally {
    await rm(corpusDir, { recursive: true, force: true });
  }
  // The cached index must answer exactly as the built one: same ids, same order.
  for (const cached of outcome.results.filter((r) => r.engine === 'lessons-bot-cached')) {
    const built = outcome.results.find(
      (r) => r.engine === 'lessons-bot' && r.lessons === cached.lessons,
    );
    if (built !== undefined && built.results_hash !== cached.results_hash) {
      outcome.failed.push({
        engine: cached.engine,
        lessons: cached.lessons,
        reason: 'the cached index returned other results than the built one',
      });
    }
  }
  outcome.totalS = (performance.now() - started) / 1000;
  return outcome;
}
