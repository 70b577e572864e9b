import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../src/adapters/documents/index.ts';
import { type Corpus, loadCorpus } from '../../src/core/index.ts';
import { type ImportCase, importCases } from '../eval/import-cases.ts';
import { scoreCase } from '../eval/import-evaluate.ts';

const LESSONS = fileURLToPath(new URL('../../lessons', import.meta.url));
let corpus: Corpus;
let cases: ImportCase[];

beforeAll(async () => {
  corpus = await loadCorpus(LESSONS);
  cases = importCases(corpus);
});

const byFile = (fileName: string) => {
  const found = cases.find((c) => c.fileName === fileName);
  if (!found) throw new Error(`no case ${fileName}`);
  return found;
};

describe('published seeds, as curated in lessons/', () => {
  it('Child R: the 12 learning points, word for word and in order', async () => {
    const score = await scoreCase(byFile('southwark-scr-child-r-2015.txt'), corpus, readDocument);
    expect(score.draft?.mode).toBe('learning-points');
    expect(score.draft?.lessons.map((l) => l.text)).toEqual(score.case.expected);
    expect(score.draft?.review).toMatchObject({
      id: 'southwark-child-r',
      title: 'Child R',
      kind: 'scr',
      partnership: 'Southwark Safeguarding Children Board',
      area: 'Southwark',
      published: '2015-07',
    });
  });

  it('Children P: the 13 lessons, word for word and in order', async () => {
    const score = await scoreCase(
      byFile('cumbria-scr-children-p-briefing.txt'),
      corpus,
      readDocument,
    );
    expect(score.draft?.lessons.map((l) => l.text)).toEqual(score.case.expected);
    expect(score.draft?.review).toMatchObject({
      id: 'cumbria-children-p',
      partnership: 'Cumbria Local Safeguarding Children Board',
      published: null,
    });
    expect(score.draft?.warnings.join('\n')).toMatch(
      /Not found in the document: .*publication date/,
    );
  });

  it('Claire: the central learning, stated in prose, is the first candidate', async () => {
    const score = await scoreCase(byFile('croydon-scr-claire-2017.txt'), corpus, readDocument);
    expect(score.draft?.mode).toBe('candidates');
    expect(score.draft?.lessons[0]?.text).toBe(score.case.expected[0]);
    expect(score.draft?.warnings[0]).toMatch(/states its learning in prose/);
    expect(score.draft?.review).toMatchObject({ title: 'Claire', published: '2017-01-24' });
  });

  it('Baby Peter minutes: at least 8 of the 15 curated lessons among the candidates', async () => {
    const score = await scoreCase(
      byFile('haringey-baby-peter-learning-minutes.txt'),
      corpus,
      readDocument,
    );
    expect(score.draft?.mode).toBe('candidates');
    expect(score.found.length).toBeGreaterThanOrEqual(8);
    // Candidates are few enough to check: nothing about the meeting itself.
    expect(score.wrong).toEqual([]);
    expect(score.draft?.lessons.map((l) => l.text).join('\n')).not.toMatch(/RESOLVED|handbook/);
  });
});

describe('fictional documents', () => {
  const fixtures = () => cases.filter((c) => c.metadata !== undefined);

  it('every learning point found word for word, in order, and nothing else taken', async () => {
    for (const item of fixtures()) {
      const score = await scoreCase(item, corpus, readDocument);
      expect(
        score.draft?.lessons.map((l) => l.text),
        item.fileName,
      ).toEqual(item.expected);
      expect(score.forbidden, item.fileName).toEqual([]);
    }
  });

  it('the metadata of each document', async () => {
    for (const item of fixtures()) {
      const score = await scoreCase(item, corpus, readDocument);
      const { title, area, partnership, kind, published, url } = item.metadata ?? { title: '' };
      expect(score.draft?.review, item.fileName).toMatchObject({
        title,
        area,
        partnership,
        kind,
        published,
        url: url ?? null,
      });
    }
  });

  it('pages: each learning point carries the page it starts on, across columns and page breaks', async () => {
    const childT = await scoreCase(byFile('anytown-lcspr-child-t.pdf'), corpus, readDocument);
    expect(childT.draft?.lessons.map((l) => l.page)).toEqual([2, 2, 2, 2, 2]);
    const familyQ = await scoreCase(byFile('brookfield-scr-family-q.pdf'), corpus, readDocument);
    const pages = new Set(familyQ.draft?.lessons.map((l) => l.page));
    expect(pages.size).toBeGreaterThan(1);
    const word = await scoreCase(byFile('lakeside-baby-l.docx'), corpus, readDocument);
    expect(word.draft?.lessons.every((l) => l.page === null)).toBe(true);
  });
});
