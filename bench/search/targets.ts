/**
 * The performance targets of docs/architecture.md ("Performance targets"), checked
 * against the rows of one run: national scale is 30,000 lessons, a partnership's own
 * corpus a few hundred.
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

/** The sizes the targets are set at. */
export const NATIONAL = 30_000;
export const PARTNERSHIP = 1_000;

export function checkTargets(rows: readonly ResultRow[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const row of rows) {
    if (!isLessonsBot(row.engine)) continue;
    const add = (target: string, short: string, measured: string, met: boolean | null): void => {
      checks.push({ engine: row.engine, lessons: row.lessons, target, short, measured, met });
    };
    if (row.lessons === NATIONAL) {
      if (row.engine === 'lessons-bot-cached') {
        const s = `${(row.build_ms / 1000).toFixed(2)} s`;
        add('ready (from cache) < 2 s', 'ready<2s', s, row.build_ms < 2_000);
      }
      add('p50 < 5 ms', 'p50<5ms', ms(row.p50_us), row.p50_us < 5_000);
      add('p99 < 30 ms', 'p99<30ms', ms(row.p99_us), row.p99_us < 30_000);
      const fuzzy = rows.find((r) => r.engine === 'minisearch-fuzzy' && r.lessons === row.lessons);
      add(
        fuzzy === undefined
          ? 'p99 ≤ ½ × MiniSearch typo-tolerant p99 (not in this run)'
          : `p99 ≤ ½ × MiniSearch typo-tolerant p99 = ${ms(fuzzy.p99_us / 2)}`,
        'p99≤½MSfuzzy',
        ms(row.p99_us),
        fuzzy === undefined ? null : row.p99_us <= fuzzy.p99_us / 2,
      );
      add(
        'RSS < 300 MB',
        'RSS<300MB',
        `${row.rss_mb} MB (peak ${row.peak_rss_mb} MB)`,
        row.rss_mb < 300,
      );
    }
    if (row.lessons === PARTNERSHIP)
      add('p99 < 2 ms', 'p99<2ms', ms(row.p99_us), row.p99_us < 2_000);
  }
  return checks;
}

export const mark = (met: boolean | null): string => (met === null ? '?' : met ? '✓' : '✗');
