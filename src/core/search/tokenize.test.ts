import { describe, expect, it } from 'vitest';
import { indexTerms, splitWords } from './tokenize.ts';

describe('splitWords', () => {
  it('keeps short joined tokens whole instead of scattering one-letter words', () => {
    const words = splitWords('A&E, s.47 and S47').map((w) => w.word);
    expect(words).toEqual(['a&e', 's47', 'and', 's47']);
  });

  it('splits hyphenated words into parts and keeps the joined form', () => {
    const [word] = splitWords('multi-agency');
    expect(word).toMatchObject({
      surface: 'multi-agency',
      word: 'multiagency',
      parts: ['multi', 'agency'],
    });
  });

  it("drops possessive 's and apostrophes", () => {
    expect(splitWords("children's parents' don't").map((w) => w.word)).toEqual([
      'children',
      'parents',
      'dont',
    ]);
  });

  it('marks words written in capitals, which may be abbreviations', () => {
    const caps = splitWords('SO so Cp CP A&E').map((w) => w.caps);
    expect(caps).toEqual([true, false, false, true, true]);
  });

  it('reads curly apostrophes, dashes and accents as plain text', () => {
    expect(splitWords('child’s naïve role – fine').map((w) => w.word)).toEqual([
      'child',
      'naive',
      'role',
      'fine',
    ]);
  });

  it('splits a long dotted run that is not an abbreviation', () => {
    expect(splitWords('risk.The').map((w) => w.word)).toEqual(['risk', 'the']);
  });
});

describe('indexTerms', () => {
  it('stems content words and drops stop-words and one-letter words', () => {
    expect(indexTerms('The chronologies of a child')).toEqual(['chronolog', 'child']);
  });

  it('indexes a hyphenated word joined and in parts', () => {
    expect(indexTerms('multi-agency')).toEqual(['multiag', 'multi', 'agenc']);
    expect(indexTerms('under-18')).toEqual(['under18', '18']);
  });

  it('records each content word as written with its stem', () => {
    const words = new Map<string, string>();
    indexTerms('Escalation procedures', words);
    expect([...words]).toEqual([
      ['escalation', 'escal'],
      ['procedures', 'procedur'],
    ]);
  });

  it('gives the same terms for ASCII and non-ASCII spellings of a text', () => {
    expect(indexTerms('Children’s naïve A&E')).toEqual(indexTerms("Children's naive A&E"));
  });

  it('ignores absurdly long tokens', () => {
    expect(indexTerms(`${'x'.repeat(60)} neglect`)).toEqual(['neglect']);
  });
});
