/**
 * The package is what it claims: `npm pack` builds the JavaScript it carries (Node does
 * not strip types under node_modules), and the tarball, installed into an empty project,
 * runs the `lessons-bot` command and serves `import … from 'lessons-bot'`. Installed
 * offline, from the packages the repository's lockfile already brought into npm's cache.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runNode } from '../helpers/run-process.ts';

const run = promisify(execFile);
const project = mkdtempSync(join(tmpdir(), 'lessons-bot-installed-'));
const npmEnv = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false' };

interface LockEntry {
  dev?: boolean;
  devOptional?: boolean;
}

/**
 * The empty project's package.json and lockfile: lessons-bot from the tarball, and its
 * dependencies as the repository's lockfile resolved them (its production entries).
 */
function consumerProject(tarball: string): void {
  const ours = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const production = Object.entries(lock.packages).filter(
    ([path, entry]) => path !== '' && !entry.dev && !entry.devOptional,
  );
  const dependencies = { 'lessons-bot': `file:${tarball}` };
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies }),
  );
  writeFileSync(
    join(project, 'package-lock.json'),
    JSON.stringify({
      name: 'consumer',
      lockfileVersion: 3,
      requires: true,
      packages: {
        '': { name: 'consumer', dependencies },
        'node_modules/lessons-bot': {
          version: ours.version,
          resolved: `file:${tarball}`,
          dependencies: ours.dependencies,
          bin: ours.bin,
          engines: ours.engines,
        },
        ...Object.fromEntries(production),
      },
    }),
  );
}

beforeAll(async () => {
  const packed = await run('npm', ['pack', '--json', '--pack-destination', project], {
    cwd: ROOT,
    env: npmEnv,
  });
  const [{ filename }] = JSON.parse(packed.stdout) as [{ filename: string }];
  consumerProject(filename);
  await run('npm', ['ci', '--offline', '--no-audit', '--ignore-scripts'], {
    cwd: project,
    env: npmEnv,
  });
}, 180_000);

afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('the packed package, installed', () => {
  it('carries JavaScript and its lessons, and no TypeScript', () => {
    const installed = join(project, 'node_modules', 'lessons-bot');
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    expect(manifest.exports['.'].default).toBe('./dist/js/index.js');
    expect(readFileSync(join(installed, 'dist', 'js', 'main.js'), 'utf8')).toContain(
      "from './core/index.js'",
    );
    expect(() => readFileSync(join(installed, 'src', 'main.ts'))).toThrow();
    expect(readFileSync(join(installed, 'lessons', 'themes.yaml'), 'utf8')).toContain('themes:');
  });

  it('runs `lessons-bot reviews --json` from an empty folder, on the lessons it carries', async () => {
    const bin = join(project, 'node_modules', '.bin', 'lessons-bot');
    const result = await runNode(bin, ['reviews', '--json'], { cwd: project });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const { reviews } = JSON.parse(result.stdout) as { reviews: { id: string }[] };
    expect(reviews.map((r) => r.id)).toContain('southwark-child-r');
  });

  it('serves `import { loadLessons } from "lessons-bot"`', async () => {
    const script = join(project, 'use.mjs');
    writeFileSync(
      script,
      [
        "import { createSearchIndex, loadLessons } from 'lessons-bot';",
        "const corpus = await loadLessons('node_modules/lessons-bot/lessons');",
        "const { results } = createSearchIndex(corpus).search('lessons on chronologies', { limit: 1 });",
        'console.log(JSON.stringify({ reviews: corpus.reviews.length, first: results[0]?.id }));',
      ].join('\n'),
    );
    const result = await runNode(script, [], { cwd: project });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ reviews: 4, first: expect.any(String) });
  });
});
