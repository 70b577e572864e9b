/**
 * Measures one engine on one corpus size, inside its own process (see worker.ts), so that
 * memory and garbage collection do not bleed from one engine into the next.
 */

import { createHash } from 'node:crypto';
import { readCorpusFile } from './corpus-file.ts';
import type { Engine, EngineContext, Searcher } from './engines/types.ts';
import { type BenchQuery, generateQueries, QUERY_CATEGORIES } from './queries.ts';
import { round, summarise } from './stats.ts';

export interface MeasureSpec {
  engine: string;
  lessons: number;
  /** the corpus of `lessons` lessons, written by the harness (see corpus-file.ts) */
  corpusFile: string;
  queries: number;
  seed: string;
  cacheDir: string;
  /** "prepare" runs the engine's prepare step (e.g. filling a cache) and nothing else */
  phase: 'prepare' | 'measure';
  /**
   * Stop measuring after this much query time, in ms (null: run every query). The query
   * list is shuffled, so the queries run are a uniform sample of the whole set.
   */
  budgetMs: number | null;
}

export interface CategoryLatency {
  n: number;
  p50_us: number;
  p99_us: number;
}

export interface ResultRow {
  engine: string;
  lessons: number;
  /** time to build the index, or to load it where the engine loads a cache */
  build_ms: number;
  p50_us: number;
  p95_us: number;
  p99_us: number;
  max_us: number;
  mean_us: number;
  /** resident set after build and a full GC */
  rss_mb: number;
  /** V8 heap in use after build and a full GC */
  heap_mb: number;
  /** memory outside the V8 heap (typed arrays, buffers) after build and a full GC */
  external_mb: number;
  /** RSS and heap with only the corpus and queries loaded, before build */
  base_rss_mb: number;
  base_heap_mb: number;
  /** highest RSS the process reached, build included */
  peak_rss_mb: number;
  /** queries measured: fewer than planned when the time budget ran out */
  queries: number;
  queries_planned: number;
  /** mean number of results returned, at most 10 */
  mean_hits: number;
  /** mean share of the corpus an answer matched, where the engine reports a total */
  mean_match_pct?: number;
  zero_hit_queries: number;
  errors: number;
  /** sha256 of the returned ids, to compare two runs of the same engine */
  results_hash: string;
  corpus_hash: string;
  categories: Record<string, CategoryLatency>;
  info?: Record<string, string | number>;
}

const gc = (): void => {
  if (globalThis.gc === undefined) throw new Error('run with node --expose-gc');
  globalThis.gc();
  globalThis.gc();
};

const mb = (bytes: number): number => round(bytes / 2 ** 20);

/** Warm-up queries: a different set of the same kind, so that nothing is cached in advance. */
const warmupCount = (queries: number): number => Math.max(50, Math.round(queries / 10));
/** Warm-up stops after this long even if queries remain: the slowest engines need seconds each. */
const WARMUP_MAX_MS = 3_000;

export async function prepare(engine: Engine, spec: MeasureSpec): Promise<{ prepare_ms: number }> {
  const corpus = readCorpusFile(spec.corpusFile);
  const context: EngineContext = { cacheDir: spec.cacheDir };
  const t = performance.now();
  await engine.prepare?.(corpus, context);
  return { prepare_ms: round(performance.now() - t) };
}

interface QueryStats {
  latencies: number[];
  byCategory: Map<string, number[]>;
  resultsHash: string;
  hits: number;
  zeroHits: number;
  /** sum and count of the engine's reported totals, where it reports them */
  totalSum: number;
  totalKnown: number;
  errors: number;
}

/** One query, timed whole: the search and the construction of its top-10 results. */
async function timeOne(searcher: Searcher, text: string) {
  const t = performance.now();
  try {
    const answer = searcher.search(text);
    const { hits, total } = answer instanceof Promise ? await answer : answer;
    const us = (performance.now() - t) * 1000;
    return { us, ids: hits.map((h) => h.id), total };
  } catch {
    return { us: (performance.now() - t) * 1000, ids: undefined, total: undefined };
  }
}

async function warmUp(searcher: Searcher, queries: readonly BenchQuery[]): Promise<void> {
  const start = performance.now();
  for (const q of queries) {
    await timeOne(searcher, q.text);
    if (performance.now() - start > WARMUP_MAX_MS) break;
  }
}

async function timeQueries(
  searcher: Searcher,
  queries: readonly BenchQuery[],
  budgetMs: number | null,
): Promise<QueryStats> {
  const stats: QueryStats = {
    latencies: [],
    byCategory: new Map(QUERY_CATEGORIES.map((c) => [c, []])),
    resultsHash: '',
    hits: 0,
    zeroHits: 0,
    totalSum: 0,
    totalKnown: 0,
    errors: 0,
  };
  const hash = createHash('sha256');
  let spentMs = 0;
  for (const q of queries) {
    if (budgetMs !== null && spentMs > budgetMs) break;
    const { us, ids, total } = await timeOne(searcher, q.text);
    spentMs += us / 1000;
    stats.latencies.push(us);
    stats.byCategory.get(q.category)?.push(us);
    hash.update(`${(ids ?? ['!error']).join(',')}\n`);
    if (ids === undefined) stats.errors++;
    else if (ids.length === 0) stats.zeroHits++;
    stats.hits += ids?.length ?? 0;
    if (total !== undefined) {
      stats.totalKnown++;
      stats.totalSum += total;
    }
  }
  stats.resultsHash = hash.digest('hex').slice(0, 16);
  return stats;
}

export async function measure(engine: Engine, spec: MeasureSpec): Promise<ResultRow> {
  const corpus = readCorpusFile(spec.corpusFile);
  const queries = generateQueries(spec.queries, spec.seed);
  const warmup = generateQueries(warmupCount(spec.queries), `${spec.seed}:warmup`);
  gc();
  const base = process.memoryUsage();

  const t0 = performance.now();
  const searcher = await engine.build(corpus, { cacheDir: spec.cacheDir });
  const buildMs = performance.now() - t0;
  gc();
  const built = process.memoryUsage();

  await warmUp(searcher, warmup);
  const stats = await timeQueries(searcher, queries, spec.budgetMs);

  const all = summarise(stats.latencies);
  const categories: Record<string, CategoryLatency> = {};
  for (const [c, samples] of stats.byCategory) {
    if (samples.length === 0) continue;
    const s = summarise(samples);
    categories[c] = { n: s.n, p50_us: round(s.p50), p99_us: round(s.p99) };
  }
  const row: ResultRow = {
    engine: engine.name,
    lessons: corpus.lessons.length,
    build_ms: round(buildMs),
    p50_us: round(all.p50),
    p95_us: round(all.p95),
    p99_us: round(all.p99),
    max_us: round(all.max),
    mean_us: round(all.mean),
    rss_mb: mb(built.rss),
    heap_mb: mb(built.heapUsed),
    external_mb: mb(built.external),
    base_rss_mb: mb(base.rss),
    base_heap_mb: mb(base.heapUsed),
    peak_rss_mb: round(process.resourceUsage().maxRSS / 1024),
    queries: all.n,
    queries_planned: queries.length,
    mean_hits: round(stats.hits / all.n, 2),
    zero_hit_queries: stats.zeroHits,
    errors: stats.errors,
    results_hash: stats.resultsHash,
    corpus_hash: corpus.hash,
    categories,
  };
  if (stats.totalKnown > 0) {
    row.mean_match_pct = round(
      (100 * stats.totalSum) / stats.totalKnown / corpus.lessons.length,
      2,
    );
  }
  if (searcher.info !== undefined) row.info = searcher.info;
  return row;
}
