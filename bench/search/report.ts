/** The readable report: a results table, the targets, and what was skipped or failed. */

import { ENGINES } from './engines/index.ts';
import type { ResultRow } from './measure.ts';
import { checkTargets, isLessonsBot, mark } from './targets.ts';

export interface Skipped {
  engine: string;
  lessons: number;
  reason: string;
}

/** A plain-text table: numeric columns right-aligned, the others left-aligned. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => rows.every((r) => /^[\d.,]*$/.test(r[i] ?? '')));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const ms = (us: number): string => (us / 1000).toFixed(us < 10_000 ? 2 : 1);

function targetSummary(row: ResultRow, rows: readonly ResultRow[]): string {
  const checks = checkTargets(rows).filter(
    (c) => c.engine === row.engine && c.lessons === row.lessons,
  );
  return checks.map((c) => `${mark(c.met)}${c.short}`).join(' ');
}

export function resultsTable(rows: readonly ResultRow[]): string {
  const header = [
    'engine',
    'lessons',
    'ready ms',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'RSS MB',
    'base MB',
    'heap MB',
    'queries',
    'hits',
    'match %',
    'targets',
  ];
  const body = rows.map((r) => [
    r.engine,
    r.lessons.toLocaleString('en-GB'),
    r.build_ms.toFixed(0),
    ms(r.p50_us),
    ms(r.p95_us),
    ms(r.p99_us),
    r.rss_mb.toFixed(0),
    r.base_rss_mb.toFixed(0),
    r.heap_mb.toFixed(0),
    String(r.queries),
    r.mean_hits.toFixed(1),
    r.mean_match_pct === undefined ? '' : r.mean_match_pct.toFixed(1),
    isLessonsBot(r.engine) ? targetSummary(r, rows) : '',
  ]);
  return table(header, body);
}

export function categoryTable(rows: readonly ResultRow[]): string {
  const categories = [...new Set(rows.flatMap((r) => Object.keys(r.categories)))];
  const header = ['engine', 'lessons', ...categories.map((c) => `${c} p99`)];
  const body = rows.map((r) => [
    r.engine,
    r.lessons.toLocaleString('en-GB'),
    ...categories.map((c) => {
      const s = r.categories[c];
      return s === undefined ? '' : ms(s.p99_us);
    }),
  ]);
  return table(header, body);
}

export function targetsTable(rows: readonly ResultRow[]): string {
  const checks = checkTargets(rows);
  if (checks.length === 0) return '(no lessons-bot rows at 1,000 or 30,000 lessons in this run)';
  return table(
    ['engine', 'lessons', 'target', 'measured', 'met'],
    checks.map((c) => [
      c.engine,
      c.lessons.toLocaleString('en-GB'),
      c.target,
      c.measured,
      mark(c.met),
    ]),
  );
}

export function engineLegend(rows: readonly ResultRow[]): string {
  const names = [...new Set(rows.map((r) => r.engine))];
  return names
    .map((name) => `  ${name}: ${ENGINES.find((e) => e.name === name)?.description ?? ''}`)
    .join('\n');
}

export function readableReport(
  rows: readonly ResultRow[],
  skipped: readonly Skipped[],
  failed: readonly Skipped[],
  notes: readonly string[],
): string {
  const parts = [
    'Search benchmark: ready = build (or cache load); per query, the whole search with its top-10',
    'results built; RSS after build and a full GC, base = Node + corpus only; queries = measured;',
    'hits = results returned (≤ 10); match % = share of the corpus an average query matched.',
    '',
    resultsTable(rows),
    '',
    'Engines:',
    engineLegend(rows),
    '',
    'p99 by query category (ms)',
    '',
    categoryTable(rows),
    '',
    'Targets for lessons-bot (docs/architecture.md, "Performance targets")',
    '',
    targetsTable(rows),
  ];
  if (skipped.length > 0) {
    parts.push('', 'Skipped:', ...skipped.map((s) => `  ${s.engine} × ${s.lessons}: ${s.reason}`));
  }
  if (failed.length > 0) {
    parts.push('', 'FAILED:', ...failed.map((s) => `  ${s.engine} × ${s.lessons}: ${s.reason}`));
  }
  if (notes.length > 0) parts.push('', ...notes);
  return parts.join('\n');
}
