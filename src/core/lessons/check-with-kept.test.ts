import { describe, expect, it } from 'vitest';
import { fictionalReview } from '../../../test/helpers/kept-review-text.ts';
import { LESSONS_DIR } from '../../../test/helpers/real-deps.ts';
import { checkWithKept } from './check-with-kept.ts';
import { readCorpusFolder } from './read-corpus-folder.ts';

describe('checkWithKept: the folder and the store’s live reviews, together', () => {
  it('serves good kept reviews and leaves out huge, broken and clashing ones, naming each', async () => {
    const folder = await readCorpusFolder(LESSONS_DIR);
    const { corpus, problems, leftOut } = checkWithKept(LESSONS_DIR, folder, [
      { id: 'anytown-child-z', text: fictionalReview() },
      { id: 'huge', text: `${fictionalReview('huge')}\n# ${'x'.repeat(1_100_000)}` },
      { id: 'broken', text: 'id: [unclosed\n' },
      { id: 'deep', text: `${'['.repeat(5000)}${']'.repeat(5000)}\n` },
      { id: 'croydon-claire', text: fictionalReview('croydon-claire', 'Claire again') },
    ]);
    expect(problems).toEqual([]);
    expect(corpus?.reviewById.get('anytown-child-z')?.title).toBe('Child Z');
    expect(corpus?.reviewById.get('croydon-claire')?.title).toBe('Claire');
    expect(corpus?.reviews).toHaveLength(5);
    expect([...new Set(leftOut.map((problem) => problem.file))].sort()).toEqual([
      '[store] broken.yaml',
      '[store] croydon-claire.yaml',
      '[store] deep.yaml',
      '[store] huge.yaml',
    ]);
    expect(leftOut.find((p) => p.file === '[store] croydon-claire.yaml')?.message).toMatch(
      /review id "croydon-claire" is already used in/,
    );
  });

  it('reports a folder’s own problems as they are, without the store’s', async () => {
    const folder = await readCorpusFolder(LESSONS_DIR);
    const broken = {
      ...folder,
      files: folder.files.filter((file) => file.name !== 'themes.yaml'),
      names: folder.names.filter((name) => name !== 'themes.yaml'),
    };
    const { corpus, problems, leftOut } = checkWithKept(LESSONS_DIR, broken, [
      { id: 'broken', text: 'id: [unclosed\n' },
    ]);
    expect(corpus).toBeUndefined();
    expect(problems.some((problem) => /themes\.yaml$/.test(problem.file))).toBe(true);
    expect(problems.some((problem) => problem.file.startsWith('[store]'))).toBe(false);
    expect(leftOut).toEqual([]);
  });
});
