import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/core/lessons/index.ts';
import { createSearchIndex } from '../../src/core/search/index.ts';
import {
  CATEGORIES,
  type Evaluation,
  evaluate,
  loadQuestions,
  searchAnswerer,
} from './evaluate.ts';
import { METRICS, readFloors } from './floors.ts';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const questions = loadQuestions(here('questions.yaml'));
const floors = readFloors(here('floors.json'));
let evaluation: Evaluation;
let known: ReadonlySet<string>;

beforeAll(async () => {
  const corpus = await loadCorpus(here('../../lessons'));
  known = new Set(corpus.lessonById.keys());
  evaluation = evaluate(searchAnswerer(createSearchIndex(corpus)), questions, known);
});

describe('search evaluation (test/eval/questions.yaml)', () => {
  it('has at least 70 questions, at least 8 in each category, 40 from practitioners', () => {
    expect(questions.length).toBeGreaterThanOrEqual(70);
    for (const c of CATEGORIES) {
      expect(questions.filter((q) => q.category === c).length, c).toBeGreaterThanOrEqual(8);
    }
    const practitioner = questions.filter((q) => q.category === 'practitioner');
    expect(practitioner.length).toBeGreaterThanOrEqual(40);
    const short = practitioner.filter((q) => q.q.split(/\s+/).length < 5).map((q) => q.q);
    expect(short, 'practitioner questions have five words or more').toEqual([]);
  });

  it('asks practitioner questions about every lesson', () => {
    const asked = new Set(
      questions.filter((q) => q.category === 'practitioner').flatMap((q) => q.relevant),
    );
    expect([...known].filter((id) => !asked.has(id))).toEqual([]);
  });

  it.each(CATEGORIES)('%s: every score stays at or above its floor', (category) => {
    const score = evaluation.byCategory[category];
    const floor = floors.categories[category];
    for (const metric of METRICS) {
      expect(score[metric], `${metric} (npm run eval -- --verbose)`).toBeGreaterThanOrEqual(
        floor[metric],
      );
    }
  });

  it('overall: every score stays at or above its floor', () => {
    for (const metric of METRICS) {
      expect(evaluation.overall[metric], metric).toBeGreaterThanOrEqual(floors.overall[metric]);
    }
  });

  it('meets every hard expectation: lessons that must come first, top three all relevant, uncovered topics named, labels that exist', () => {
    const failures = evaluation.results.flatMap((r) =>
      r.failures.map((f) => `[${r.question.category}] ${r.question.q}: ${f}`),
    );
    expect(failures).toEqual([]);
  });
});
