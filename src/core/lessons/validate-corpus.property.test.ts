import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { tempCorpus } from '../../../test/fixtures/lessons/temp-corpus.ts';
import { formatProblem } from '../errors.ts';
import { validateCorpus } from './index.ts';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await tempCorpus('valid'));
});
afterAll(() => cleanup());

/** Fragments that make random text look enough like YAML to reach the deeper checks. */
const yamlish = fc
  .array(
    fc.constantFrom(
      'id: x\n',
      'title: ',
      'lessons:\n',
      '  - ',
      'themes: [',
      ']',
      '{',
      '}',
      ': ',
      '&a ',
      '*a',
      '!!str ',
      '!!js/function ',
      '"',
      "'",
      '# c\n',
      '---\n',
      '|\n',
      '>\n',
      '\t',
      '? ',
      ', ',
      '%YAML 1.2\n',
      '@',
      '`',
      'id: alpha-child-a/1\n',
      'text: t\n',
      '\r\n',
      '\uFEFF',
      '~',
      'null',
      '2015',
      '- ',
      '    ',
      'kind: scr\n',
      'agencies: [police]\n',
      '<<: *a\n',
      '\u0085',
      '\u2028',
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

/** A valid review with one field, of the review or of its lesson, set to any JSON value. */
const REVIEW_FIELDS = ['id', 'title', 'kind', 'published', 'url', 'summary', 'lessons', 'them'];
const LESSON_FIELDS = ['id', 'title', 'text', 'themes', 'agencies', 'questions', 'theme'];
const mutatedReview = fc
  .tuple(fc.boolean(), fc.constantFrom(...REVIEW_FIELDS, ...LESSON_FIELDS), fc.jsonValue())
  .map(([inLesson, field, value]) => {
    const lesson: Record<string, unknown> = {
      id: 'gamma/1',
      title: 'T',
      text: 'X',
      themes: ['neglect'],
    };
    const review: Record<string, unknown> = {
      id: 'gamma',
      title: 'G',
      kind: 'scr',
      partnership: 'P',
      area: 'A',
      published: 2020,
      summary: 'S',
      lessons: [lesson],
    };
    (inLesson ? lesson : review)[field] = value;
    return stringify(review);
  });

const content = fc.oneof(fc.string({ unit: 'binary' }), yamlish, fc.uint8Array({ maxLength: 300 }));

async function checkWith(name: string, data: string | Uint8Array): Promise<void> {
  await writeFile(path.join(dir, name), data);
  const result = await validateCorpus(dir);
  for (const problem of [...result.problems, ...result.warnings]) {
    expect(problem.file).not.toBe('');
    expect(problem.message).not.toBe('');
    // That fallback means a check of ours threw: a bug, even though the user sees a line.
    expect(problem.message).not.toMatch(/^could not be checked/);
    if (problem.line !== undefined) expect(problem.line).toBeGreaterThanOrEqual(1);
    // The validator prints one problem per line.
    expect(formatProblem(problem)).not.toMatch(/[\n\r]/);
  }
  // Either it is a corpus or something says why not.
  expect(result.corpus !== undefined || result.problems.length > 0).toBe(true);
}

describe('validateCorpus on random files', () => {
  it('never throws and always explains itself, for a random review file', async () => {
    await fc.assert(
      fc.asyncProperty(content, (data) => checkWith('random.yaml', data)),
      { numRuns: 150 },
    );
  });

  it('never throws and always explains itself, for a review with one field set to anything', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedReview, (data) => checkWith('gamma.yaml', data)),
      { numRuns: 150 },
    );
  });

  it('never throws and always explains itself, for a random vocabulary file', async () => {
    const original = await readFile(path.join(dir, 'themes.yaml'));
    await fc.assert(
      fc.asyncProperty(content, (data) => checkWith('themes.yaml', data)),
      { numRuns: 100 },
    );
    await writeFile(path.join(dir, 'themes.yaml'), original);
  });

  it('never throws and always explains itself, for a random concepts file', async () => {
    await fc.assert(
      fc.asyncProperty(content, (data) => checkWith('concepts.yaml', data)),
      { numRuns: 100 },
    );
  });
});
