import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTestCorpus, sampleCorpus } from '../../../test/helpers/search-corpus.ts';
import { createSearchIndex } from './create-search-index.ts';
import { MAX_LIMIT } from './search-lessons.ts';

const index = createSearchIndex(sampleCorpus());

// Words of the corpus, filter syntax and hostile fragments, so that generated questions
// reach every path of query understanding, not only "nothing matches".
const fragment = fc.oneof(
  fc.constantFrom(
    'chronologies',
    'escalaton',
    'CSE',
    'SO',
    'A&E',
    's.47',
    'under-18',
    'multi-agency',
    'looked after children',
    'theme:',
    'theme:neglect',
    'review:x',
    'agency:police',
    'since:',
    'since:2016',
    'lessons on',
    'what do reviews say about',
    '"',
    "'",
    '?',
    '&',
    '-',
    '.',
    'the',
    'neglct',
    'chrono',
    'a',
    'ß',
    '👶',
    '\u0000',
    '\\',
    '(',
    '*',
    'constructor',
    '__proto__',
    'did not attend',
    'Baby P',
    'private fostering',
    'not',
    'too',
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);
const question = fc
  .array(fc.oneof(fragment, fc.constant(' ')), { maxLength: 14 })
  .map((p) => p.join(' '));
const page = fc.record(
  {
    limit: fc.oneof(fc.integer({ min: -5, max: 80 }), fc.constant(Number.NaN)),
    offset: fc.oneof(fc.integer({ min: -5, max: 30 }), fc.constant(Number.POSITIVE_INFINITY)),
  },
  { requiredKeys: [] },
);

describe('search (properties)', () => {
  it('never throws, and answers consistently with limit, offset and total', () => {
    fc.assert(
      fc.property(question, page, (q, options) => {
        const answer = index.search(q, options);
        const limit = Number.isFinite(options.limit)
          ? Math.max(0, Math.min(MAX_LIMIT, options.limit ?? 5))
          : 5;
        const offset = Number.isFinite(options.offset) ? Math.max(0, options.offset ?? 0) : 0;
        expect(answer.query).toBe(q);
        expect(answer.results.length).toBe(Math.max(0, Math.min(limit, answer.total - offset)));
        expect(new Set(answer.results.map((r) => r.id)).size).toBe(answer.results.length);
        const scores = answer.results.map((r) => r.score);
        expect(scores).toEqual([...scores].sort((a, b) => b - a));
        // Themes are suggested only when nothing was found, and always then, unless the
        // question named a topic that no lesson covers.
        if (answer.total > 0) expect(answer.suggestions).toEqual([]);
        else if ((answer.understood.uncovered ?? []).length === 0)
          expect(answer.suggestions.length).toBeGreaterThan(0);
        // Every result says why it matched, unless only filters were given.
        for (const r of answer.results)
          expect(r.matched.length > 0 || r.score === 0, JSON.stringify(r)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('pages are slices of one order', () => {
    fc.assert(
      fc.property(question, fc.integer({ min: 1, max: 4 }), (q, size) => {
        const whole = index.search(q, { limit: MAX_LIMIT }).results.map((r) => r.id);
        const paged: string[] = [];
        for (let offset = 0; offset < whole.length; offset += size) {
          paged.push(...index.search(q, { limit: size, offset }).results.map((r) => r.id));
        }
        expect(paged).toEqual(whole);
      }),
      { numRuns: 150 },
    );
  });

  it('builds and answers whatever everyday phrasings and review aliases the corpus holds', () => {
    const phrase = fc.oneof(fragment, fc.string({ minLength: 1, maxLength: 40 }));
    fc.assert(
      fc.property(fc.array(phrase, { minLength: 1, maxLength: 8 }), question, (phrases, q) => {
        const base = sampleCorpus();
        const corpus = buildTestCorpus({
          lessons: base.lessons.map((l) => ({
            ...l,
            themes: [...l.themes],
            agencies: [...l.agencies],
            questions: [...l.questions],
          })),
          themes: [...base.themes],
          agencies: [...base.agencies],
          glossary: [...base.glossary],
          concepts: [{ means: 'neglect', phrases }],
          aliases: { 'southwark-child-r': phrases },
        });
        const answer = createSearchIndex(corpus).search(`${q} ${phrases.join(' ')}`);
        expect(answer.results.length).toBeLessThanOrEqual(5);
      }),
      { numRuns: 60 },
    );
  });

  it('survives huge questions', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 2_000, maxLength: 20_000 }), (q) => {
        const answer = index.search(q);
        expect(answer.understood.problems).toContain(
          'Only the first 500 characters of the question were searched.',
        );
      }),
      { numRuns: 20 },
    );
    expect(() => index.search('neglect '.repeat(100_000))).not.toThrow();
  });
});
