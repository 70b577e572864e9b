import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSearchIndex, loadCorpus, validateCorpus } from '../../src/core/index.ts';
import { ROOT } from '../helpers/run-process.ts';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('drafts are never served', () => {
  it('the corpus every door serves (search, briefings, broadcasts, App Home) leaves lessons/drafts out, broken or not', async () => {
    dir = await mkdtemp(join(tmpdir(), 'lessons-drafts-'));
    await cp(join(ROOT, 'lessons'), dir, { recursive: true });
    await mkdir(join(dir, 'drafts'));
    await writeFile(
      join(dir, 'drafts', 'fictional-child-z.yaml'),
      'id: fictional-child-z\ntitle: Child Z\nkind: lcspr\npartnership: P\narea: A\npublished: 2024\nsummary: S.\nlessons:\n  - id: fictional-child-z/1\n    title: Zebra crossings\n    text: Fictional: practitioners should watch zebra crossings.\n    themes: [neglect]\n',
    );
    await writeFile(join(dir, 'drafts', 'broken.yaml'), 'id: [unclosed\n');
    const corpus = await loadCorpus(dir);
    expect(corpus.reviewById.has('fictional-child-z')).toBe(false);
    expect(corpus.reviews).toHaveLength(4);
    expect(createSearchIndex(corpus).search('zebra crossings').results).toEqual([]);
    expect((await validateCorpus(dir)).problems).toEqual([]);
  });
});
