/**
 * The importer's measured cases: the published seeds (their learning as curated in
 * lessons/) and the fictional fixture documents. Shared by the tests and
 * `npm run eval:import`.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Corpus } from '../../src/core/index.ts';
import { FICTIONAL_FIXTURES, type Fixture } from '../fixtures/import/fictional-documents.ts';

export interface ImportCase {
  name: string;
  fileName: string;
  bytes: () => Promise<Uint8Array>;
  /** the learning points, word for word */
  expected: string[];
  /** list: the document lists its learning; prose: candidates are offered */
  mode: 'learning-points' | 'candidates';
  /** prose documents: how many of the expected must be among the candidates */
  atLeast: number;
  /** text in the document that must never be taken */
  notLearning: string[];
  metadata?: Fixture['metadata'];
}

const SEEDS = fileURLToPath(new URL('../fixtures/import/seeds/', import.meta.url));

/** Seed file, the review it is curated as, and how its learning is stated. */
const SEED_CASES = [
  ['southwark-scr-child-r-2015.txt', 'southwark-child-r', 'learning-points', 12],
  ['cumbria-scr-children-p-briefing.txt', 'cumbria-children-p', 'learning-points', 13],
  ['croydon-scr-claire-2017.txt', 'croydon-claire', 'candidates', 1],
  ['haringey-baby-peter-learning-minutes.txt', 'haringey-baby-peter', 'candidates', 8],
] as const;

export function importCases(corpus: Corpus): ImportCase[] {
  const seeds = SEED_CASES.map(([fileName, reviewId, mode, atLeast]): ImportCase => {
    const review = corpus.reviewById.get(reviewId);
    if (!review) throw new Error(`lessons/ has no review ${reviewId}`);
    return {
      name: `seed: ${reviewId}`,
      fileName,
      bytes: async () => new Uint8Array(await readFile(`${SEEDS}${fileName}`)),
      expected: review.lessonIds.map((id) => corpus.lessonById.get(id)?.text ?? ''),
      mode,
      atLeast,
      notLearning: [],
    };
  });
  const fictional = FICTIONAL_FIXTURES.map(
    (fixture): ImportCase => ({
      name: `fictional: ${fixture.about}`,
      fileName: fixture.fileName,
      bytes: fixture.bytes,
      expected: fixture.learning,
      mode: 'learning-points',
      atLeast: fixture.learning.length,
      notLearning: fixture.notLearning,
      metadata: fixture.metadata,
    }),
  );
  return [...seeds, ...fictional];
}
