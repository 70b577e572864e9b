import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/core/lessons/index.ts';
import { createSearchIndex } from '../../src/core/search/index.ts';
import { CATEGORIES, type Evaluation, evaluate, loadQuestions } from './evaluate.ts';
import { readFloors } from './floors.ts';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const questions = loadQuestions(here('questions.yaml'));
const floors = readFloors(here('floors.json'));
let evaluation: Evaluation;

beforeAll(async () => {
  const corpus = await loadCorpus(here('../../lessons'));
  evaluation = evaluate(createSearchIndex(corpus), questions, new Set(corpus.lessonById.keys()));
});

describe('search evaluation (test/eval/questions.yaml)', () => {
  it('has at least 70 questions, at least 8 in each category', () => {
    expect(questions.length).toBeGreaterThanOrEqual(70);
    for (const c of CATEGORIES) {
      expect(questions.filter((q) => q.category === c).length, c).toBeGreaterThanOrEqual(8);
    }
  });

  it.each(CATEGORIES)('%s: recall@3 and MRR stay at or above their floors', (category) => {
    const score = evaluation.byCategory[category];
    const floor = floors.categories[category];
    expect(score.recall3, `recall@3 (npm run eval -- --verbose)`).toBeGreaterThanOrEqual(
      floor.recall3,
    );
    expect(score.mrr, 'MRR (npm run eval -- --verbose)').toBeGreaterThanOrEqual(floor.mrr);
  });

  it('overall: recall@3 and MRR stay at or above their floors', () => {
    expect(evaluation.overall.recall3).toBeGreaterThanOrEqual(floors.overall.recall3);
    expect(evaluation.overall.mrr).toBeGreaterThanOrEqual(floors.overall.mrr);
  });

  it('meets every hard expectation: lessons that must come first, top three all relevant, labels that exist', () => {
    const failures = evaluation.results.flatMap((r) =>
      r.failures.map((f) => `[${r.question.category}] ${r.question.q}: ${f}`),
    );
    expect(failures).toEqual([]);
  });
});
