/**
 * Importing a review in a Slack direct message, through the front door: signed events
 * and button presses, the real Bolt app, the document read in its worker, drafts kept in a
 * temporary copy of the lessons folder. The documents are FICTIONAL.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importInWorker } from '../../src/adapters/documents/index.ts';
import {
  type AuditEntry,
  createChatImport,
  type DraftShelf,
  type Reply,
  silentLogger,
} from '../../src/core/index.ts';
import { type LiveCorpus, openLiveCorpus } from '../../src/runtime/live-corpus.ts';
import { createFolderDrafts } from '../../src/store/index.ts';
import { anytownChildT, westshireChildK } from '../fixtures/import/fictional-documents.ts';
import { encryptedPdf, pdfOfPages, scannedPdf, zipBomb } from '../helpers/hostile-documents.ts';
import { memoryStore } from '../helpers/memory-store.ts';
import { ROOT } from '../helpers/run-process.ts';
import { type HttpHarness, startHttpHarness } from '../helpers/slack-harness.ts';
import {
  directMessageBody,
  pressButton,
  type SharedFile,
  sendEvent,
  slashCommand,
} from '../helpers/slack-signing.ts';

const ADMIN = 'UADMIN';
const SOMEONE = 'U123';

let h: HttpHarness;
let dir: string;
let live: LiveCorpus;
let shelf: DraftShelf;
const audit: AuditEntry[] = [];
const published: string[] = [];

/** Made before the bot starts: making it holds the thread for seconds, which idle connections would not survive. */
let bomb: Uint8Array;

beforeAll(async () => {
  bomb = zipBomb(210);
  dir = await mkdtemp(path.join(tmpdir(), 'lessons-chat-'));
  await cp(path.join(ROOT, 'lessons'), dir, { recursive: true });
  live = await openLiveCorpus({ dir, logger: silentLogger, pageSize: 3 });
  shelf = createFolderDrafts(dir);
  const store = memoryStore();
  for (const channel of ['C1', 'C2'])
    await store.saveSubscription(
      {
        target: { platform: 'slack', workspace: 'T1', channel },
        schedule: { day: 1, time: '09:00', timezone: 'Europe/London' },
        themes: [],
      },
      new Date(),
    );
  const chatImport = createChatImport({
    importDocument: importInWorker(),
    shelf,
    corpus: live.current,
    today: () => '2026-12-07',
    activeChannels: async () => (await store.listSubscriptions({ status: ['active'] })).length,
    reload: live.reload,
    publish: async (actor, reviewId): Promise<Reply> => {
      published.push(`${actor} ${reviewId}`);
      return { kind: 'notice', text: `Published ${reviewId} to 2 channels.` };
    },
    audit: async (actor, action, detail) => {
      audit.push({ at: new Date(), actor, action, detail });
    },
  });
  h = await startHttpHarness({ deps: live.deps(), admins: [ADMIN], chatImport });
});

afterAll(async () => {
  await h.close();
  await rm(dir, { recursive: true, force: true });
});

type Posted = { text: string; blocks?: Array<Record<string, unknown>> };

/**
 * Sends the files in a DM and waits for the bot's posts after the ones so far: "Reading …"
 * once a file is accepted, then the answer (`answers` counts both).
 */
async function send(user: string, files: SharedFile[], answers = 1): Promise<Posted[]> {
  const before = h.api.callsTo('chat.postMessage').length;
  const res = await sendEvent(h.eventsUrl, directMessageBody(user, files));
  expect(res.status).toBe(200);
  await h.api.waitFor(
    () => h.api.callsTo('chat.postMessage').length >= before + answers,
    'the bot’s answer',
    60_000,
  );
  return h.api
    .callsTo('chat.postMessage')
    .slice(before)
    .map((call) => call.args as Posted);
}

function buttons(message: Posted): Array<{ action_id: string; value: string; text: string }> {
  return (message.blocks ?? []).flatMap((block) =>
    ((block.elements as Array<Record<string, unknown>> | undefined) ?? [])
      .filter((e) => e.type === 'button')
      .map((e) => ({
        action_id: String(e.action_id),
        value: String(e.value),
        text: (e.text as { text: string }).text,
      })),
  );
}

function shown(message: Posted): string {
  return JSON.stringify(message.blocks ?? []) + message.text;
}

/** Presses a button as `user` in the DM and returns what the bot answered through the response_url. */
async function press(
  button: { action_id: string; value: string },
  user = ADMIN,
  answers = 1,
): Promise<Posted[]> {
  const url = h.api.responseUrl();
  const id = url.slice(url.lastIndexOf('/') + 1);
  await pressButton(h.eventsUrl, { button, response_url: url, user_id: user, channel_id: 'D1' });
  const mine = () => h.api.responsePosts.filter((p) => p.id === id);
  await h.api.waitFor(() => mine().length >= answers, 'the button’s answer', 30_000);
  return mine().map((p) => p.body as Posted);
}

const pdf = async () => h.api.serveFile(anytownChildT.fileName, await anytownChildT.bytes());

describe('an admin sends a review in a direct message', () => {
  let card: Posted;

  it('downloads it with the bot token and answers with the draft card', async () => {
    const url = await pdf();
    const [reading, answer] = await send(
      ADMIN,
      [{ name: anytownChildT.fileName, url_private_download: url }],
      2,
    );
    expect(reading?.text).toMatch(/^Reading anytown-lcspr-child-t\.pdf/);
    card = answer as Posted;
    expect(h.api.downloads.at(-1)).toEqual({
      name: anytownChildT.fileName,
      authorization: 'Bearer xoxb-test',
    });
    const text = shown(card);
    expect(text).toContain('Draft: Child T');
    expect(text).toContain('Anytown · 2024-03-14');
    expect(text).toContain('5 learning points found in anytown-lcspr-child-t.pdf');
    expect(text).toContain('Bruising in a baby who is not yet mobile');
    expect(buttons(card).map((b) => b.text)).toEqual([
      'Approve',
      'Get the draft to edit',
      'Discard',
    ]);
    expect((await shelf.get('anytown-child-t'))?.text).toContain('Bruising in a baby');
  });

  it('Get the draft to edit sends the draft’s YAML to copy', async () => {
    const edit = buttons(card).find((b) => b.text === 'Get the draft to edit');
    const [intro, code] = await press(edit as { action_id: string; value: string }, ADMIN, 2);
    expect(intro?.text).toContain('anytown-child-t.yaml');
    expect(code?.text.startsWith('```')).toBe(true);
    expect(code?.text).toContain('id: anytown-child-t');
  });

  it('an edited draft with a problem replaces the kept one and lists the problem as the validator does', async () => {
    const kept = (await shelf.get('anytown-child-t'))?.text ?? '';
    const edited = kept.replace(/themes: \[[^\]]*\]/, 'themes: [no-such-theme]');
    expect(edited).not.toBe(kept);
    const url = h.api.serveFile('anytown-child-t.yaml', new TextEncoder().encode(edited));
    const [, answer] = await send(
      ADMIN,
      [{ name: 'anytown-child-t.yaml', url_private_download: url }],
      2,
    );
    const text = shown(answer as Posted);
    expect(text).toContain('your edited draft replaced the one kept');
    expect(text).toContain('Before it can be approved');
    expect(text).toMatch(
      /drafts\/anytown-child-t\.yaml:\d+: lessons\[0\]\.themes\[0\]: unknown theme \\"no-such-theme\\" — use an id/,
    );
    expect((await shelf.get('anytown-child-t'))?.text).toBe(edited);

    const approve = buttons(answer as Posted).find((b) => b.text === 'Approve');
    const [refused] = await press(approve as { action_id: string; value: string });
    expect(shown(refused as Posted)).toContain('cannot go live yet');
    expect(live.current().reviewById.has('anytown-child-t')).toBe(false);

    // Put right (the importer suggested no theme for one lesson), sent back, it can go live.
    const right = kept.replace('themes: []', 'themes: [neglect]');
    const fixed = h.api.serveFile('anytown-child-t.yaml', new TextEncoder().encode(right));
    const [, again] = await send(
      ADMIN,
      [{ name: 'anytown-child-t.yaml', url_private_download: fixed }],
      2,
    );
    card = again as Posted;
    expect(shown(card)).toContain('Draft: Child T');
    expect(shown(card)).not.toContain('Before it can be approved');
  });

  it('Approve makes it live, search finds it, and Publish is offered to the active channels', async () => {
    const approve = buttons(card).find((b) => b.text === 'Approve');
    const [answer] = await press(approve as { action_id: string; value: string });
    expect(shown(answer as Posted)).toContain('Child T is live: 5 lessons');
    expect(await shelf.get('anytown-child-t')).toBeUndefined();
    const res = await slashCommand(h.eventsUrl, {
      text: 'bruising in a baby who is not yet mobile',
      response_url: h.api.responseUrl(),
    });
    expect(JSON.stringify(await res.json())).toContain('Child T');

    const publish = buttons(answer as Posted);
    expect(publish.map((b) => b.text)).toEqual(['Publish to 2 channels']);
    const [done] = await press(publish[0] as { action_id: string; value: string });
    expect(published).toEqual([`slack:${ADMIN} anytown-child-t`]);
    expect(shown(done as Posted)).toContain('Published anytown-child-t to 2 channels.');
    const [again] = await press(approve as { action_id: string; value: string });
    expect(shown(again as Posted)).toContain(
      'The draft \\"anytown-child-t\\" is no longer kept: it was approved or discarded.',
    );
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['import.draft', 'import.edit', 'import.approve']),
    );
  });

  it('Discard removes the draft; a second press says it is gone', async () => {
    const url = h.api.serveFile(westshireChildK.fileName, await westshireChildK.bytes());
    const [, answer] = await send(
      ADMIN,
      [{ name: westshireChildK.fileName, url_private_download: url }],
      2,
    );
    const discard = buttons(answer as Posted).find((b) => b.text === 'Discard') as {
      action_id: string;
      value: string;
    };
    const id = (JSON.parse(discard.value) as { id: string }).id;
    expect(await shelf.get(id)).toBeDefined();
    const [gone] = await press(discard);
    expect(shown(gone as Posted)).toContain('is discarded');
    expect(await shelf.get(id)).toBeUndefined();
    const [again] = await press(discard);
    expect(shown(again as Posted)).toContain('is no longer kept');
  });
});

describe('what is refused, with nothing downloaded or kept', () => {
  it('someone who is not an admin gets the polite refusal; the file is not fetched', async () => {
    const downloads = h.api.downloads.length;
    const drafts = (await shelf.list()).length;
    const [answer] = await send(SOMEONE, [
      { name: 'brookfield.pdf', url_private_download: await pdf() },
    ]);
    expect(shown(answer as Posted)).toContain('only the partnership office can do that');
    expect(h.api.downloads.length).toBe(downloads);
    expect((await shelf.list()).length).toBe(drafts);
    expect(audit.at(-1)).toMatchObject({
      actor: `slack:${SOMEONE}`,
      action: 'import',
      detail: { outcome: 'refused' },
    });
  });

  it('a button pressed by someone who is not an admin is refused', async () => {
    const value = JSON.stringify({ kind: 'draft-discard', id: 'anything' });
    const [answer] = await press({ action_id: 'draft:draft-discard', value }, SOMEONE);
    expect(shown(answer as Posted)).toContain('only the partnership office can do that');
  });

  it('a file over 50 MB, by its declared size', async () => {
    const downloads = h.api.downloads.length;
    const [answer] = await send(ADMIN, [
      { name: 'huge.pdf', size: 60 * 1024 * 1024, url_private_download: await pdf() },
    ]);
    expect(shown(answer as Posted)).toContain(
      'is 60 MB; the importer reads files of at most 50 MB and 300 pages',
    );
    expect(h.api.downloads.length).toBe(downloads);
  });

  it('a kind of file the bot does not read', async () => {
    const [answer] = await send(ADMIN, [{ name: 'review.exe', url_private_download: await pdf() }]);
    expect(shown(answer as Posted)).toContain(
      '\\"review.exe\\" is not a kind of file the bot reads. Send a PDF',
    );
  });

  it('a download address that is not Slack’s file host', async () => {
    const drafts = (await shelf.list()).length;
    const [, answer] = await send(
      ADMIN,
      [{ name: 'child-t.pdf', url_private_download: 'https://files.example.org/child-t.pdf' }],
      2,
    );
    expect(shown(answer as Posted)).toContain(
      'is not on Slack’s file host, so the bot did not download it',
    );
    expect((await shelf.list()).length).toBe(drafts);
  });

  it.each([
    ['scan.pdf', () => scannedPdf(), /"scan\.pdf" is a scanned image: it has no text layer/],
    ['locked.pdf', () => encryptedPdf(), /password-protected/],
    ['long.pdf', () => pdfOfPages(301), /has 301 pages; the importer reads at most 300/],
    ['bomb.docx', async () => bomb, /unzips to more than 200 MB/],
  ])(
    '%s gets its clear answer, and nothing is kept',
    { timeout: 120_000 },
    async (name, bytes, words) => {
      const drafts = (await shelf.list()).length;
      const url = h.api.serveFile(name, await bytes());
      const [, answer] = await send(ADMIN, [{ name, url_private_download: url }], 2);
      expect(shown(answer as Posted)).toMatch(words);
      expect((await shelf.list()).length).toBe(drafts);
    },
  );

  it.each([
    [
      'broken.yaml',
      'id: [unclosed\n',
      /broken\.yaml: line \d: the YAML does not read — compare it with the draft/,
    ],
    ['no-id.yaml', 'title: Child T\nlessons: []\n', /no-id\.yaml: id: missing or not a review id/],
    ['bad-id.yaml', 'id: ../../etc/passwd\n', /bad-id\.yaml: id: missing or not a review id/],
    ['latin1.yaml', '\u00ff\u00fe\u00e9', /latin1\.yaml: is not text \(UTF-8\)/],
  ])('an edited draft %s that is no draft is not kept, and says why', async (name, text, words) => {
    const drafts = await shelf.list();
    const bytes =
      name === 'latin1.yaml' ? new Uint8Array([0xff, 0xfe, 0xe9]) : new TextEncoder().encode(text);
    const url = h.api.serveFile(name, bytes);
    const [, answer] = await send(ADMIN, [{ name, url_private_download: url }], 2);
    expect(shown(answer as Posted)).toContain('was not kept');
    expect(shown(answer as Posted)).toMatch(words);
    expect(await shelf.list()).toEqual(drafts);
  });

  it('an edited draft over 1 MB, by its declared size', async () => {
    const [answer] = await send(ADMIN, [
      { name: 'child-t.yaml', size: 2 * 1024 * 1024, url_private_download: await pdf() },
    ]);
    expect(shown(answer as Posted)).toContain('is 2 MB; a draft is at most 1 MB');
  });

  it('a message without a file is a question, answered as /lessons answers it', async () => {
    const before = h.api.callsTo('chat.postMessage').length;
    await sendEvent(h.eventsUrl, directMessageBody(SOMEONE, [], { text: 'help' }));
    await h.api.waitFor(() => h.api.callsTo('chat.postMessage').length > before, 'the answer');
    const answers = h.api.callsTo('chat.postMessage').slice(before);
    expect(answers).toHaveLength(1);
    expect(shown(answers[0]?.args as Posted)).toContain('/lessons lessons on chronologies');
  });
});

it('calls no Web API method beyond chat.postMessage (chat:write); the files come with files:read', () => {
  expect([...new Set(h.api.calls.map((c) => c.method))].sort()).toEqual([
    'auth.test',
    'chat.postMessage',
  ]);
  expect(h.api.downloads.every((d) => d.authorization === 'Bearer xoxb-test')).toBe(true);
});
