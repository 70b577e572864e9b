/**
 * The chat import as `npm start` wires it: the real process, a fake Slack Web API that
 * also serves the file, a temporary copy of the lessons folder and an SQLite database.
 * The document is FICTIONAL.
 */
import { existsSync } from 'node:fs';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anytownChildT } from '../fixtures/import/fictional-documents.ts';
import { LESSONS_DIR } from '../helpers/real-deps.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../helpers/slack-fake-api.ts';
import { directMessageBody, SIGNING_SECRET, sendEvent } from '../helpers/slack-signing.ts';
import { type RunningServer, startServer } from '../helpers/start-server.ts';

let server: RunningServer;
let api: FakeSlackApi;
let dir: string;

beforeAll(async () => {
  api = await startFakeSlackApi();
  dir = await mkdtemp(join(tmpdir(), 'chat-import-process-'));
  await cp(LESSONS_DIR, join(dir, 'lessons'), { recursive: true });
  server = await startServer({
    SLACK_BOT_TOKEN: 'xoxb-chat-import-test',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: api.apiUrl,
    ADMINS: 'slack:UADMIN1',
    LESSONS_DIR: join(dir, 'lessons'),
    DATABASE_URL: `sqlite:${join(dir, 'bot.db')}`,
    NODE_ENV: 'development',
  });
});
afterAll(async () => {
  await server.stop();
  await api.close();
});

it('an admin’s document in a direct message becomes a draft kept in the store and a card, audited, its name in no log', async () => {
  const url = api.serveFile(anytownChildT.fileName, await anytownChildT.bytes());
  const res = await sendEvent(
    `${server.url}/slack/events`,
    directMessageBody('UADMIN1', [{ name: anytownChildT.fileName, url_private_download: url }]),
  );
  expect(res.status).toBe(200);
  await api.waitFor(
    () => api.callsTo('chat.postMessage').some((c) => String(c.args.text).startsWith('Draft:')),
    'the draft card',
    60_000,
  );
  expect(api.downloads).toEqual([
    { name: anytownChildT.fileName, authorization: 'Bearer xoxb-chat-import-test' },
  ]);
  // kept in the store, so that every replica sees it, and not in the lessons folder
  expect(existsSync(join(dir, 'lessons', 'drafts', 'anytown-child-t.yaml'))).toBe(false);
  const db = new DatabaseSync(join(dir, 'bot.db'), { readOnly: true });
  try {
    const kept = db.prepare("SELECT text FROM kept_reviews WHERE state = 'draft' AND id = ?");
    expect(String(kept.get('anytown-child-t')?.text)).toContain('id: anytown-child-t');
    // the admin is kept as a keyed pseudonym, never the Slack id (docs/privacy.md)
    expect(db.prepare('SELECT actor, action, detail FROM audit_log').all()).toContainEqual({
      actor: expect.stringMatching(/^slack:~[A-Za-z0-9_-]{43}$/),
      action: 'import.draft',
      detail: JSON.stringify({ draft: 'anytown-child-t' }),
    });
  } finally {
    db.close();
  }
  const { stdout, stderr } = server.output();
  expect(stdout + stderr).toContain('slack file received');
  expect(stdout + stderr).not.toContain('anytown-lcspr');
});
