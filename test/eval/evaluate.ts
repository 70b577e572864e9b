/**
 * Scores search against the labelled questions in questions.yaml: recall@3, mean
 * reciprocal rank, and how often a relevant lesson is in the top three and first, per
 * category, plus the hard expectations some questions carry.
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
  'practitioner',
  'known-topic',
  'no-answer',
] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * Questions written to measure search, not to tune it: a missed `first` or `top3` there
 * is scored (and listed by --verbose) but fails no test, so that nobody is tempted to fix
 * the question; the floors keep their scores from dropping.
 */
export const HELD_OUT: readonly Category[] = ['practitioner'];

const questionSchema = z.strictObject({
  q: z.string(),
  category: z.enum(CATEGORIES),
  relevant: z.array(z.string()),
  first: z.string().optional(),
  top3: z.literal('all-relevant').optional(),
  uncovered: z.array(z.string()).optional(),
});
const fileSchema = z.strictObject({ questions: z.array(questionSchema) });
export type EvalQuestion = z.infer<typeof questionSchema>;

export interface Score {
  n: number;
  /** mean share of the relevant lessons (at most 3) found in the first three results */
  recall3: number;
  /** mean of 1 / rank of the first relevant result (0 if none in the first ten) */
  mrr: number;
  /** share of questions with a relevant lesson in the first three (for no-answer: none shown) */
  top3: number;
  /** share of questions whose first result is relevant (for no-answer: none shown) */
  first: number;
}

/** What an engine answered: lesson ids best first, and the topics it said no lesson covers. */
export interface EvalAnswer {
  ids: string[];
  uncovered: string[];
}
export type Answerer = (question: string) => EvalAnswer;

export interface QuestionResult {
  question: EvalQuestion;
  returned: string[];
  recall3: number;
  rr: number;
  top3: number;
  first: number;
  /** hard expectations this question missed: its `first`, `top3`, `uncovered`, or labels naming unknown lessons */
  failures: string[];
  /** `first` and `top3` missed by a held-out question: scored, not failed */
  misses: string[];
}

export interface Evaluation {
  results: QuestionResult[];
  byCategory: Record<Category, Score>;
  overall: Score;
}

export function loadQuestions(file: string): EvalQuestion[] {
  return fileSchema.parse(parse(readFileSync(file, 'utf8'))).questions;
}

/** lessons-bot's search, as the evaluation asks it: the first ten results. */
export function searchAnswerer(index: SearchIndex): Answerer {
  return (question) => {
    const answer = index.search(question, { limit: 10 });
    return {
      ids: answer.results.map((r) => r.id),
      uncovered: answer.understood.uncovered ?? [],
    };
  };
}

const loose = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[-\s]+/g, ' ')
    .trim();

/** For a no-answer question, the only right answer is none: it scores 1 or 0. */
export function scoreQuestion(question: EvalQuestion, answer: EvalAnswer): QuestionResult {
  const returned = answer.ids;
  const failures: string[] = [];
  const misses: string[] = [];
  const ranking = HELD_OUT.includes(question.category) ? misses : failures;
  const said = new Set(answer.uncovered.map(loose));
  for (const topic of question.uncovered ?? []) {
    if (!said.has(loose(topic))) failures.push(`expected "${topic}" to be named as uncovered`);
  }
  if (question.relevant.length === 0) {
    const right = returned.length === 0 ? 1 : 0;
    if (!right) failures.push(`expected no results, got ${returned.slice(0, 3).join(', ')}`);
    return {
      question,
      returned,
      recall3: right,
      rr: right,
      top3: right,
      first: right,
      failures,
      misses,
    };
  }
  const relevant = new Set(question.relevant);
  const top3 = returned.slice(0, 3);
  const found = top3.filter((id) => relevant.has(id)).length;
  const recall3 = found / Math.min(3, relevant.size);
  const rank = returned.findIndex((id) => relevant.has(id));
  const rr = rank < 0 ? 0 : 1 / (rank + 1);
  if (question.first !== undefined && returned[0] !== question.first) {
    ranking.push(`expected ${question.first} first, got ${returned[0] ?? 'nothing'}`);
  }
  if (question.top3 === 'all-relevant' && (top3.length < 3 || found < 3)) {
    ranking.push(`expected every one of the first three relevant, got ${top3.join(', ')}`);
  }
  const inTop3 = found > 0 ? 1 : 0;
  const first = rank === 0 ? 1 : 0;
  return { question, returned, recall3, rr, top3: inTop3, first, failures, misses };
}

export function evaluate(
  answerer: Answerer,
  questions: readonly EvalQuestion[],
  known?: ReadonlySet<string>,
): Evaluation {
  const results = questions.map((question) => {
    const result = scoreQuestion(question, answerer(question.q));
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
  return {
    n,
    recall3: mean((r) => r.recall3),
    mrr: mean((r) => r.rr),
    top3: mean((r) => r.top3),
    first: mean((r) => r.first),
  };
}

/** The table `npm run eval` prints: one row per category, one column group per engine. */
export function formatTable(
  evaluations: readonly { name: string; evaluation: Evaluation }[],
): string {
  const metrics = ['recall@3', 'MRR', 'top 3', 'first'] as const;
  const cells = (s: Score): string[] =>
    [s.recall3, s.mrr, s.top3, s.first].map((v) => v.toFixed(3).padStart(8));
  const head = [
    `| ${'category'.padEnd(16)} |   n | ${evaluations.map((e) => e.name.padEnd(8 * 4 + 9)).join(' | ')} |`,
    `| ${''.padEnd(16)} |     | ${evaluations.map(() => metrics.map((m) => m.padStart(8)).join(' | ')).join(' | ')} |`,
    `|${'-'.repeat(18)}|-----|${evaluations.map(() => `${'-'.repeat(8 * 4 + 11)}`).join('|')}|`,
  ];
  const row = (name: string, pick: (e: Evaluation) => Score): string => {
    const first = evaluations[0];
    const n = first === undefined ? 0 : pick(first.evaluation).n;
    return `| ${name.padEnd(16)} | ${String(n).padStart(3)} | ${evaluations
      .map((e) => cells(pick(e.evaluation)).join(' | '))
      .join(' | ')} |`;
  };
  return [
    ...head,
    ...CATEGORIES.map((c) => row(c, (e) => e.byCategory[c])),
    row('overall', (e) => e.overall),
  ].join('\n');
}
