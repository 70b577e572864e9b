import { describe, expect, it } from 'vitest';
import { keyUnit, phraseKey, scanWords, splitWords, textKey } from './tokenize.ts';

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

  it('marks words written in capitals, which may be abbreviations, and capitalised words', () => {
    const words = splitWords('SO so Cp CP A&E Reading');
    expect(words.map((w) => w.caps)).toEqual([true, false, false, true, true, false]);
    expect(words.map((w) => w.capital)).toEqual([true, false, true, true, true, true]);
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

  it('ignores absurdly long tokens', () => {
    expect(splitWords(`${'x'.repeat(60)} neglect`).map((w) => w.word)).toEqual(['neglect']);
  });
});

describe('scanWords', () => {
  it('says when punctuation parts a word from the one before', () => {
    const broken: [string, boolean][] = [];
    scanWords('risk. Child (care) in care, fine – now', (w, b) => broken.push([w.word, b]));
    expect(broken).toEqual([
      ['risk', false],
      ['child', true],
      ['care', true],
      ['in', true],
      ['care', false],
      ['fine', true],
      ['now', true],
    ]);
  });
});

describe('keys of phrases', () => {
  it('reads a question’s phrase by its stems, skipping small words', () => {
    expect(phraseKey('children in care')).toBe('child care');
    expect(phraseKey('looked-after children')).toBe('look child');
    expect(phraseKey('saw the child')).toBe(phraseKey('seen child'));
    expect(phraseKey('bruising on a non-mobile baby')).toBe(
      phraseKey('bruising in non-mobile babies'),
    );
  });

  it('keeps the small words that change a phrase’s meaning, and single letters', () => {
    expect(phraseKey('was not brought')).toBe('not bring');
    expect(phraseKey("didn't attend")).toBe(phraseKey('did not attend'));
    expect(phraseKey('no access visits')).toBe('no access visit');
    expect(phraseKey('too trusting')).toBe('too trust');
    expect(phraseKey('Child R')).toBe('child r');
    expect(keyUnit('the')).toBe('');
  });

  it('reads a lesson’s phrase exactly, small words included', () => {
    expect(textKey('children in care')).toBe('child in care');
    expect(textKey('children with carers')).not.toBe(textKey('child carers'));
    expect(textKey("didn't attend")).toBe(textKey('did not attend'));
  });
});
