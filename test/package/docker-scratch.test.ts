/**
 * The image as the Dockerfile builds it, without a Docker engine: the files its final
 * stage copies, production dependencies installed with `npm ci --omit=dev` from the
 * lockfile (offline, from npm's cache), and its CMD, answering /healthz and its own
 * HEALTHCHECK. And its base image is the exact Node the project is tested on.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROOT, runNode } from '../helpers/run-process.ts';
import { type RunningServer, startServer } from '../helpers/start-server.ts';

const run = promisify(execFile);
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const app = mkdtempSync(join(tmpdir(), 'lessons-bot-image-'));
let server: RunningServer | undefined;

/** `COPY <from the build context> <to>` lines of the final stage. */
function contextCopies(): [string[], string][] {
  const finalStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
  return [...finalStage.matchAll(/^COPY (?!--from)(.+)$/gm)].map((m) => {
    const words = (m[1] ?? '').trim().split(/\s+/);
    return [words.slice(0, -1), words.at(-1) ?? '.'];
  });
}

beforeAll(async () => {
  cpSync(join(ROOT, 'package-lock.json'), join(app, 'package-lock.json'));
  for (const [sources, target] of contextCopies()) {
    for (const source of sources) {
      const into = target.endsWith('/') ? join(app, target, source) : join(app, target);
      cpSync(join(ROOT, source), into, { recursive: true });
    }
  }
  await run('npm', ['ci', '--omit=dev', '--ignore-scripts', '--offline', '--no-audit'], {
    cwd: app,
    env: { ...process.env, npm_config_fund: 'false', npm_config_update_notifier: 'false' },
  });
}, 180_000);

afterAll(async () => {
  await server?.stop();
  rmSync(app, { recursive: true, force: true });
});

it('pins the base image to the exact Node version the project runs on', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  const image = /^ARG NODE_IMAGE=(\S+)$/m.exec(dockerfile)?.[1];
  expect(image).toBe(`node:${manifest.devDependencies.node}-bookworm-slim`);
  expect(dockerfile.match(/^FROM .*$/gm)).toEqual([
    `FROM \${NODE_IMAGE} AS deps`,
    `FROM \${NODE_IMAGE}`,
  ]);
});

it('serves /healthz from the production dependencies alone, with the image’s CMD', async () => {
  const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(dockerfile)?.[1] ?? '[]') as string[];
  expect(cmd).toEqual(['node', 'src/main.ts', 'serve']);
  server = await startServer(
    { LESSONS_DIR: join(app, 'lessons') },
    { cwd: app, main: join(app, cmd[1] ?? ''), args: cmd.slice(2), timeoutMs: 30_000 },
  );
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  // the image's own HEALTHCHECK, run as Docker would
  const check = JSON.parse(/HEALTHCHECK[^[]*CMD (\[.*\])$/m.exec(dockerfile)?.[1] ?? '[]');
  const [, flag, script] = check as string[];
  const port = new URL(server.url).port;
  const healthy = await runNode(flag ?? '', [script ?? ''], { cwd: app, env: { PORT: port } });
  expect(healthy.code).toBe(0);
}, 60_000);
