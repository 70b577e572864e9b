/**
 * Scores search against the labelled questions in questions.yaml: recall@3 and mean
 * reciprocal rank per category, plus the hard expectations some questions carry.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { SearchIndex } from '../../src/core/search/index.ts';

export const CATEGORIES = [
  'plain',
  'natural-language',
  'typo',
  'abbreviation',
  'synonym',
  'paraphrase',
  'no-answer',
] as const;
export type Category = (typeof CATEGORIES)[number];

const questionSchema = z.strictObject({
  q: z.string(),
  category: z.enum(CATEGORIES),
  relevant: z.array(z.string()),
  first: z.string().optional(),
  top3: z.literal('all-relevant').optional(),
});
const fileSchema = z.strictObject({ questions: z.array(questionSchema) });
export type EvalQuestion = z.infer<typeof questionSchema>;

export interface Score {
  n: number;
  /** mean share of the relevant lessons (at most 3) found in the first three results */
  recall3: number;
  /** mean of 1 / rank of the first relevant result (0 if none in the first ten) */
  mrr: number;
}

export interface QuestionResult {
  question: EvalQuestion;
  returned: string[];
  recall3: number;
  rr: number;
  /** hard expectations this question missed: its `first`, `top3`, or its labels naming unknown lessons */
  failures: string[];
}

export interface Evaluation {
  results: QuestionResult[];
  byCategory: Record<Category, Score>;
  overall: Score;
}

export function loadQuestions(file: string): EvalQuestion[] {
  return fileSchema.parse(parse(readFileSync(file, 'utf8'))).questions;
}

/** For a no-answer question, the only right answer is none: it scores 1 or 0. */
export function scoreQuestion(question: EvalQuestion, returned: string[]): QuestionResult {
  const failures: string[] = [];
  if (question.relevant.length === 0) {
    const right = returned.length === 0 ? 1 : 0;
    if (!right) failures.push(`expected no results, got ${returned.slice(0, 3).join(', ')}`);
    return { question, returned, recall3: right, rr: right, failures };
  }
  const relevant = new Set(question.relevant);
  const top3 = returned.slice(0, 3);
  const found = top3.filter((id) => relevant.has(id)).length;
  const recall3 = found / Math.min(3, relevant.size);
  const rank = returned.findIndex((id) => relevant.has(id));
  const rr = rank < 0 ? 0 : 1 / (rank + 1);
  if (question.first !== undefined && returned[0] !== question.first) {
    failures.push(`expected ${question.first} first, got ${returned[0] ?? 'nothing'}`);
  }
  if (question.top3 === 'all-relevant' && (top3.length < 3 || found < 3)) {
    failures.push(`expected every one of the first three relevant, got ${top3.join(', ')}`);
  }
  return { question, returned, recall3, rr, failures };
}

export function evaluate(
  index: SearchIndex,
  questions: readonly EvalQuestion[],
  known?: ReadonlySet<string>,
): Evaluation {
  const results = questions.map((question) => {
    const returned = index.search(question.q, { limit: 10 }).results.map((r) => r.id);
    const result = scoreQuestion(question, returned);
    for (const id of question.relevant) {
      if (known !== undefined && !known.has(id))
        result.failures.push(`label ${id} is not a lesson`);
    }
    return result;
  });
  const byCategory = Object.fromEntries(
    CATEGORIES.map((c) => [c, summarise(results.filter((r) => r.question.category === c))]),
  ) as Record<Category, Score>;
  return { results, byCategory, overall: summarise(results) };
}

function summarise(results: readonly QuestionResult[]): Score {
  const n = results.length;
  const mean = (f: (r: QuestionResult) => number): number =>
    n === 0 ? 0 : results.reduce((sum, r) => sum + f(r), 0) / n;
  return { n, recall3: mean((r) => r.recall3), mrr: mean((r) => r.rr) };
}

/** The table `npm run eval` prints. */
export function formatTable(evaluation: Evaluation): string {
  const row = (name: string, s: Score): string =>
    `| ${name.padEnd(16)} | ${String(s.n).padStart(3)} | ${s.recall3.toFixed(3)} | ${s.mrr.toFixed(3)} |`;
  return [
    '| category         |   n | recall@3 |   MRR |',
    '|------------------|-----|----------|-------|',
    ...CATEGORIES.map((c) =>
      row(c, evaluation.byCategory[c]).replace(/\| (\d\.\d{3}) \|/, '|    $1 |'),
    ),
    row('overall', evaluation.overall).replace(/\| (\d\.\d{3}) \|/, '|    $1 |'),
  ].join('\n');
}
