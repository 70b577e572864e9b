import { describe, expect, it } from 'vitest';
import { sampleCorpus } from '../../../test/helpers/search-corpus.ts';
import { resolveFilters } from './resolve-filters.ts';

const corpus = sampleCorpus();

describe('resolveFilters', () => {
  it('accepts ids, labels and synonyms, case-insensitively', () => {
    const r = resolveFilters(
      [
        { key: 'theme', value: 'ESCALATION' },
        { key: 'theme', value: 'Domestic abuse' },
        { key: 'agency', value: 'A&E' },
      ],
      corpus,
    );
    expect(r).toMatchObject({
      theme: ['escalation', 'domestic-abuse'],
      agency: ['emergency-department'],
      impossible: false,
      problems: [],
    });
  });

  it('reads a close misspelling and says so', () => {
    const r = resolveFilters([{ key: 'theme', value: 'chronolgies' }], corpus);
    expect(r.theme).toEqual(['chronologies']);
    expect(r.problems).toEqual(['Read "theme:chronolgies" as theme:chronologies.']);
  });

  it('finds reviews by id or area', () => {
    expect(resolveFilters([{ key: 'review', value: 'southwark' }], corpus).review).toEqual([
      'southwark-child-r',
    ]);
    expect(resolveFilters([{ key: 'review', value: 'croydon-claire' }], corpus).review).toEqual([
      'croydon-claire',
    ]);
  });

  it('marks a filter that names nothing as impossible, with a problem to show', () => {
    const r = resolveFilters([{ key: 'theme', value: 'weather' }], corpus);
    expect(r.impossible).toBe(true);
    expect(r.problems[0]).toMatch(/No theme matches "theme:weather"; send "themes"/);
  });

  it('keeps a filter possible when one of its values is known', () => {
    const r = resolveFilters(
      [
        { key: 'theme', value: 'weather' },
        { key: 'theme', value: 'neglect' },
      ],
      corpus,
    );
    expect(r.impossible).toBe(false);
    expect(r.theme).toEqual(['neglect']);
    expect(r.problems).toHaveLength(1);
  });

  it('needs a four-digit year for since', () => {
    expect(resolveFilters([{ key: 'since', value: '2016' }], corpus).since).toBe(2016);
    const bad = resolveFilters([{ key: 'since', value: 'last-year' }], corpus);
    expect(bad.impossible).toBe(true);
    expect(bad.problems).toEqual(['"since:last-year" needs a year, e.g. since:2015.']);
  });
});
