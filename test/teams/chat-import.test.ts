/**
 * Importing a review in a Teams personal chat, through the front door: activities signed
 * with a local Bot Framework key set (admins are admins only where a token vouches for
 * them), the real Teams SDK app, the document read in its worker, drafts kept in a
 * temporary copy of the lessons folder, files served by a local stand-in for SharePoint.
 * The documents are FICTIONAL.
 */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
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
import { type FileHost, startFileHost } from '../helpers/file-host.ts';
import { ROOT } from '../helpers/run-process.ts';
import { teamsActivity } from '../helpers/teams-activities.ts';
import { cardSchemaErrors } from '../helpers/teams-card-schema.ts';
import type { PostedActivity } from '../helpers/teams-fake-connector.ts';
import { startTeamsHarness, type TeamsHarness } from '../helpers/teams-harness.ts';

const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';
const ADMIN = {
  id: '29:3office',
  name: 'The Office',
  aadObjectId: '00000000-0000-0000-0000-0000000000ad',
};
const PRACTITIONER = {
  id: '29:1practitioner',
  name: 'A Practitioner',
  aadObjectId: '00000000-0000-0000-0000-0000000000a1',
};

let h: TeamsHarness;
let files: FileHost;
let dir: string;
let live: LiveCorpus;
let shelf: DraftShelf;
const audit: AuditEntry[] = [];
const published: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lessons-teams-chat-'));
  await cp(path.join(ROOT, 'lessons'), dir, { recursive: true });
  live = await openLiveCorpus({ dir, logger: silentLogger, pageSize: 3 });
  shelf = createFolderDrafts(dir);
  files = await startFileHost();
  const chatImport = createChatImport({
    importDocument: importInWorker(),
    shelf,
    corpus: live.current,
    today: () => '2026-12-07',
    activeChannels: async () => 3,
    reload: live.reload,
    publish: async (actor, reviewId): Promise<Reply> => {
      published.push(`${actor} ${reviewId}`);
      return { kind: 'notice', text: `Published ${reviewId} to 3 channels.` };
    },
    audit: async (actor, action, detail) => {
      audit.push({ at: new Date(), actor, action, detail });
    },
  });
  h = await startTeamsHarness(
    {
      deps: live.deps(),
      isAdmin: (user) => user.aadObjectId === ADMIN.aadObjectId,
      chatImport,
      fileOrigins: [files.origin],
    },
    { authenticated: true },
  );
});

afterAll(async () => {
  await h.close();
  await files.close();
  await rm(dir, { recursive: true, force: true });
});

function fileMessage(from: object, name: string, downloadUrl: string) {
  return teamsActivity('message-personal', h.connector.serviceUrl, {
    text: '',
    from,
    attachments: [
      {
        contentType: FILE_DOWNLOAD_INFO,
        contentUrl: downloadUrl,
        name,
        content: {
          downloadUrl,
          uniqueId: 'fictional-unique-id',
          fileType: path.extname(name).slice(1),
        },
      },
    ],
  });
}

function pressed(from: object, data: unknown) {
  return teamsActivity('message-personal', h.connector.serviceUrl, { text: '', from, value: data });
}

/** Sends an activity and returns what the bot posted in answer (`count` activities). */
async function ask(activity: Record<string, unknown>, count = 1): Promise<PostedActivity[]> {
  const before = h.connector.posted.length;
  const res = await h.post(activity);
  expect(res.status).toBe(200);
  return (await h.connector.waitFor(before + count, 60_000)).slice(before);
}

const cardOf = (posted: PostedActivity | undefined) =>
  posted?.body.attachments?.[0]?.content as Record<string, unknown>;
const shown = (posted: PostedActivity | undefined) => JSON.stringify(posted?.body ?? {});

/** A card's TextBlocks as a reader sees them: the Markdown escapes undone. */
function visible(posted: PostedActivity | undefined): string {
  const texts: string[] = [];
  JSON.stringify(cardOf(posted), (key, value: unknown) => {
    if (key === 'text' && typeof value === 'string') texts.push(value);
    return value;
  });
  return texts.join('\n').replace(/\\([\\`*_[\]~#>+\-.)])/g, '$1');
}

function actionsOf(posted: PostedActivity | undefined): { title: string; data: unknown }[] {
  return ((cardOf(posted)?.actions as { title: string; data: unknown }[] | undefined) ?? []).map(
    ({ title, data }) => ({ title, data }),
  );
}

const action = (posted: PostedActivity | undefined, title: string) =>
  actionsOf(posted).find((a) => a.title === title)?.data;

it('the Teams manifest lets people send files to the bot', async () => {
  const manifest = JSON.parse(
    await readFile(path.join(ROOT, 'manifest/teams/manifest.json'), 'utf8'),
  );
  expect(manifest.bots[0].supportsFiles).toBe(true);
});

describe('an admin sends a review in a personal chat', () => {
  let card: PostedActivity | undefined;

  it('downloads it and answers with a draft card that is a valid Adaptive Card', async () => {
    const url = files.serve(anytownChildT.fileName, await anytownChildT.bytes());
    const [reading, answer] = await ask(fileMessage(ADMIN, anytownChildT.fileName, url), 2);
    expect(reading?.body.text).toMatch(/^Reading anytown-lcspr-child-t\.pdf/);
    card = answer;
    expect(cardSchemaErrors(cardOf(card))).toEqual([]);
    expect(shown(card)).toContain('Draft: Child T');
    expect(shown(card)).toContain('5 learning points found in anytown-lcspr-child-t.pdf');
    expect(shown(card)).toContain('Bruising in a baby who is not yet mobile');
    expect(actionsOf(card).map((a) => a.title)).toEqual([
      'Approve',
      'Get the draft to edit',
      'Discard',
    ]);
    expect(files.downloads).toEqual([anytownChildT.fileName]);
    expect(await shelf.get('anytown-child-t')).toBeDefined();
  });

  it('Get the draft to edit sends the YAML in a code block', async () => {
    const [intro, code] = await ask(pressed(ADMIN, action(card, 'Get the draft to edit')), 2);
    expect(intro?.body.text).toContain('anytown-child-t.yaml');
    expect(code?.body.text).toMatch(/^```\n# draft: DRAFT: not served/);
    expect(code?.body.text).toContain('\nid: anytown-child-t\n');
    expect(code?.body.text?.endsWith('\n```')).toBe(true);
  });

  it('an edited draft with a problem replaces the kept one and lists it; put right, Approve makes it live', async () => {
    const kept = (await shelf.get('anytown-child-t'))?.text ?? '';
    const edited = kept.replace(/themes: \[[^\]]*\]/, 'themes: [no-such-theme]');
    const url = files.serve('anytown-child-t.yaml', new TextEncoder().encode(edited));
    const [, answer] = await ask(fileMessage(ADMIN, 'anytown-child-t.yaml', url), 2);
    expect(cardSchemaErrors(cardOf(answer))).toEqual([]);
    expect(shown(answer)).toContain('your edited draft replaced the one kept');
    expect(visible(answer)).toMatch(
      /drafts\/anytown-child-t\.yaml:\d+: lessons\[0\]\.themes\[0\]: unknown theme "no-such-theme" — use an id/,
    );
    expect((await shelf.get('anytown-child-t'))?.text).toBe(edited);

    const right = files.serve(
      'anytown-child-t.yaml',
      new TextEncoder().encode(kept.replace('themes: []', 'themes: [neglect]')),
    );
    const [, fixed] = await ask(fileMessage(ADMIN, 'anytown-child-t.yaml', right), 2);
    expect(shown(fixed)).not.toContain('Before it can be approved');
    const [approved] = await ask(pressed(ADMIN, action(fixed, 'Approve')));
    expect(shown(approved)).toContain('Child T is live: 5 lessons');
    expect(live.current().reviewById.has('anytown-child-t')).toBe(true);
    expect(await shelf.get('anytown-child-t')).toBeUndefined();
    const [found] = await ask(
      teamsActivity('message-personal', h.connector.serviceUrl, {
        text: 'bruising in a baby who is not yet mobile',
      }),
    );
    expect(shown(found)).toContain('Child T');

    // Publishing paces itself: the bot says so, then answers when it is done.
    expect(actionsOf(approved).map((a) => a.title)).toEqual(['Publish to 3 channels']);
    const [notice, done] = await ask(pressed(ADMIN, action(approved, 'Publish to 3 channels')), 2);
    expect(shown(notice)).toContain('Publishing to every subscribed channel');
    expect(shown(done)).toContain('Published anytown-child-t to 3 channels.');
    expect(published).toEqual([`teams:${ADMIN.aadObjectId} anytown-child-t`]);
  });

  it('Discard removes the draft', async () => {
    const url = files.serve(westshireChildK.fileName, await westshireChildK.bytes());
    const [, answer] = await ask(fileMessage(ADMIN, westshireChildK.fileName, url), 2);
    const discard = action(answer, 'Discard') as { lessonsBotDraft: { id: string } };
    expect(await shelf.get(discard.lessonsBotDraft.id)).toBeDefined();
    const [gone] = await ask(pressed(ADMIN, discard));
    expect(shown(gone)).toContain('is discarded');
    expect(await shelf.get(discard.lessonsBotDraft.id)).toBeUndefined();
  });
});

describe('what is refused, with nothing downloaded or kept', () => {
  it('someone who is not an admin gets the polite refusal; the file is not fetched', async () => {
    const downloads = files.downloads.length;
    const drafts = (await shelf.list()).length;
    const url = files.serve('child-t.pdf', await anytownChildT.bytes());
    const [answer] = await ask(fileMessage(PRACTITIONER, 'child-t.pdf', url));
    expect(shown(answer)).toContain('only the partnership office can do that');
    expect(files.downloads.length).toBe(downloads);
    expect((await shelf.list()).length).toBe(drafts);
    expect(audit.at(-1)).toMatchObject({ action: 'import', detail: { outcome: 'refused' } });
  });

  it('a draft button pressed by someone who is not an admin is refused', async () => {
    const [answer] = await ask(
      pressed(PRACTITIONER, { lessonsBotDraft: { kind: 'draft-discard', id: 'anything' } }),
    );
    expect(shown(answer)).toContain('only the partnership office can do that');
  });

  it('a file over 50 MB, found while downloading', async () => {
    const url = files.serve('huge.pdf', new Uint8Array(50 * 1024 * 1024 + 1));
    const [, answer] = await ask(fileMessage(ADMIN, 'huge.pdf', url), 2);
    expect(shown(answer)).toContain(
      'is larger than 50 MB, the largest file of its kind the bot reads',
    );
  });

  it('a kind of file the bot does not read', async () => {
    const url = files.serve('review.zip', new Uint8Array([0x50, 0x4b, 3, 4]));
    const [answer] = await ask(fileMessage(ADMIN, 'review.zip', url));
    expect(shown(answer)).toContain('is not a kind of file the bot reads');
  });

  it('a download address that is not SharePoint', async () => {
    const downloads = files.downloads.length;
    const [, answer] = await ask(
      fileMessage(ADMIN, 'child-t.pdf', 'https://attacker.example/child-t.pdf'),
      2,
    );
    expect(shown(answer)).toContain('is not on SharePoint or OneDrive');
    expect(files.downloads.length).toBe(downloads);
  });

  it('a stale draft button', async () => {
    const [answer] = await ask(
      pressed(ADMIN, { lessonsBotDraft: { kind: 'draft-burn', id: 'x' } }),
    );
    expect(shown(answer)).toContain('That button no longer works');
  });
});
