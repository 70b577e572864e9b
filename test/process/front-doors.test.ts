/**
 * Every front door fails closed (issue 11), tried on the real process as `npm start`
 * starts it: what an attacker on the host or behind the same reverse proxy would send,
 * with assertions on the status, the answer's body, what reached the fake connector or
 * the fake Slack API, and the captured log.
 */

import { cp, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { LESSONS_DIR } from '../helpers/real-deps.ts';
import { runMain } from '../helpers/run-process.ts';
import { visibleTexts } from '../helpers/slack-blocks.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../helpers/slack-fake-api.ts';
import { postSigned, pressButton, SIGNING_SECRET, slashCommand } from '../helpers/slack-signing.ts';
import { type RunningServer, startServer } from '../helpers/start-server.ts';
import { personalMessage, postActivity, teamsActivity } from '../helpers/teams-activities.ts';
import {
  type FakeBotKeys,
  startFakeBotKeys,
  TEST_APP_ID,
  TEST_TENANT_ID,
} from '../helpers/teams-bot-keys.ts';
import { type FakeConnector, startFakeConnector } from '../helpers/teams-fake-connector.ts';

const ADMIN_AAD = '00000000-0000-0000-0000-0000000000ad';
/** What the bot keeps instead of a person's id: the platform, "~" and a keyed hash. */
const PSEUDONYM = /^slack:~[A-Za-z0-9_-]{43}$/;

/** A briefing the bot has posted to Slack channel C1, written as the bot writes it. */
async function sentBriefing(database: string): Promise<string> {
  const store = await openStore(database, { pseudonyms: {} });
  try {
    const now = new Date();
    const sub = await store.saveSubscription(
      {
        target: { platform: 'slack', workspace: 'T1', channel: 'C1', label: '#fictional-team' },
        schedule: { day: 1, time: '09:00', timezone: 'Europe/London' },
        themes: [],
      },
      now,
    );
    const claim = {
      subscriptionId: sub.id,
      kind: 'briefing' as const,
      period: '2026-W48',
      lessonId: 'croydon-claire/1',
      dueAt: now,
      owner: 'front-door-test',
      now,
      leaseMs: 60_000,
    };
    const delivery = await store.claimDelivery(claim);
    if (!delivery) throw new Error('the claim was refused');
    await store.completeDelivery(delivery.id, claim.owner, { messageRef: 'C1/1', now });
    return delivery.id;
  } finally {
    await store.close();
  }
}
const CASE_DETAILS = 'child X DOB 01/02/2019';
const MALFORMED = `{"type":"message","text":"${CASE_DETAILS}",`;

/** The Teams variables of a bot whose tokens are checked against a local key set. */
function teamsCredentials(keys: FakeBotKeys): Record<string, string> {
  return {
    TEAMS_CLIENT_ID: TEST_APP_ID,
    TEAMS_CLIENT_SECRET: 'client-secret-value',
    TEAMS_TENANT_ID: TEST_TENANT_ID,
    TEAMS_KEYS_URL: keys.keysUrl,
  };
}

function logsOf(server: RunningServer): string {
  const { stdout, stderr } = server.output();
  return stdout + stderr;
}

function logLines(server: RunningServer): Record<string, unknown>[] {
  return logsOf(server)
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** A message from the admin in ADMINS, as a Teams activity names them. */
function fromAdmin(serviceUrl: string, text: string) {
  return teamsActivity('message-personal', serviceUrl, {
    text,
    from: { id: '29:1office', name: 'The Office', aadObjectId: ADMIN_AAD },
  });
}

async function postRaw(url: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: res.status, text: await res.text() };
}

/** Writes `request` on a raw connection; resolves with what came back once the server closes it. */
function rawExchange(url: string, request: string, giveUpMs = 8000): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${giveUpMs} ms; got ${JSON.stringify(received)}`));
    }, giveUpMs);
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString();
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(received);
    });
    socket.write(request);
  });
}

function statusAndBody(response: string): { status: number; body: string } {
  const [head = '', body = ''] = response.split('\r\n\r\n');
  return { status: Number(head.split(' ')[1]), body };
}

describe('a bot with Slack configured and no Teams credentials', () => {
  let server: RunningServer;
  let api: FakeSlackApi;
  let connector: FakeConnector;
  let dbFile: string;

  beforeAll(async () => {
    api = await startFakeSlackApi();
    connector = await startFakeConnector();
    dbFile = join(await mkdtemp(join(tmpdir(), 'front-doors-')), 'bot.db');
    server = await startServer({
      SLACK_BOT_TOKEN: 'xoxb-front-door-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: api.apiUrl,
      ADMINS: `teams:${ADMIN_AAD},slack:UADMIN1`,
      DATABASE_URL: `sqlite:${dbFile}`,
      NODE_ENV: 'development',
    });
  });
  afterAll(async () => {
    await server.stop();
    await api.close();
    await connector.close();
  });

  it('has no Teams endpoint: an admin’s unsigned “report” gets a JSON 404 and nothing is posted', async () => {
    const answer = await postActivity(server.url, fromAdmin(connector.serviceUrl, 'report'));
    expect(answer).toEqual({ status: 404, body: { error: 'not_found' } });
    await new Promise((r) => setTimeout(r, 300));
    expect(connector.posted).toEqual([]);
    const off = logLines(server).filter((l) => String(l.msg).startsWith('Teams is off'));
    expect(off).toHaveLength(1);
  });

  it('searches “<!channel> neglect” and “@channel neglect” as “neglect”, echoing no mention', async () => {
    const ask = async (text: string) => {
      const res = await slashCommand(`${server.url}/slack/events`, {
        text,
        response_url: api.responseUrl(),
      });
      expect(res.status).toBe(200);
      return visibleTexts((await res.json()) as { blocks: unknown[] }).join('\n');
    };
    const plain = await ask('neglect');
    expect(plain).toContain('Lessons for “neglect”');
    for (const text of ['<!channel> neglect', '@channel neglect', '<@U0999> <#C1|x> neglect']) {
      const shown = await ask(text);
      expect(shown).toContain('Lessons for “neglect”');
      expect(shown).not.toMatch(/@channel|<[!@#]|U0999/);
    }
  });

  it('audits a refused “publish” with platform, pseudonym and command, and logs who it was', async () => {
    const res = await slashCommand(`${server.url}/slack/events`, {
      text: 'publish croydon-claire',
      user_id: 'UNOBODY1',
      response_url: api.responseUrl(),
    });
    expect(visibleTexts((await res.json()) as { blocks: unknown[] }).join('\n')).toContain(
      'only the partnership office',
    );
    // the process writes its log asynchronously: wait for the line rather than race it
    await vi.waitFor(() =>
      expect(logLines(server)).toContainEqual(
        expect.objectContaining({
          msg: 'admin command refused',
          platform: 'slack',
          userId: 'slack:UNOBODY1',
          command: 'publish',
        }),
      ),
    );
    const db = new DatabaseSync(dbFile, { readOnly: true });
    try {
      const rows = db
        .prepare("SELECT actor, action, detail FROM audit_log WHERE action = 'publish'")
        .all();
      // the audit log keeps the person as a keyed pseudonym (docs/privacy.md), never the id
      expect(rows).toEqual([
        {
          actor: expect.stringMatching(PSEUDONYM),
          action: 'publish',
          detail: JSON.stringify({ outcome: 'refused', platform: 'slack' }),
        },
      ]);
    } finally {
      db.close();
    }
  });

  it('keeps a pseudonym, never the Slack user id, when someone marks a briefing as discussed', async () => {
    const deliveryId = await sentBriefing(`sqlite:${dbFile}`);
    const pressed = await pressButton(`${server.url}/slack/events`, {
      button: { action_id: 'lessons:ack:0', value: JSON.stringify({ kind: 'ack', deliveryId }) },
      response_url: api.responseUrl('discussed'),
      user_id: 'UPRACTITIONER1',
      channel_id: 'C1',
      message_ts: '1700000000.000100',
      ephemeral: false,
    });
    expect(pressed.status).toBe(200);
    await api.waitFor(() => api.responsePosts.some((p) => p.id === 'discussed'), 'the new count');
    const db = new DatabaseSync(dbFile, { readOnly: true });
    try {
      const rows = db.prepare('SELECT delivery_id, user_id FROM acknowledgements').all();
      expect(rows).toEqual([
        { delivery_id: deliveryId, user_id: expect.stringMatching(PSEUDONYM) },
      ]);
      const everything = ['acknowledgements', 'audit_log', 'subscriptions', 'deliveries']
        .map((table) => JSON.stringify(db.prepare(`SELECT * FROM ${table}`).all()))
        .join('\n');
      expect(everything).not.toContain('UPRACTITIONER1');
    } finally {
      db.close();
    }
  });

  it('refuses a signed body it cannot parse with a JSON 400, and logs no piece of it', async () => {
    const res = await postSigned(`${server.url}/slack/events`, {
      body: 'text=NHS+943+476+5919&command=%2Flessons',
      contentType: 'application/json',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'bad_request' });
    await new Promise((r) => setTimeout(r, 200));
    // no piece of the body (a request id may hold the digits 943 by chance: match the number's form)
    expect(logsOf(server)).not.toMatch(/NHS|943[+ ]476|476[+ ]5919|text=/);
  });

  it('answers a forged Slack request with a JSON 401', async () => {
    const res = await slashCommand(
      `${server.url}/slack/events`,
      { text: CASE_DETAILS, response_url: api.responseUrl() },
      { secret: 'forged' },
    );
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'unauthorized' });
    expect(logsOf(server)).not.toContain('DOB');
  });
});

describe('a bot in local mode (no credentials at all)', () => {
  let server: RunningServer;
  let connector: FakeConnector;

  beforeAll(async () => {
    connector = await startFakeConnector();
    server = await startServer({
      ADMINS: `teams:${ADMIN_AAD}`,
      NODE_ENV: 'development',
      REQUEST_TIMEOUT_SECONDS: '1',
    });
  });
  afterAll(async () => {
    await server.stop();
    await connector.close();
  });

  it('makes nobody an admin: the admin in ADMINS is refused “report”, and the refusal is logged', async () => {
    const answer = await postActivity(server.url, fromAdmin(connector.serviceUrl, 'report'));
    expect(answer.status).toBe(200);
    const [reply] = await connector.waitFor(1);
    const text = JSON.stringify(reply?.body);
    expect(text).toContain('only the partnership office');
    expect(text).not.toMatch(/delivered|acknowledg/i);
    expect(logLines(server)).toContainEqual(
      expect.objectContaining({
        msg: 'admin command refused',
        platform: 'teams',
        userId: `teams:${ADMIN_AAD}`,
        command: 'report',
      }),
    );
  });

  it('answers only a loopback serviceUrl: 0.0.0.0, which reaches this machine too, gets a 403 and no reply', async () => {
    const before = connector.posted.length;
    const elsewhere = connector.serviceUrl.replace('127.0.0.1', '0.0.0.0');
    const answer = await postActivity(server.url, personalMessage(elsewhere, 'neglect'));
    expect(answer).toEqual({ status: 403, body: { error: 'forbidden' } });
    await new Promise((r) => setTimeout(r, 300));
    expect(connector.posted.length).toBe(before);
  });

  it('answers malformed JSON with a short JSON 400, and no piece of the body reaches the log', async () => {
    const { status, text } = await postRaw(`${server.url}/api/messages`, MALFORMED);
    expect(status).toBe(400);
    expect(JSON.parse(text)).toEqual({ error: 'bad_request' });
    const big = await postRaw(
      `${server.url}/api/messages`,
      `{"text":"${'NHS 943 476 5919 '.repeat(5500)}`,
    );
    expect(big.status).toBe(400);
    await new Promise((r) => setTimeout(r, 200));
    const logs = logsOf(server);
    expect(logs).not.toMatch(/DOB|child X|NHS|node_modules|SyntaxError|\n\s+at /);
    expect(
      logs
        .split('\n')
        .every((line) => line === '' || line.startsWith('{') || !line.includes('"text"')),
    ).toBe(true);
  });

  it('answers an unknown path with a JSON 404', async () => {
    const res = await fetch(`${server.url}/nothing/here`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'not_found' });
  });

  it('searches “<at>Sam Jones</at> neglect” in the search box as “neglect”', async () => {
    const search = async (text: string) => {
      const query = teamsActivity('compose-query', connector.serviceUrl, {
        value: { parameters: [{ name: 'query', value: text }] },
      });
      const answer = await postActivity(server.url, query);
      expect(answer.status).toBe(200);
      return answer.body;
    };
    const plain = await search('neglect');
    expect(JSON.stringify(plain)).toContain('attachments');
    expect(await search('<at>Sam Jones</at> neglect')).toEqual(plain);
  });

  it('refuses a declared Content-Length over the limit at once, without reading the body', async () => {
    const response = await rawExchange(
      server.url,
      'POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 50000000\r\n\r\n{',
    );
    expect(statusAndBody(response)).toEqual({ status: 413, body: '{"error":"payload_too_large"}' });
  });

  it('cuts slow headers and slow bodies after the bound, with a JSON 408', async () => {
    const slowHeaders = await rawExchange(server.url, 'POST /api/messages HTTP/1.1\r\nHost: x\r\n');
    expect(statusAndBody(slowHeaders)).toEqual({
      status: 408,
      body: '{"error":"request_timeout"}',
    });
    const slowBody = await rawExchange(
      server.url,
      'POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
    );
    expect(statusAndBody(slowBody)).toEqual({ status: 408, body: '{"error":"request_timeout"}' });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

describe('a bot with Teams credentials, against a local Bot Framework key set', () => {
  let server: RunningServer;
  let keys: FakeBotKeys;
  let connector: FakeConnector;

  beforeAll(async () => {
    keys = await startFakeBotKeys();
    connector = await startFakeConnector();
    server = await startServer({
      ...teamsCredentials(keys),
      ADMINS: `teams:${ADMIN_AAD}`,
      NODE_ENV: 'development',
    });
  });
  afterAll(async () => {
    await server.stop();
    await keys.close();
    await connector.close();
  });

  it('refuses a request without a bearer token before reading its body', async () => {
    const { status, text } = await postRaw(`${server.url}/api/messages`, MALFORMED);
    expect(status).toBe(401);
    expect(JSON.parse(text)).toEqual({ error: 'unauthorized' });
  });

  it('refuses forged tokens with 401, fetching the keys once and warning at most once', async () => {
    const activity = fromAdmin(connector.serviceUrl, 'report');
    const serviceurl = connector.serviceUrl;
    const hourAgo = Math.floor(Date.now() / 1000) - 3600;
    const forged = [
      await keys.sign({ serviceurl }, { signer: 'stranger' }),
      keys.unsigned({ serviceurl }),
      await keys.hmacWithPublicKey({ serviceurl }),
      await keys.sign({ serviceurl, exp: hourAgo }),
      await keys.sign({ serviceurl, aud: 'another-bot' }),
      await keys.sign({ serviceurl, iss: 'https://attacker.example' }),
    ];
    for (let round = 0; round < 4; round++)
      for (const token of forged) {
        const answer = await postActivity(server.url, activity, {
          authorization: `Bearer ${token}`,
        });
        expect(answer).toEqual({ status: 401, body: { error: 'unauthorized' } });
      }
    expect(keys.fetches()).toBeLessThanOrEqual(1);
    const warnings = logLines(server).filter(
      (l) => l.msg === 'refused a Teams request' && l.level === 40,
    );
    expect(warnings).toHaveLength(1);
    expect(connector.posted).toEqual([]);
  });

  it('refuses a valid token that vouches for another serviceUrl than the activity names', async () => {
    const token = await keys.sign({ serviceurl: 'https://smba.trafficmanager.net/emea/' });
    const answer = await postActivity(server.url, fromAdmin(connector.serviceUrl, 'report'), {
      authorization: `Bearer ${token}`,
    });
    expect(answer).toEqual({ status: 401, body: { error: 'unauthorized' } });
    await new Promise((r) => setTimeout(r, 300));
    expect(connector.posted).toEqual([]);
  });
});

describe('a bot with Teams credentials whose key endpoint hangs', () => {
  it('answers 401 within the bound and stays healthy meanwhile', async () => {
    const keys = await startFakeBotKeys();
    keys.answerWith('hang');
    const server = await startServer({
      ...teamsCredentials(keys),
    });
    try {
      const token = await keys.sign({ serviceurl: 'http://127.0.0.1:9/' });
      const answering = postActivity(server.url, personalMessage('http://127.0.0.1:9/', 'x'), {
        authorization: `Bearer ${token}`,
      });
      // While the key fetch hangs, the bot answers its health check.
      const health = await fetch(`${server.url}/healthz`);
      expect(await health.json()).toEqual({ status: 'ok' });
      const answer = await Promise.race([
        answering,
        new Promise<'still waiting'>((r) => setTimeout(() => r('still waiting'), 15_000)),
      ]);
      expect(answer).toEqual({ status: 401, body: { error: 'unauthorized' } });
      expect(keys.fetches()).toBe(1);
    } finally {
      await server.stop();
      await keys.close();
    }
  });
});

describe('the lessons folder', () => {
  async function copyOfLessons(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'front-door-lessons-'));
    await cp(LESSONS_DIR, dir, { recursive: true });
    return dir;
  }

  async function secretOutside(): Promise<string> {
    const file = join(await mkdtemp(join(tmpdir(), 'outside-')), 'secrets.yaml');
    await writeFile(file, 'id: "xoxb-1234-SECRET-TOKEN"\nroot:x:0:0:root:/root:/bin/bash\n');
    return file;
  }

  it('stops the start at a link out of the folder, naming the link and nothing it holds', async () => {
    const dir = await copyOfLessons();
    await symlink(await secretOutside(), join(dir, 'linked.yaml'));
    const result = await runMain(['serve'], { env: { LESSONS_DIR: dir, PORT: '0' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${dir}/linked.yaml: is a link to a file outside the lessons folder`,
    );
    expect(result.stdout + result.stderr).not.toMatch(
      /SECRET-TOKEN|xoxb-1234|root:x:|secrets\.yaml/,
    );
  });

  it('stays responsive while a reload of hostile and huge files is refused in the background', async () => {
    const dir = await copyOfLessons();
    const server = await startServer({ LESSONS_DIR: dir, LESSONS_WATCH: 'true' });
    try {
      await symlink(await secretOutside(), join(dir, 'linked.yaml'));
      await writeFile(join(dir, 'deep.yaml'), `a:\n${'- '.repeat(400_000)}x\n`);
      // Eight big files, each with one mistake: seconds of validation for the whole folder.
      for (let k = 0; k < 8; k++)
        await writeFile(join(dir, `big-${k}.yaml`), bigReview(`big-${k}`));
      const latencies: number[] = [];
      const refused = () => logsOf(server).includes('lessons folder has problems');
      while (!refused()) {
        const started = performance.now();
        const res = await fetch(`${server.url}/healthz`);
        expect(await res.json()).toEqual({ status: 'ok' });
        latencies.push(performance.now() - started);
        if (latencies.length > 1200) throw new Error('the reload never finished');
        await new Promise((r) => setTimeout(r, 50));
      }
      // Health was asked many times while the reload ran, and never waited for it.
      expect(latencies.length).toBeGreaterThan(5);
      expect(Math.max(...latencies)).toBeLessThan(1000);
      const problems = logLines(server).find((l) =>
        String(l.msg).startsWith('lessons folder has problems'),
      );
      const said = JSON.stringify(problems);
      expect(said).toContain('deep.yaml: is nested too deeply');
      expect(said).toContain('linked.yaml: is a link to a file outside the lessons folder');
      expect(said).toContain('big-0.yaml');
      const leaked = /.{0,200}(SECRET-TOKEN|xoxb-1234|root:x:).{0,100}/.exec(logsOf(server))?.[0];
      expect(leaked).toBeUndefined();
      const ready = await (await fetch(`${server.url}/readyz`)).json();
      expect(ready).toMatchObject({ checks: { corpus: { ok: true } } });
    } finally {
      await server.stop();
    }
  });
});

/** A review file of about 800 KB with one unknown theme: slow to validate, and refused. */
function bigReview(id: string): string {
  const text = 'Practitioners should keep a chronology and share it with partner agencies. '.repeat(
    20,
  );
  const lessons = Array.from(
    { length: 500 },
    (_, i) =>
      `  - id: ${id}/${i + 1}\n    title: A lesson\n    text: ${text}\n    themes: [${i === 0 ? 'neglectt' : 'neglect'}]\n`,
  );
  return `id: ${id}\ntitle: Child\nkind: scr\npartnership: P\narea: A\npublished: 2020\nsummary: S.\nlessons:\n${lessons.join('')}`;
}
