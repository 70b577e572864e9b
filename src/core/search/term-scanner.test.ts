import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PairRule, TermScanner } from './term-scanner.ts';
import { indexTermsAndPairs, pairTerm } from './tokenize.ts';

const kept = new Set([pairTerm('young', 'carer'), pairTerm('child', 'care')]);
const rule: PairRule = {
  starts: (first) => first === 'young' || first === 'child',
  ends: (second) => second === 'carer' || second === 'care',
  keeps: (first, second) => kept.has(pairTerm(first, second)),
};

/** What the scanner reads, as strings, for comparison with indexTermsAndPairs. */
function scanned(scanner: TermScanner, text: string | string[]) {
  const terms: string[] = [];
  const pairs: string[] = [];
  scanner.scan(text, {
    term: (id) => terms.push(scanner.terms[id] ?? '?'),
    pair: (id) => pairs.push(scanner.terms[id] ?? '?'),
  });
  return { terms, pairs };
}

const expected = (text: string, words?: Map<string, string>) =>
  indexTermsAndPairs(text, words, rule.keeps);

describe('TermScanner', () => {
  it('reads the same terms and pairs as indexTermsAndPairs', () => {
    const scanner = new TermScanner(new Map(), rule);
    const texts = [
      'Young carers and children in care: the CHILDREN were in care.',
      "Multi-agency A&E s.47 under-18 children's parents' don't risk.The x-ray",
      'Young, carers. Young-carers young carers',
      'Children’s naïve A&E — young carer',
      `${'x'.repeat(60)} neglect NEGLECT Neglect`,
    ];
    // Twice: the second time every token comes from the table.
    for (const text of [...texts, ...texts]) expect(scanned(scanner, text)).toEqual(expected(text));
  });

  it('reads the parts of a field as separate lines', () => {
    const scanner = new TermScanner(new Map(), rule);
    expect(scanned(scanner, ['Was the young', 'carer heard?'])).toEqual(
      expected('Was the young\ncarer heard?'),
    );
  });

  it('records each content word as written, with its stem', () => {
    const words = new Map<string, string>();
    new TermScanner(words).scan('Escalation, MULTI-AGENCY and escalation', {
      term: () => {},
      pair: () => {},
    });
    const reference = new Map<string, string>();
    indexTermsAndPairs('Escalation, MULTI-AGENCY and escalation', reference);
    expect([...words]).toEqual([...reference]);
  });

  it('agrees with indexTermsAndPairs on any text', () => {
    const piece = fc.oneof(
      fc.constantFrom('young', 'Carers', 'child', 'in', 'care', 'A&E', 's.47', "child's", 'ï'),
      fc.constantFrom(' ', ', ', '. ', '-', "'", '&', '\n', '—', '’'),
      fc.string({ maxLength: 6 }),
    );
    const scanner = new TermScanner(new Map(), rule);
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => {
        const text = pieces.join('');
        expect(scanned(scanner, text)).toEqual(expected(text));
      }),
    );
  });
});
