import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createStoreDrafts, openStore } from '../../src/store/index.ts';
import { fictionalReview } from '../helpers/kept-review-text.ts';
import { ROOT, runMain } from '../helpers/run-process.ts';

let dir: string;
let lessons: string;
let database: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lessons-export-'));
  lessons = join(dir, 'lessons');
  await cp(join(ROOT, 'lessons'), lessons, { recursive: true });
  database = `sqlite:${join(dir, 'bot.db')}`;
  return () => rm(dir, { recursive: true, force: true });
});

const cli = (...args: string[]) =>
  runMain([...args, '--lessons', lessons], { env: { DATABASE_URL: database } });

/** Drafts as the chat door keeps them: in the bot's database. */
async function keepDrafts(drafts: Record<string, string>): Promise<void> {
  const store = await openStore(database);
  try {
    const shelf = createStoreDrafts({
      lessonsDir: lessons,
      reviews: store.reviews,
      by: 'teams:u1',
    });
    for (const [id, text] of Object.entries(drafts)) await shelf.save(id, text, { replace: false });
  } finally {
    await store.close();
  }
}

async function auditLog() {
  const store = await openStore(database);
  try {
    return await store.listAudit();
  } finally {
    await store.close();
  }
}

// Each test runs the command line several times; on a busy machine each run takes seconds.
const SLOW = { timeout: 120_000 };

describe('lessons-bot approve and export, with reviews kept in the database', SLOW, () => {
  it('approves a chat draft into the database, exports it as a file that validate accepts', async () => {
    await keepDrafts({
      'anytown-child-z': `# draft: check every note\n${fictionalReview()}`,
      'anytown-child-y': fictionalReview('anytown-child-y', 'Child Y'),
    });
    const approved = await cli('approve', 'anytown-child-z');
    expect(approved.stderr).toBe('');
    expect(approved.code).toBe(0);
    expect(approved.stdout).toMatch(
      /^Approved Child Z: 1 lesson now live in \[store\] anytown-child-z\.yaml\./,
    );
    // nothing was written into the lessons folder: the review lives in the database
    expect(await readdir(lessons)).not.toContain('anytown-child-z.yaml');
    // and the approval is in the audit log, as one made in chat is
    expect(await auditLog()).toEqual([
      expect.objectContaining({
        actor: 'cli',
        action: 'import.approve',
        detail: { review: 'anytown-child-z' },
      }),
    ]);
    // publish knows it, as the bot does; a draft it does not
    const draft = await cli('publish', 'anytown-child-y');
    expect(draft.code).toBe(1);
    expect(draft.stderr).toMatch(/anytown-child-y/);
    const published = await cli('publish', 'anytown-child-z', '--json');
    expect(published.stderr).toBe('');
    expect(published.code).toBe(0);
    expect(JSON.parse(published.stdout)).toMatchObject({ review: 'anytown-child-z', round: 1 });

    const out = join(dir, 'exported');
    const exported = await cli('export', '--out', out, '--drafts');
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(
      /^Exported 1 live review and 1 draft from the bot's database to /,
    );
    expect((await readdir(out)).sort()).toEqual(['anytown-child-z.yaml', 'drafts']);
    expect(await readdir(join(out, 'drafts'))).toEqual(['anytown-child-y.yaml']);
    const file = await readFile(join(out, 'anytown-child-z.yaml'), 'utf8');
    expect(file).toMatch(/^# Approved with lessons-bot approve on \d{4}-\d\d-\d\d\.\n# FICTIONAL/);
    expect(file).not.toContain('# draft:');

    // the round trip: the exported file, put in a lessons folder, is a valid review
    const folder = join(dir, 'round-trip');
    await cp(join(ROOT, 'lessons'), folder, { recursive: true });
    await cp(join(out, 'anytown-child-z.yaml'), join(folder, 'anytown-child-z.yaml'));
    const valid = await runMain(['validate', '--lessons', folder]);
    expect(valid.stderr).toBe('');
    expect(valid.code).toBe(0);
    expect(valid.stdout).toMatch(/is valid: 5 reviews/);
    const review = await runMain(['review', 'anytown-child-z', '--lessons', folder]);
    expect(review.code).toBe(0);
    expect(review.stdout).toContain('Child Z');
  });

  it('--json says what was written; an existing file is kept unless --replace', async () => {
    await keepDrafts({ 'anytown-child-z': fictionalReview() });
    expect((await cli('approve', 'anytown-child-z')).code).toBe(0);
    const out = join(dir, 'exported');
    const first = await cli('export', '--out', out, '--json');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({
      exported: { folder: out, live: [join(out, 'anytown-child-z.yaml')], drafts: [] },
    });
    await writeFile(join(out, 'anytown-child-z.yaml'), 'edited by hand\n');
    const again = await cli('export', '--out', out);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(
      /anytown-child-z\.yaml already exists: export to an empty folder \(--out DIR\), or add --replace/,
    );
    expect(await readFile(join(out, 'anytown-child-z.yaml'), 'utf8')).toBe('edited by hand\n');
    const replaced = await cli('export', '--out', out, '--replace');
    expect(replaced.code).toBe(0);
    expect(await readFile(join(out, 'anytown-child-z.yaml'), 'utf8')).toMatch(/^# Approved/);
  });

  it('approve refuses a chat draft with problems and changes nothing; an empty database exports nothing', async () => {
    await keepDrafts({
      'anytown-child-z': fictionalReview().replace(/themes: \[[^\]]*\]/, 'themes: [chronolgy]'),
    });
    const refused = await cli('approve', 'anytown-child-z');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /\[store\] drafts\/anytown-child-z\.yaml:\d+: .*unknown theme "chronolgy"/,
    );
    expect(await auditLog()).toEqual([]);
    const out = join(dir, 'exported');
    const exported = await cli('export', '--out', out);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/^Exported 0 live reviews from the bot's database/);
    const missing = await cli('approve', 'no-such-draft');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No draft "no-such-draft"/);
  });
});
