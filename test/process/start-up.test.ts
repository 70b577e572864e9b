/**
 * The process never half-runs: a start that fails closes what it opened and exits 1
 * within seconds, a database that cannot write is not ready, and stopping what
 * `npm start` started stops the bot.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { MAIN, ROOT, runMain } from '../helpers/run-process.ts';
import { type RunningServer, startServer } from '../helpers/start-server.ts';
import {
  SKIP_NOTE,
  TEST_DATABASE_URL,
  TestSchemas,
  warnIfSkipped,
} from '../store/helpers/postgres-schemas.ts';

const folder = mkdtempSync(join(tmpdir(), 'lessons-start-up-'));

/** A database whose subscriptions' pages were overwritten: it opens, and fails when read. */
async function damagedDatabase(): Promise<string> {
  const file = join(folder, `damaged-${Math.random().toString(36).slice(2)}.db`);
  const store = await openStore(`sqlite:${file}`);
  for (let i = 0; i < 200; i++) {
    await store.saveSubscription(
      {
        target: { platform: 'slack', workspace: 'T1', channel: `C${i}`, label: `#team-${i}` },
        schedule: { day: 1, time: '09:00', timezone: 'Europe/London' },
        themes: [],
      },
      new Date(),
    );
  }
  await store.close();
  const db = new DatabaseSync(file);
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  const pages = db
    .prepare("SELECT pageno FROM dbstat WHERE name = 'subscriptions' AND pagetype = 'leaf'")
    .all()
    .map((row) => Number(row.pageno));
  db.close();
  const fd = openSync(file, 'r+');
  for (const page of pages) writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, (page - 1) * 4096);
  closeSync(fd);
  return file;
}

describe('a start that fails', () => {
  it('refuses a damaged SQLite file before listening, and exits 1 within seconds', async () => {
    const file = await damagedDatabase();
    const result = await runMain(['serve'], {
      env: { DATABASE_URL: `sqlite:${file}`, PORT: '0' },
      timeoutMs: 15_000,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/is damaged: .*Restore it from a backup/s);
    expect(result.stdout).not.toContain('lessons-bot —');
  });

  it('refuses DATABASE_URL=sqlite:/proc/nope/x.db at once, naming the folder', async () => {
    const result = await runMain(['serve'], {
      env: { DATABASE_URL: 'sqlite:/proc/nope/x.db', PORT: '0' },
      timeoutMs: 15_000,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Cannot create the folder /proc/nope for the SQLite database');
  });
});

describe('npm start', () => {
  it('stops the bot, gracefully, when npm is sent SIGTERM', async () => {
    const npm = spawn('npm', ['start', '--silent'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        HOST: '127.0.0.1',
        PORT: '0',
        DATABASE_URL: 'sqlite::memory:',
      },
      // its own process group, so that whatever is left can be cleaned up below
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    npm.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    npm.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    try {
      let url: string | undefined;
      for (let i = 0; i < 300 && !url; i++) {
        url = /listens at (http:\/\/127\.0\.0\.1:\d+)\/api\/messages/.exec(output)?.[1];
        if (!url) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      if (!url) throw new Error(`the console did not start:\n${output}`);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      npm.kill('SIGTERM');
      let listening = true;
      for (let i = 0; i < 100 && listening; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        listening = await fetch(`${url}/healthz`).then(
          () => true,
          () => false,
        );
      }
      expect(listening).toBe(false);
    } finally {
      try {
        if (npm.pid) process.kill(-npm.pid, 'SIGKILL');
      } catch {
        // the whole group has gone already
      }
    }
  }, 60_000);
});

const SCRIPT = ['/usr/bin/script', '/bin/script'].find((path) => existsSync(path));

describe.skipIf(!SCRIPT)(
  `the console at a terminal${SCRIPT ? '' : ' (skipped: util-linux script(1), which gives it a terminal, is not installed)'}`,
  () => {
    it('keeps the log out of the prompt, and ends the session on Ctrl-D', async () => {
      const cwd = mkdtempSync(join(folder, 'console-'));
      const child = spawn(
        SCRIPT ?? 'script',
        ['-qec', `${process.execPath} ${MAIN} serve`, '/dev/null'],
        {
          cwd,
          env: {
            PATH: process.env.PATH ?? '',
            HOME: process.env.HOME ?? '',
            PORT: '0',
            DATABASE_URL: 'sqlite::memory:',
            LESSONS_DIR: join(ROOT, 'lessons'),
          },
          stdio: ['pipe', 'pipe', 'pipe'],
        },
      );
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      const until = async (pattern: RegExp) => {
        for (let i = 0; i < 300 && !pattern.test(output); i++) {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        if (!pattern.test(output)) throw new Error(`no ${pattern} in:\n${output}`);
      };
      try {
        await until(/lessons> /);
        child.stdin.write('themes\n');
        await until(/Themes \(lessons\)/);
        child.stdin.write('\u0004');
        const code = await Promise.race([
          exited,
          new Promise((resolve) => setTimeout(() => resolve('still running'), 15_000)),
        ]);
        expect(code).toBe(0);
        expect(output).not.toContain('"level"');
        expect(output).toContain('The log is written to ./data/lessons-bot.log');
        expect(readFileSync(join(cwd, 'data', 'lessons-bot.log'), 'utf8')).toContain(
          '"msg":"lessons-bot ready"',
        );
      } finally {
        child.kill('SIGKILL');
      }
    }, 60_000);
  },
);

describe.skipIf(!TEST_DATABASE_URL)(
  `readiness on PostgreSQL${TEST_DATABASE_URL ? '' : ` (${SKIP_NOTE})`}`,
  () => {
    warnIfSkipped();
    const schemas = new TestSchemas(TEST_DATABASE_URL ?? '');
    const role = `lb_ro_${Math.random().toString(36).slice(2, 10)}`;
    let server: RunningServer | undefined;
    afterAll(async () => {
      await server?.stop();
      await schemas.dropAll();
      await schemas.admin(`DROP OWNED BY ${role}`).catch(() => {});
      await schemas.admin(`DROP ROLE IF EXISTS ${role}`);
    });

    /** Makes every new session of the bot's role read-only (or not), and ends its sessions. */
    async function readOnly(on: boolean): Promise<void> {
      await schemas.admin(
        on
          ? `ALTER ROLE ${role} SET default_transaction_read_only = on`
          : `ALTER ROLE ${role} RESET default_transaction_read_only`,
      );
      await schemas.admin(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1',
        [role],
      );
    }

    async function probes(url: string, count: number): Promise<number[]> {
      const statuses: number[] = [];
      for (let i = 0; i < count; i++) statuses.push((await fetch(`${url}/readyz`)).status);
      return statuses;
    }

    it('is not ready while the database refuses writes, and ready again once it takes them', async () => {
      const { schema, url } = await schemas.create();
      await schemas.admin(`CREATE ROLE ${role} LOGIN`);
      await schemas.admin(`GRANT ALL ON SCHEMA ${schema} TO ${role}`);
      const asRole = new URL(url);
      asRole.username = role;
      asRole.password = '';
      server = await startServer({ DATABASE_URL: asRole.toString() }, { timeoutMs: 30_000 });
      expect(await probes(server.url, 1)).toEqual([200]);
      await readOnly(true);
      // the first probe may meet a session just ended; those after it meet read-only ones
      const [, ...after] = await probes(server.url, 4);
      expect(after).toEqual([503, 503, 503]);
      const body = (await (await fetch(`${server.url}/readyz`)).json()) as {
        checks: { store: { detail: string } };
      };
      expect(body.checks.store.detail).toMatch(/does not accept writes/);
      await readOnly(false);
      const [, ...back] = await probes(server.url, 3);
      expect(back).toEqual([200, 200]);
    }, 60_000);
  },
);
