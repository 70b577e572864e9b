import { describe, expect, it } from 'vitest';
import { candidateMap, normaliseName, suggestName } from './suggest-name.ts';

const themes = candidateMap([
  ['chronologies', ['Chronologies', 'timeline']],
  ['neglect', ['Neglect']],
  ['domestic-abuse', ['Domestic abuse', 'domestic violence', 'DV']],
]);

describe('suggestName', () => {
  it('suggests the id for a close misspelling', () => {
    expect(suggestName('chronolgy', themes)).toEqual({ name: 'chronologies', exact: false });
    expect(suggestName('neglet', themes)).toEqual({ name: 'neglect', exact: false });
  });

  it('maps a label or synonym, in any case or spacing, to its id exactly', () => {
    expect(suggestName('Domestic Violence', themes)).toEqual({
      name: 'domestic-abuse',
      exact: true,
    });
    expect(suggestName('domestic_abuse', themes)).toEqual({ name: 'domestic-abuse', exact: true });
    expect(suggestName('dv', themes)).toEqual({ name: 'domestic-abuse', exact: true });
  });

  it('suggests nothing when nothing is close', () => {
    expect(suggestName('astrology', themes)).toBeUndefined();
    expect(suggestName('x', themes)).toBeUndefined();
  });

  it('does not turn a short word into any other short word', () => {
    expect(suggestName('da', candidateMap([['dv', []]]))).toBeUndefined();
  });
});

describe('normaliseName', () => {
  it('ignores case, hyphens, underscores and extra spaces', () => {
    expect(normaliseName('  Voice_of-the   Child ')).toBe('voice of the child');
  });
});
