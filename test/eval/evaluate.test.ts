import { describe, expect, it } from 'vitest';
import { type EvalQuestion, scoreQuestion } from './evaluate.ts';

const question = (relevant: string[], extra: Partial<EvalQuestion> = {}): EvalQuestion => ({
  q: 'x',
  category: 'plain',
  relevant,
  ...extra,
});

describe('scoreQuestion', () => {
  it('scores recall@3 against at most three relevant lessons', () => {
    expect(scoreQuestion(question(['a', 'b', 'c', 'd']), ['a', 'x', 'b']).recall3).toBeCloseTo(
      2 / 3,
    );
    expect(scoreQuestion(question(['a']), ['x', 'y', 'a']).recall3).toBe(1);
    expect(scoreQuestion(question(['a', 'b']), ['x', 'y', 'z', 'a']).recall3).toBe(0);
  });

  it('scores the reciprocal rank of the first relevant result', () => {
    expect(scoreQuestion(question(['b']), ['a', 'b']).rr).toBe(0.5);
    expect(scoreQuestion(question(['b']), ['a']).rr).toBe(0);
  });

  it('scores a no-answer question 1 only when nothing is returned', () => {
    expect(scoreQuestion(question([], { category: 'no-answer' }), []).recall3).toBe(1);
    const wrong = scoreQuestion(question([], { category: 'no-answer' }), ['a']);
    expect([wrong.recall3, wrong.rr]).toEqual([0, 0]);
    expect(wrong.failures).toEqual(['expected no results, got a']);
  });

  it('reports a missed "first" and a top three that is not all relevant', () => {
    const r = scoreQuestion(question(['a', 'b', 'c'], { first: 'a', top3: 'all-relevant' }), [
      'b',
      'x',
      'a',
    ]);
    expect(r.failures).toEqual([
      'expected a first, got b',
      'expected every one of the first three relevant, got b, x, a',
    ]);
  });
});
