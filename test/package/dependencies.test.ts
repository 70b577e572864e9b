/**
 * Every package the shipped code imports is declared as a dependency: one that resolves
 * only because npm hoisted another package's dependency breaks the day that changes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../helpers/run-process.ts';

/** The files that run in production: src/ without its tests, and the launcher. */
function shippedFiles(): string[] {
  const src = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => join(ROOT, 'src', f));
  return [...src, join(ROOT, 'bin', 'lessons-bot.js')];
}

/**
 * `@scope/name` or `name` of every bare specifier imported or required. An import statement
 * starts a line, so a comment or a string that says `from '…'` is not one.
 */
function packagesImported(text: string): string[] {
  const specifiers = [
    ...text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+'([^'.][^']*)'/gm),
    ...text.matchAll(/\bimport\(\s*'([^'.][^']*)'\s*\)/g),
    ...text.matchAll(/\brequire\(\s*'([^'.][^']*)'\s*\)/g),
  ].map((m) => m[1] ?? '');
  return specifiers.map((s) =>
    s
      .split('/')
      .slice(0, s.startsWith('@') ? 2 : 1)
      .join('/'),
  );
}

it('declares every package the shipped code imports as a dependency', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
  const used = new Set(shippedFiles().flatMap((f) => packagesImported(readFileSync(f, 'utf8'))));
  const undeclared = [...used].filter((p) => !builtins.has(p) && !(p in manifest.dependencies));
  expect(undeclared).toEqual([]);
  // the check finds what it is meant to find
  expect(used).toContain('@slack/bolt');
});
