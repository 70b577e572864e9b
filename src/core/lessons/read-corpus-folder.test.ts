import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempCorpus } from '../../../test/fixtures/lessons/temp-corpus.ts';
import { readCorpusFolder } from './read-corpus-folder.ts';

// Tests may run as root, who can read any file: simulate the permission error instead.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    readFile: (async (file: string, ...rest: unknown[]) => {
      if (String(file).endsWith('secret.yaml'))
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      return (actual.readFile as (...args: unknown[]) => unknown)(file, ...rest);
    }) as typeof actual.readFile,
  };
});

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempCorpus());
});
afterEach(() => cleanup());

describe('readCorpusFolder', () => {
  it('reports a file it may not read, and still reads the others', async () => {
    await writeFile(path.join(dir, 'secret.yaml'), 'id: x\n');
    await writeFile(path.join(dir, 'open.yaml'), 'id: y\n');
    const contents = await readCorpusFolder(dir);
    expect(contents.problems).toEqual([
      {
        file: path.join(dir, 'secret.yaml'),
        message: 'cannot be read: permission denied',
        fix: 'make it readable by the user that runs the bot (e.g. chmod a+r)',
      },
    ]);
    expect(contents.files.map((file) => file.name)).toEqual(['open.yaml']);
    expect(contents.names).toEqual(['open.yaml', 'secret.yaml']);
  });

  it('reads only YAML files, in name order, dropping a BOM', async () => {
    await writeFile(path.join(dir, 'b.yml'), '\uFEFFid: b\n');
    await writeFile(path.join(dir, 'a.YAML'), 'id: a\n');
    await writeFile(path.join(dir, 'notes.txt'), 'x');
    const contents = await readCorpusFolder(dir);
    expect(contents.files.map((file) => [file.name, file.text])).toEqual([
      ['a.YAML', 'id: a\n'],
      ['b.yml', 'id: b\n'],
    ]);
  });
});
