/**
 * The real process, started as `npm start` starts it, with different environments:
 * health, readiness, metrics, 401s, logs that keep questions and secrets out, shutdown
 * within its bound, and a clear line for each configuration mistake.
 */
import { createServer as createHttpServer } from 'node:http';
import { type AddressInfo, createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runMain } from '../helpers/run-process.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../helpers/slack-fake-api.ts';
import { SIGNING_SECRET, slashCommand } from '../helpers/slack-signing.ts';
import { type RunningServer, startServer } from '../helpers/start-server.ts';
import { personalMessage, postActivity } from '../helpers/teams-activities.ts';

let server: RunningServer | undefined;
let api: FakeSlackApi | undefined;
afterEach(async () => {
  await server?.stop();
  await api?.close();
  server = undefined;
  api = undefined;
});

function exitOf(running: RunningServer): Promise<number | null> {
  return new Promise((resolve) => {
    if (running.child.exitCode !== null) resolve(running.child.exitCode);
    else running.child.once('exit', (code) => resolve(code));
  });
}

describe('npm start with no configuration', () => {
  it('is healthy, ready and measured, and stops with 0 on SIGTERM', async () => {
    server = await startServer({});
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ready',
      checks: { corpus: { ok: true }, store: { ok: true } },
    });
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toContain('lessons_bot_corpus_items{kind="lessons"} 41');
    expect(metrics).toMatch(/^process_resident_memory_bytes \d+/m);
    expect(metrics).not.toContain('lessons_bot_process_');
    const code = await server.stop();
    server = undefined;
    expect(code).toBe(0);
  });

  it('finishes a request in flight before it stops', async () => {
    // A connector that takes a second to answer keeps the bot's reply in flight.
    let received = 0;
    const slow = createHttpServer((req, res) => {
      received += 1;
      req.resume();
      setTimeout(
        () => res.writeHead(201, { 'content-type': 'application/json' }).end('{"id":"a1"}'),
        1000,
      );
    });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    const { port } = slow.address() as AddressInfo;
    try {
      server = await startServer({});
      const answer = postActivity(
        server.url,
        personalMessage(`http://127.0.0.1:${port}/`, 'lessons on chronologies'),
      );
      while (received === 0) await new Promise((r) => setTimeout(r, 20));
      server.child.kill('SIGTERM');
      expect((await answer).status).toBeLessThan(300);
      expect(await exitOf(server)).toBe(0);
      expect(server.output().stdout + server.output().stderr).not.toContain(
        'shutdown bound reached',
      );
      server = undefined;
    } finally {
      slow.close();
    }
  });

  it('stops within its bound even when a connection hangs', async () => {
    server = await startServer({ SHUTDOWN_TIMEOUT_SECONDS: '1' });
    // A request whose body never ends keeps its connection busy for ever.
    const url = new URL(`${server.url}/api/messages`);
    const socket = (await import('node:net')).connect(Number(url.port), url.hostname);
    socket.write(
      'POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
    );
    socket.on('error', () => {});
    await new Promise((r) => setTimeout(r, 200));
    server.child.kill('SIGTERM');
    expect(await exitOf(server)).toBe(0);
    expect(server.output().stdout + server.output().stderr).toContain('shutdown bound reached');
    socket.destroy();
    server = undefined;
  });
});

describe('npm start with Slack', () => {
  it('answers, refuses forged requests with 401, counts commands, and never logs the question or a secret', async () => {
    api = await startFakeSlackApi();
    server = await startServer({
      SLACK_BOT_TOKEN: 'xoxb-secret-token-value',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: api.apiUrl,
    });
    const question = 'zebra crossing neglect chronologies';
    const ok = await slashCommand(`${server.url}/slack/events`, {
      text: question,
      response_url: api.responseUrl(),
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-request-id')).toMatch(/\S/);
    const forged = await slashCommand(
      `${server.url}/slack/events`,
      { text: question, response_url: api.responseUrl() },
      { secret: 'wrong' },
    );
    expect(forged.status).toBe(401);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/lessons_bot_commands_total\{front_door="slack",command="search"\} 1/);
    expect(metrics).toMatch(/lessons_bot_search_duration_seconds_count 1/);
    const { stdout, stderr } = server.output();
    const logs = stdout + stderr;
    expect(logs).toContain('"msg":"http request"');
    expect(logs).not.toContain('zebra');
    expect(logs).not.toContain('xoxb-secret-token-value');
    expect(logs).not.toContain(SIGNING_SECRET);
  });
});

describe('npm start with Teams credentials', () => {
  it('refuses an unsigned activity with 401', async () => {
    server = await startServer({
      TEAMS_CLIENT_ID: '00000000-0000-0000-0000-000000000001',
      TEAMS_CLIENT_SECRET: 'client-secret-value',
      TEAMS_TENANT_ID: 'tenant',
    });
    const answer = await postActivity(
      server.url,
      personalMessage('http://127.0.0.1:9/', 'neglect'),
    );
    expect(answer.status).toBe(401);
    expect(server.output().stdout + server.output().stderr).not.toContain('client-secret-value');
  });
});

describe('npm start with a configuration mistake', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    [
      'a Slack token without its signing secret',
      { SLACK_BOT_TOKEN: 'xoxb-1' },
      /SLACK_SIGNING_SECRET is missing/,
    ],
    [
      'a malformed DATABASE_URL',
      { DATABASE_URL: 'mysql://u:hunter2@db/x' },
      /set DATABASE_URL to sqlite:PATH/,
    ],
    ['a bad ADMINS entry', { ADMINS: 'slack:U1234567,bob' }, /ADMINS: “bob” is neither slack:/],
    [
      'half a Teams configuration',
      { TEAMS_CLIENT_ID: 'id' },
      /TEAMS_CLIENT_SECRET, TEAMS_TENANT_ID are missing/,
    ],
    ['an impossible port', { PORT: '70000' }, /set PORT to a port number/],
    ['a missing lessons folder', { LESSONS_DIR: '/nonexistent/lessons' }, /\/nonexistent\/lessons/],
  ];
  it.each(cases)(
    'exits 1 before listening, with one line that says what to set: %s',
    async (_, env, message) => {
      const result = await runMain(['serve'], { env: { PORT: '0', ...env } });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toContain('hunter2');
      expect(result.stderr).not.toMatch(/\n\s+at /);
    },
  );

  it('exits 1 naming PORT when the port is in use', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? String(address.port) : '0';
    try {
      const result = await runMain(['serve'], { env: { HOST: '127.0.0.1', PORT: port } });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`PORT ${port} on 127.0.0.1 is in use`));
    } finally {
      blocker.close();
    }
  });
});
