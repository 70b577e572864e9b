import { describe, expect, it } from 'vitest';
import { retiredTermFinder } from './find-retired-terms.ts';

const find = retiredTermFinder({
  terms: [
    { term: 'children in care', formerly: ['LAC', 'looked after children'] },
    { term: 'child in care review', formerly: ['LAC review'] },
    { term: 'no formerly list' },
    'not an entry',
  ],
});

describe('retiredTermFinder', () => {
  it('finds an abbreviation in capitals only, as a whole word', () => {
    expect(find('LAC and the child')).toEqual([{ retired: 'LAC', current: 'children in care' }]);
    expect(find('a lac of care; BLACK; LACK; placid')).toEqual([]);
  });

  it('finds phrases in any case, preferring the longest match', () => {
    expect(find('Looked After Children')).toEqual([
      { retired: 'Looked After Children', current: 'children in care' },
    ]);
    expect(find('the LAC review was late')).toEqual([
      { retired: 'LAC review', current: 'child in care review' },
    ]);
  });

  it('finds nothing without a glossary', () => {
    expect(retiredTermFinder(undefined)('LAC')).toEqual([]);
  });
});
