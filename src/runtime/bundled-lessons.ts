import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The lessons folder that comes with lessons-bot: `lessons/` at the package's root, found
 * from this module whether it runs as TypeScript (src/) or as the JavaScript built into
 * the package (dist/js/).
 */
export function bundledLessonsDir(from: string = import.meta.dirname): string | undefined {
  for (let dir = from; dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) {
      const lessons = join(dir, 'lessons');
      return existsSync(lessons) ? lessons : undefined;
    }
  }
  return undefined;
}

/**
 * LESSONS_DIR as configured (environment, then .env); unset, `./lessons` when there is
 * one here, else the bundled corpus, so that the installed command answers from anywhere.
 */
export function withLessonsDefault(
  env: Record<string, string | undefined>,
): Record<string, string | undefined> {
  if (env.LESSONS_DIR !== undefined || existsSync('lessons')) return env;
  const bundled = bundledLessonsDir();
  return bundled ? { ...env, LESSONS_DIR: bundled } : env;
}
