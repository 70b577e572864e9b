import type { CorpusProblem } from '../errors.ts';

/** Beyond this, more lines from one file bury the others and help nobody. */
export const MAX_PROBLEMS_PER_FILE = 50;

/**
 * Problems in reading order (file, then line), at most MAX_PROBLEMS_PER_FILE per file
 * with a last line saying how many more there are.
 */
export function sortAndCap(problems: readonly CorpusProblem[]): CorpusProblem[] {
  const sorted = [...problems].sort(
    (a, b) => compare(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0),
  );
  const perFile = new Map<string, number>();
  const out: CorpusProblem[] = [];
  for (const problem of sorted) {
    const count = (perFile.get(problem.file) ?? 0) + 1;
    perFile.set(problem.file, count);
    if (count <= MAX_PROBLEMS_PER_FILE) out.push(problem);
  }
  for (const [file, count] of perFile) {
    if (count <= MAX_PROBLEMS_PER_FILE) continue;
    const more = count - MAX_PROBLEMS_PER_FILE;
    const at = out.findLastIndex((problem) => problem.file === file) + 1;
    out.splice(at, 0, {
      file,
      message: `and ${more} more problem${more === 1 ? '' : 's'} in this file`,
      fix: 'fix the ones above and check again',
    });
  }
  return out;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
