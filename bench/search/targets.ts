/**
 * The performance targets of docs/architecture.md ("Performance targets") and issue 2, checked
 * against the rows of one run.
 */

import type { ResultRow } from './measure.ts';

export interface TargetCheck {
  engine: string;
  lessons: number;
  target: string;
  /** a few characters, for the results table */
  short: string;
  measured: string;
  /** null when the run lacks what the target is measured against */
  met: boolean | null;
}

const ms = (us: number): string => `${(us / 1000).toFixed(2)} ms`;

export const isLessonsBot = (engine: string): boolean => engine.startsWith('lessons-bot');

export function checkTargets(rows: readonly ResultRow[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const row of rows) {
    if (!isLessonsBot(row.engine)) continue;
    const add = (target: string, short: string, measured: string, met: boolean | null): void => {
      checks.push({ engine: row.engine, lessons: row.lessons, target, short, measured, met });
    };
    if (row.lessons === 100_000) {
      const mini = rows.find((r) => r.engine === 'minisearch' && r.lessons === row.lessons);
      add(
        mini === undefined
          ? 'p99 ≤ ½ × MiniSearch exact p99 (not in this run)'
          : `p99 ≤ ½ × MiniSearch exact p99 = ${ms(mini.p99_us / 2)}`,
        'p99≤½MS',
        ms(row.p99_us),
        mini === undefined ? null : row.p99_us <= mini.p99_us / 2,
      );
      add('p99 < 30 ms', 'p99<30ms', ms(row.p99_us), row.p99_us < 30_000);
      add('p50 < 3 ms', 'p50<3ms', ms(row.p50_us), row.p50_us < 3_000);
      add(
        row.engine === 'lessons-bot-cached' ? 'ready (from cache) < 3 s' : 'ready (build) < 3 s',
        'ready<3s',
        `${(row.build_ms / 1000).toFixed(2)} s`,
        row.build_ms < 3_000,
      );
      add(
        'RSS < 300 MB',
        'RSS<300MB',
        `${row.rss_mb} MB (peak ${row.peak_rss_mb} MB)`,
        row.rss_mb < 300,
      );
    }
    if (row.lessons === 10_000) add('p99 < 5 ms', 'p99<5ms', ms(row.p99_us), row.p99_us < 5_000);
  }
  return checks;
}

export const mark = (met: boolean | null): string => (met === null ? '?' : met ? '✓' : '✗');
