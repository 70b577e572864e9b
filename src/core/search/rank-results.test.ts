import type { SearchResult } from 'minisearch';
import { describe, expect, it } from 'vitest';
import type { QueryGroup } from './query-plan.ts';
import { rankResults } from './rank-results.ts';
import { toMiniSearchQuery } from './to-minisearch-query.ts';

const group = (surface: string, extra: Partial<QueryGroup> = {}): QueryGroup => ({
  surface,
  typed: surface,
  kind: 'word',
  reason: surface,
  alternatives: [{ terms: [surface], weight: 1 }],
  strong: true,
  uncovered: false,
  share: 1,
  ...extra,
});

/** A MiniSearch result: MiniSearch multiplies the score by the number of terms matched. */
const result = (id: number, raw: number, queryTerms: string[]): SearchResult => ({
  id,
  score: raw * queryTerms.length,
  terms: queryTerms,
  queryTerms,
  match: {},
});

const rank = (...args: Parameters<typeof rankResults>) => {
  const ranking = rankResults(...args);
  return ranking.page(0, ranking.total);
};

const context = {
  lessonCount: 100,
  tieRank: Int32Array.from({ length: 100 }, (_, i) => i),
  requireAll: false,
};

describe('rankResults', () => {
  it('ranks by how much of the question a lesson covers, the rarer part counting more', () => {
    const groups = [group('genogram'), group('child')];
    const results = [
      result(1, 9, ['child']),
      ...Array.from({ length: 60 }, (_, i) => result(10 + i, 1, ['child'])),
      result(2, 1, ['genogram']),
      result(3, 1, ['genogram', 'child']),
    ];
    const ranked = rank(results, groups, context);
    // "child" is in 62 of 100 lessons: a lesson with only it covers too little to show.
    expect(ranked.map((r) => r.position)).toEqual([3, 2]);
    expect(ranked.map((r) => r.matched)).toEqual([['genogram', 'child'], ['genogram']]);
  });

  it('divides out MiniSearch’s count of matched terms, so that many names of one concept do not count more', () => {
    const groups = [
      group('cse', {
        kind: 'topic',
        alternatives: [
          { terms: ['cse'], weight: 1 },
          { terms: ['"sexual exploit"'], weight: 0.9 },
        ],
      }),
    ];
    const ranked = rank(
      [result(1, 2, ['cse', '"sexual exploit"']), result(2, 3, ['cse'])],
      groups,
      context,
    );
    expect(ranked.map((r) => [r.position, r.score])).toEqual([
      [2, 3],
      [1, 2],
    ]);
  });

  it('credits a lesson by the best way it matched, and says so', () => {
    const groups = [
      group('genogram', {
        kind: 'topic',
        alternatives: [
          { terms: ['genogram'], weight: 1 },
          {
            terms: ['~theme:family-history'],
            weight: 0.6,
            reason: 'family history (related to genogram)',
          },
        ],
      }),
      group('transfer'),
    ];
    const ranked = rank(
      [
        result(1, 1, ['genogram', '~theme:family-history']),
        result(2, 1, ['~theme:family-history', 'transfer']),
      ],
      groups,
      context,
    );
    expect(ranked.map((r) => r.matched)).toEqual([
      ['family history (related to genogram)', 'transfer'],
      ['genogram'],
    ]);
  });

  it('says a lesson matched by the word typed rather than by a related tag as good', () => {
    const groups = [
      group('genogram', {
        kind: 'topic',
        alternatives: [
          { terms: ['~theme:family-history'], weight: 1, reason: 'family history (related)' },
          { terms: ['genogram'], weight: 1 },
        ],
      }),
    ];
    const [only] = rank([result(1, 1, ['~theme:family-history', 'genogram'])], groups, context);
    expect(only?.matched).toEqual(['genogram']);
  });

  it('needs a part of the question that says something on its own', () => {
    const groups = [group('genogram'), group('work', { strong: false })];
    expect(rank([result(1, 5, ['work'])], groups, context)).toEqual([]);
  });

  it('keeps only lessons matching every part that says something, when asked to', () => {
    const groups = [group('missing'), group('child', { strong: false })];
    const ranked = rank([result(1, 1, ['missing']), result(2, 1, ['child'])], groups, {
      ...context,
      requireAll: true,
    });
    expect(ranked.map((r) => r.position)).toEqual([1]);
  });

  it('breaks ties by the lesson order given', () => {
    const tieRank = Int32Array.from([0, 2, 1]);
    const ranked = rank([result(1, 1, ['a']), result(2, 1, ['a'])], [group('a')], {
      ...context,
      tieRank,
    });
    expect(ranked.map((r) => r.position)).toEqual([2, 1]);
  });
});

describe('toMiniSearchQuery', () => {
  it('asks for any alternative of any group, each all its terms, weighted, in its fields, largest first', () => {
    const frequency = (term: string) =>
      ({ chrono: 5, multiag: 3, multi: 9, '~theme:x': 20 })[term] ?? 0;
    const query = toMiniSearchQuery(
      [
        group('chrono', {
          kind: 'completion',
          alternatives: [{ terms: ['chrono'], weight: 0.8, prefix: true }],
        }),
        group('multi-agency', {
          alternatives: [
            { terms: ['multiag'], weight: 1 },
            { terms: ['multi', 'agenc'], weight: 1 },
            { terms: ['~theme:x'], weight: 0.5 },
          ],
        }),
      ],
      frequency,
    );
    const text = ['title', 'text', 'questions'];
    expect(JSON.parse(JSON.stringify(query))).toEqual({
      combineWith: 'OR',
      queries: [
        { combineWith: 'AND', queries: ['~theme:x'], fields: ['themes'] },
        { combineWith: 'AND', queries: ['multi', 'agenc'], fields: text },
        {
          combineWith: 'AND',
          queries: ['chrono'],
          fields: text,
          prefix: true,
          weights: { prefix: 1, fuzzy: 0 },
        },
        { combineWith: 'AND', queries: ['multiag'], fields: text },
      ],
    });
    type Node = { queries: { boostTerm: (t: string, i: number, all: string[]) => number }[] };
    const boosts = (query as unknown as Node).queries.map((a) => a.boostTerm('', 0, []));
    expect(boosts).toEqual([0.5, 1, 0.8, 1]);
  });
});
