import { describe, expect, it } from 'vitest';
import { type EvalQuestion, scoreQuestion } from './evaluate.ts';

const question = (relevant: string[], extra: Partial<EvalQuestion> = {}): EvalQuestion => ({
  q: 'x',
  category: 'plain',
  relevant,
  ...extra,
});
const ids = (...list: string[]) => ({ ids: list, uncovered: [] });

describe('scoreQuestion', () => {
  it('scores recall@3 against at most three relevant lessons', () => {
    expect(scoreQuestion(question(['a', 'b', 'c', 'd']), ids('a', 'x', 'b')).recall3).toBeCloseTo(
      2 / 3,
    );
    expect(scoreQuestion(question(['a']), ids('x', 'y', 'a')).recall3).toBe(1);
    expect(scoreQuestion(question(['a', 'b']), ids('x', 'y', 'z', 'a')).recall3).toBe(0);
  });

  it('scores the reciprocal rank of the first relevant result', () => {
    expect(scoreQuestion(question(['b']), ids('a', 'b')).rr).toBe(0.5);
    expect(scoreQuestion(question(['b']), ids('a')).rr).toBe(0);
  });

  it('counts a relevant lesson in the top three, and a relevant first result', () => {
    const third = scoreQuestion(question(['c', 'z']), ids('a', 'b', 'c'));
    expect([third.top3, third.first]).toEqual([1, 0]);
    const fourth = scoreQuestion(question(['d']), ids('a', 'b', 'c', 'd'));
    expect([fourth.top3, fourth.first]).toEqual([0, 0]);
    const first = scoreQuestion(question(['a', 'z']), ids('a'));
    expect([first.top3, first.first]).toEqual([1, 1]);
  });

  it('scores a no-answer question 1 only when nothing is returned', () => {
    const none = scoreQuestion(question([], { category: 'no-answer' }), ids());
    expect([none.recall3, none.top3, none.first]).toEqual([1, 1, 1]);
    const wrong = scoreQuestion(question([], { category: 'no-answer' }), ids('a'));
    expect([wrong.recall3, wrong.rr, wrong.top3, wrong.first]).toEqual([0, 0, 0, 0]);
    expect(wrong.failures).toEqual(['expected no results, got a']);
  });

  it('reports a missed "first" and a top three that is not all relevant', () => {
    const r = scoreQuestion(
      question(['a', 'b', 'c'], { first: 'a', top3: 'all-relevant' }),
      ids('b', 'x', 'a'),
    );
    expect(r.failures).toEqual([
      'expected a first, got b',
      'expected every one of the first three relevant, got b, x, a',
    ]);
  });

  it('scores a held-out question’s missed "first" without failing it', () => {
    const r = scoreQuestion(
      question(['a', 'b'], { category: 'practitioner', first: 'a' }),
      ids('b'),
    );
    expect([r.failures, r.misses, r.first]).toEqual([[], ['expected a first, got b'], 1]);
  });

  it('reports an uncovered topic the answer did not name, forgiving case and hyphens', () => {
    const q = question([], { category: 'known-topic', uncovered: ['FGM', 'non-mobile baby'] });
    expect(scoreQuestion(q, { ids: [], uncovered: ['fgm', 'non mobile  baby'] }).failures).toEqual(
      [],
    );
    expect(scoreQuestion(q, { ids: [], uncovered: ['FGM'] }).failures).toEqual([
      'expected "non-mobile baby" to be named as uncovered',
    ]);
  });
});
