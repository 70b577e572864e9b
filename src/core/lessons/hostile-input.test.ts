import { execFileSync } from 'node:child_process';
import { chmod, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  problemLines,
  tempCorpus,
  warningLines,
} from '../../../test/fixtures/lessons/temp-corpus.ts';
import { loadCorpus, validateCorpus } from './index.ts';

/**
 * Each case adds one hostile file to a copy of a valid corpus that also holds one
 * ordinary mistake, and checks both are reported: a bad file never hides the others.
 */
let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempCorpus('valid'));
});
afterEach(() => cleanup());

const NEIGHBOUR = `id: zeta-neighbour
title: Child Z
kind: scr
partnership: Zeta LSCB
area: Zeta
published: 2010
summary: A summary.
lessons:
  - id: zeta-neighbour/1
    title: An ordinary mistake
    text: The text.
    themes: [chronolgy]
`;

const neighbourLine = () =>
  `${dir}/zeta-neighbour.yaml:12: lessons[0].themes[0]: unknown theme "chronolgy" — did you mean "chronologies"? (themes are listed in ${dir}/themes.yaml)`;

/** A valid review file with `count` lessons, one per line pair, to build big files. */
function review(id: string, count: number, lessonExtra = ''): string {
  const head = `id: ${id}\ntitle: Child\nkind: scr\npartnership: P\narea: A\npublished: 2020\nsummary: S.\nlessons:\n`;
  const lessons = Array.from(
    { length: count },
    (_, i) => `  - {id: ${id}/${i + 1}, title: T, text: X., themes: [neglect]${lessonExtra}}\n`,
  );
  return head + lessons.join('');
}

async function withHostile(name: string, content: string | Uint8Array): Promise<string[]> {
  await writeFile(path.join(dir, 'zeta-neighbour.yaml'), NEIGHBOUR);
  await writeFile(path.join(dir, name), content);
  return problemLines(await validateCorpus(dir));
}

describe('validateCorpus on hostile files', () => {
  it('refuses a 5 MB file before parsing it', async () => {
    const lines = await withHostile('huge.yaml', 'a: b\n'.repeat((5 * 1024 * 1024) / 5));
    expect(lines).toEqual([
      `${dir}/huge.yaml: is 5.0 MB; a review file should be well under 1 MB — is this the right file?`,
      neighbourLine(),
    ]);
  });

  it('refuses a YAML alias bomb ("billion laughs") in plain words', async () => {
    let bomb = 'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let level = 0; level < 9; level++)
      bomb += `b${level}: &b${level} [${Array(9)
        .fill(level === 0 ? '*a' : `*b${level - 1}`)
        .join(', ')}]\n`;
    expect(await withHostile('laughs.yaml', bomb)).toEqual([
      `${dir}/laughs.yaml: uses too many YAML aliases (&anchors/*references) — write the content out in full`,
      neighbourLine(),
    ]);
  });

  it('refuses a binary file with NUL bytes', async () => {
    const bytes = new Uint8Array([0x69, 0x64, 0x3a, 0x20, 0x00, 0x01, 0x02, 0xff]);
    expect(await withHostile('binary.yaml', bytes)).toEqual([
      `${dir}/binary.yaml: is not a text file (it has NUL bytes or is not valid UTF-8) — save it as UTF-8 text, or move it out of the lessons folder`,
      neighbourLine(),
    ]);
  });

  it('refuses text that is not UTF-8 (here Latin-1)', async () => {
    const latin1 = new Uint8Array(Buffer.from('id: caf\xe9\n', 'latin1'));
    expect(await withHostile('latin1.yaml', latin1)).toEqual([
      `${dir}/latin1.yaml: is not a text file (it has NUL bytes or is not valid UTF-8) — save it as UTF-8 text, or move it out of the lessons folder`,
      neighbourLine(),
    ]);
  });

  it('accepts a UTF-8 BOM and CRLF line endings, and still counts lines right', async () => {
    const crlf = (text: string) => `\uFEFF${text.replaceAll('\n', '\r\n')}`;
    await writeFile(path.join(dir, 'windows.yaml'), crlf(review('windows', 2)));
    expect(await withHostile('zeta-neighbour.yaml', crlf(NEIGHBOUR))).toEqual([neighbourLine()]);
    await writeFile(
      path.join(dir, 'zeta-neighbour.yaml'),
      crlf(NEIGHBOUR.replace('chronolgy', 'neglect')),
    );
    const corpus = await loadCorpus(dir);
    expect(corpus.reviewById.get('windows')?.lessonIds).toEqual(['windows/1', 'windows/2']);
  });

  it('rejects YAML tags such as !!js/function and custom tags', async () => {
    const tagged = review('tagged', 1).replace('title: Child', 'title: !!js/function "x"');
    expect(await withHostile('tagged.yaml', `${tagged}extra: !secret x\n`)).toEqual([
      `${dir}/tagged.yaml:2: uses the YAML tag "!!js/function", which is not allowed here — remove the tag: the corpus holds only plain text, numbers, lists and mappings`,
      `${dir}/tagged.yaml:10: uses the YAML tag "!secret", which is not allowed here — remove the tag: the corpus holds only plain text, numbers, lists and mappings`,
      `${dir}/tagged.yaml:10: extra: unknown field \`extra\` — remove it; a review has the fields id, title, kind, partnership, area, published, url, summary, source, aliases, lessons`,
      neighbourLine(),
    ]);
  });

  it('reports a duplicate key in plain words', async () => {
    const twice = review('twice', 1).replace('area: A\n', 'area: A\narea: B\n');
    expect(await withHostile('twice.yaml', twice)).toEqual([
      `${dir}/twice.yaml:6: "area" appears twice in the same mapping — keep one of them and delete the other`,
      neighbourLine(),
    ]);
  });

  it('accepts many lessons in one file within the size limit, and reports the schema limit once', async () => {
    const many = review('many', 5000);
    expect(many.length).toBeLessThan(1024 * 1024);
    expect(await withHostile('many.yaml', many)).toEqual([
      `${dir}/many.yaml:8: lessons: lists 5000 items — split a review of more than 500 lessons`,
      neighbourLine(),
    ]);
  });

  it('loads a review with the most lessons the schema allows', async () => {
    await writeFile(path.join(dir, 'biggest.yaml'), review('biggest', 500));
    const corpus = await loadCorpus(dir);
    expect(corpus.lessons.length).toBe(3 + 500);
    expect(corpus.lessonById.get('biggest/500')?.n).toBe(500);
  });

  it('caps the problems from one file, saying how many more there are', async () => {
    const lines = await withHostile(
      'typos.yaml',
      review('typos', 80).replaceAll('[neglect]', '[neglekt]'),
    );
    expect(lines).toHaveLength(50 + 1 + 1);
    expect(lines[0]).toBe(
      `${dir}/typos.yaml:9: lessons[0].themes[0]: unknown theme "neglekt" — did you mean "neglect"? (themes are listed in ${dir}/themes.yaml)`,
    );
    expect(lines[50]).toBe(
      `${dir}/typos.yaml: and 30 more problems in this file — fix the ones above and check again`,
    );
    expect(lines[51]).toBe(neighbourLine());
  });

  it('reports strings longer than the schema allows', async () => {
    const long = review('long', 1)
      .replace('title: T,', `title: ${'t'.repeat(121)},`)
      .replace('text: X.', `text: ${'x'.repeat(5000)}`);
    expect(await withHostile('long.yaml', long)).toEqual([
      `${dir}/long.yaml:9: lessons[0].title: is 121 characters long — keep it under 120 characters`,
      `${dir}/long.yaml:9: lessons[0].text: is 5000 characters long — keep it under 4000 characters`,
      neighbourLine(),
    ]);
  });

  it.each([
    ['brackets', `${'['.repeat(300_000)}${']'.repeat(300_000)}`],
    ['nested "- " (808 KB)', `a:\n${'- '.repeat(400_000)}x\n`],
    ['nested "? "', `${'? '.repeat(300)}x\n`],
    ['indentation', Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}?`).join('\n')],
  ])('refuses deep nesting (%s) before the parser sees it', async (_, text) => {
    expect(await withHostile('deep.yaml', text)).toEqual([
      `${dir}/deep.yaml: is nested too deeply (more than 64 levels of lists, fields, [ or {) — a review needs only a few levels; is this the right file?`,
      neighbourLine(),
    ]);
  });

  it('reports a second YAML document in a file', async () => {
    expect(await withHostile('two.yaml', `${review('two', 1)}---\nid: three\n`)).toEqual([
      `${dir}/two.yaml:10: holds more than one YAML document (a line with "---") — keep one review per file`,
      neighbourLine(),
    ]);
  });

  it('reports tabs and unquoted colons as YAML syntax errors with their column', async () => {
    const tab = review('tab', 1).replace('  - {', '\t- {');
    const colon = review('colon', 1).replace('title: Child', 'title: Child A: the review');
    await writeFile(path.join(dir, 'tab.yaml'), tab);
    expect(await withHostile('colon.yaml', colon)).toEqual([
      `${dir}/colon.yaml:2: YAML syntax error at column 8: a field is nested where it cannot be (often a ": " inside unquoted text) — put text that contains ": " or starts with a special character in quotes, and line up fields at the same level`,
      `${dir}/tab.yaml:9: YAML syntax error at column 1: a tab is used for indentation — indent with spaces only`,
      neighbourLine(),
    ]);
  });

  it('skips a folder named like a YAML file, with a warning', async () => {
    await mkdir(path.join(dir, 'folder.yaml'));
    expect(await withHostile('README.md', '\u0000 not YAML, ignored')).toEqual([neighbourLine()]);
    expect(warningLines(await validateCorpus(dir))).toEqual([
      `${dir}/folder.yaml: is a folder, not a YAML file; skipped it`,
    ]);
  });

  it('ignores hidden files such as editor backups', async () => {
    expect(await withHostile('.#alpha-child-a.yaml', '\u0000')).toEqual([neighbourLine()]);
  });

  it('refuses a named pipe instead of hanging on it', async () => {
    try {
      execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
    } catch {
      return; // no mkfifo here: nothing to test
    }
    expect(await withHostile('other.md', '')).toEqual([
      `${dir}/pipe.yaml: is not a regular file — remove it from the lessons folder`,
      neighbourLine(),
    ]);
  });

  it('reports a link to a file that is not there', async () => {
    await symlink(path.join(dir, 'nowhere.yaml'), path.join(dir, 'dangling.yaml'));
    expect(await withHostile('other.md', '')).toEqual([
      `${dir}/dangling.yaml: disappeared while reading (a broken link, or deleted) — check the file is there and try again`,
      neighbourLine(),
    ]);
  });

  it('refuses a link to a file outside the folder, naming the link and nothing it holds', async () => {
    const outside = await tempCorpus();
    try {
      const secret = path.join(outside.dir, 'secrets.yaml');
      await writeFile(secret, 'id: "xoxb-1234-SECRET-TOKEN"\nroot:x:0:0:root:/root:/bin/bash\n');
      await symlink(secret, path.join(dir, 'linked.yaml'));
      const lines = await withHostile('other.md', '');
      expect(lines).toEqual([
        `${dir}/linked.yaml: is a link to a file outside the lessons folder; refused it — copy the file into the lessons folder instead of linking to it`,
        neighbourLine(),
      ]);
      expect(lines.join('\n')).not.toMatch(/SECRET|root:|secrets\.yaml/);
    } finally {
      await outside.cleanup();
    }
  });

  it('follows a link to a file inside the folder', async () => {
    await symlink(path.join(dir, 'zeta-neighbour.yaml'), path.join(dir, 'alias.yaml'));
    const lines = await withHostile('other.md', '');
    // The linked file is read, as a second copy of the same review.
    expect(lines).toContain(
      `${dir}/zeta-neighbour.yaml:1: id: review id "zeta-neighbour" is already used in ${dir}/alias.yaml:1 — give each review its own id`,
    );
  });

  it('reports themes.yaml and themes.yml side by side', async () => {
    await writeFile(path.join(dir, 'themes.yml'), await readFile(path.join(dir, 'themes.yaml')));
    expect(await withHostile('other.md', '')).toEqual([
      `${dir}/themes.yml: duplicates themes.yaml — keep one of the two files`,
      neighbourLine(),
    ]);
  });

  // Root reads anything, so this runs only as an ordinary user; read-corpus-folder.test.ts
  // covers the message everywhere.
  it.skipIf(process.getuid?.() === 0)(
    'reports a file it may not read (skipped as root, who can read any file)',
    async () => {
      const file = path.join(dir, 'secret.yaml');
      await writeFile(file, review('secret', 1));
      await chmod(file, 0o000);
      expect(await withHostile('other.md', '')).toEqual([
        `${dir}/secret.yaml: cannot be read: permission denied — make it readable by the user that runs the bot (e.g. chmod a+r)`,
        neighbourLine(),
      ]);
    },
  );
});
