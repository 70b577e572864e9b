import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { anytownChildT } from '../fixtures/import/fictional-documents.ts';
import { encryptedPdf } from '../helpers/hostile-documents.ts';
import { ROOT, runMain } from '../helpers/run-process.ts';

let dir: string;
let lessons: string;
let pdf: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lessons-import-'));
  lessons = join(dir, 'lessons');
  await cp(join(ROOT, 'lessons'), lessons, { recursive: true });
  pdf = join(dir, anytownChildT.fileName);
  await writeFile(pdf, await anytownChildT.bytes());
  return () => rm(dir, { recursive: true, force: true });
});

const cli = (...args: string[]) => runMain([...args, '--lessons', lessons]);
const draftFile = () => join(lessons, 'drafts', 'anytown-child-t.yaml');

// Each test runs the command line several times; on a busy machine each run takes seconds.
const SLOW = { timeout: 120_000 };

describe('lessons-bot import', SLOW, () => {
  it('--json prints the contract and writes the draft review file', async () => {
    const result = await cli('import', pdf, '--json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const answer = JSON.parse(result.stdout) as Record<string, unknown> & {
      review: Record<string, unknown>;
      lessons: Record<string, unknown>[];
      warnings: string[];
    };
    expect(Object.keys(answer).sort()).toEqual(['draft', 'lessons', 'review', 'warnings']);
    expect(answer.draft).toMatch(/lessons\/drafts\/anytown-child-t\.yaml$/);
    expect(Object.keys(answer.review).sort()).toEqual(
      ['area', 'id', 'kind', 'partnership', 'published', 'summary', 'title', 'url'].sort(),
    );
    expect(answer.review).toMatchObject({ id: 'anytown-child-t', title: 'Child T', kind: 'lcspr' });
    expect(answer.lessons).toHaveLength(anytownChildT.learning.length);
    for (const [i, lesson] of answer.lessons.entries()) {
      expect(Object.keys(lesson).sort()).toEqual([
        'agencies',
        'id',
        'page',
        'text',
        'themes',
        'title',
      ]);
      expect(lesson).toMatchObject({
        id: `anytown-child-t/${i + 1}`,
        text: anytownChildT.learning[i],
        page: 2,
      });
    }
    expect(answer.warnings.join('\n')).toMatch(/suggestions: check each one/);
    const draft = await readFile(draftFile(), 'utf8');
    expect(draft).toMatch(/^# draft: DRAFT: not served/);
    expect(draft).toMatch(/# check: item 1 under "4\. Learning points" on page 2/);
    expect(parse(draft).lessons.map((l: { text: string }) => l.text)).toEqual(
      anytownChildT.learning,
    );
  });

  it('says in text what it found and what to do next; --out puts the draft elsewhere', async () => {
    const out = join(dir, 'elsewhere');
    const result = await cli('import', pdf, '--out', out);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /Drafted .*elsewhere\/anytown-child-t\.yaml from "anytown-lcspr-child-t\.pdf" \(PDF, 2 pages\): 5 learning points/,
    );
    expect(result.stdout).toMatch(/1\. \(p\. 2\) Practitioners should keep/);
    expect(result.stdout).toMatch(/then: lessons-bot approve anytown-child-t/);
    expect(await readdir(out)).toEqual(['anytown-child-t.yaml']);
  });

  it('never overwrites a draft someone may have edited, unless --replace', async () => {
    expect((await cli('import', pdf)).code).toBe(0);
    await writeFile(draftFile(), `${await readFile(draftFile(), 'utf8')}# my edits\n`);
    const again = await cli('import', pdf);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists, and may hold someone's edits: .*--replace/);
    expect(await readFile(draftFile(), 'utf8')).toMatch(/# my edits/);
    expect((await cli('import', pdf, '--replace')).code).toBe(0);
    expect(await readFile(draftFile(), 'utf8')).not.toMatch(/# my edits/);
  });

  it('a bad document: a clear message, exit 1, and nothing written', async () => {
    const locked = join(dir, 'locked.pdf');
    await writeFile(locked, await encryptedPdf());
    const result = await cli('import', locked);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/"locked\.pdf" is password-protected/);
    expect(result.stdout).toBe('');
    await expect(readdir(join(lessons, 'drafts'))).rejects.toThrow(/ENOENT/);
    const missing = await cli('import', join(dir, 'nowhere.pdf'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/There is no file ".*nowhere\.pdf"/);
  });
});

describe('drafts are never served; validate names them; approve makes them live', SLOW, () => {
  it('a draft is not searchable until approved, then is, with how to announce it', async () => {
    expect((await cli('import', pdf)).code).toBe(0);
    const before = await cli('review', 'anytown-child-t');
    expect(before.code).toBe(1);
    // The person checking gives the lesson the importer found no theme for one of its own.
    const draft = await readFile(draftFile(), 'utf8');
    expect(draft).toMatch(/themes: \[\]/);
    await writeFile(draftFile(), draft.replaceAll('themes: []', 'themes: [risk-assessment]'));

    const validate = await cli('validate');
    expect(validate.stdout).toMatch(/is valid: 4 reviews/);
    expect(validate.stdout).toMatch(
      /anytown-child-t\.yaml: a draft, not served; valid: lessons-bot approve anytown-child-t/,
    );
    expect(validate.code).toBe(0);

    const approved = await cli('approve', 'anytown-child-t');
    expect(approved.stderr).toBe('');
    expect(approved.code).toBe(0);
    expect(approved.stdout).toMatch(
      /Approved Child T: 5 lessons now live in .*lessons\/anytown-child-t\.yaml/,
    );
    expect(approved.stdout).toMatch(/lessons-bot publish anytown-child-t/);

    const live = await readFile(join(lessons, 'anytown-child-t.yaml'), 'utf8');
    expect(live).not.toMatch(/# (draft|check):/);
    expect(live).toMatch(/^# Approved with lessons-bot approve on \d{4}-\d\d-\d\d\./);
    expect(await readdir(join(lessons, 'drafts'))).toEqual([]);
    const after = await cli('search', 'bruising in a baby who is not yet mobile', '--json');
    expect(JSON.parse(after.stdout).results[0].id).toMatch(/^anytown-child-t\//);
  });

  it('validate lists a draft’s problems as problem lines; approve refuses it and changes nothing', async () => {
    expect((await cli('import', pdf)).code).toBe(0);
    const broken = (await readFile(draftFile(), 'utf8'))
      .replaceAll('themes: []', 'themes: [risk-assessment]')
      .replace(/themes: \[[^\]]*\]/, 'themes: [bruising]');
    await writeFile(draftFile(), broken);
    const validate = await cli('validate', '--json');
    expect(validate.code).toBe(1);
    const report = JSON.parse(validate.stdout);
    expect(report.problems).toEqual([]);
    expect(report.drafts).toHaveLength(1);
    expect(report.drafts[0]).toMatchObject({ id: 'anytown-child-t', ok: false });
    expect(report.drafts[0].problems[0].message).toMatch(/unknown theme "bruising"/);

    const approve = await cli('approve', 'anytown-child-t');
    expect(approve.code).toBe(1);
    expect(approve.stderr).toMatch(
      /anytown-child-t\.yaml:\d+: lessons\[0\]\.themes\[0\]: unknown theme "bruising"/,
    );
    await expect(readFile(join(lessons, 'anytown-child-t.yaml'))).rejects.toThrow(/ENOENT/);
    expect(await readFile(draftFile(), 'utf8')).toBe(broken);
  });

  it('approve refuses an unknown draft, and a review whose id is live already', async () => {
    const unknown = await cli('approve', 'no-such-draft');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No draft "no-such-draft"\. There are no drafts in/);

    const seed = join(ROOT, 'test/fixtures/import/seeds/southwark-scr-child-r-2015.txt');
    expect((await cli('import', seed)).code).toBe(0);
    const clash = await cli('approve', 'southwark-child-r');
    expect(clash.code).toBe(1);
    expect(clash.stderr).toMatch(
      /review id "southwark-child-r" is already used in .*southwark-child-r\.yaml/,
    );
  });
});
