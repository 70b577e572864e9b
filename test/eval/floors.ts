/** Floors for the evaluation: a little under the scores reached, so that a real drop fails. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { CATEGORIES, type Evaluation, type Score } from './evaluate.ts';

const score = z.strictObject({
  recall3: z.number(),
  mrr: z.number(),
  top3: z.number(),
  first: z.number(),
});
const floorsSchema = z.strictObject({
  comment: z.string(),
  categories: z.record(z.enum(CATEGORIES), score),
  overall: score,
});
export type Floors = z.infer<typeof floorsSchema>;
export type Floor = z.infer<typeof score>;
export const METRICS = ['recall3', 'mrr', 'top3', 'first'] as const;

export function readFloors(file: string): Floors {
  return floorsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** Two points under the score, rounded down to a hundredth. */
const under = (value: number): number => Math.max(0, Math.floor(value * 100) / 100 - 0.02);

const floorOf = (s: Score): Floor => ({
  recall3: under(s.recall3),
  mrr: under(s.mrr),
  top3: under(s.top3),
  first: under(s.first),
});

/** Floors from an evaluation, for `npm run eval -- --floors` to print. */
export function floorsFrom(evaluation: Evaluation): Floors {
  const categories = Object.fromEntries(
    CATEGORIES.map((c) => [c, floorOf(evaluation.byCategory[c])]),
  ) as Floors['categories'];
  return {
    comment:
      'Written by `npm run eval -- --floors` (scores reached, less 0.02). Raise them when search improves; never lower them to make a change pass.',
    categories,
    overall: floorOf(evaluation.overall),
  };
}
