import path from 'node:path';

/**
 * The path to show in a problem line: relative to the working directory when the file
 * is inside it (short, and clickable in most terminals), otherwise as the caller gave it.
 */
export function displayPath(dir: string, name = ''): string {
  const full = path.resolve(dir, name);
  const relative = path.relative(process.cwd(), full);
  if (relative === '') return '.';
  if (relative.startsWith('..') || path.isAbsolute(relative)) return path.join(dir, name);
  return relative;
}
