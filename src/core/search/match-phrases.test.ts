import { describe, expect, it } from 'vitest';
import { buildLexicon } from './build-lexicon.ts';
import { matchPhrases } from './match-phrases.ts';
import { readWords } from './read-words.ts';
import { createSpeller } from './speller.ts';
import { sampleCorpus } from '../../../test/helpers/search-corpus.ts';

const lexicon = buildLexicon(sampleCorpus());
const speller = createSpeller(new Map(), () => 0);
const groups = (text: string) =>
  matchPhrases(readWords(text, () => true, speller).units, lexicon).map((g) => ({
    surface: g.surface,
    alternatives: g.alternatives.map((a) => a.terms.join(' ')),
  }));

describe('buildLexicon', () => {
  it('makes every member of a glossary entry, theme and agency an equivalent', () => {
    const cse = lexicon.byKey.get('cse') ?? [];
    const kinds = cse.map((c) => lexicon.concepts[c]?.kind).sort();
    expect(kinds).toEqual(['glossary', 'theme']);
  });

  it('marks one-word members that are also stop-words as capitals-only', () => {
    const so = lexicon.concepts.find((c) => c.id === 'supervision order');
    expect(so?.members.map((m) => [m.text, m.capsOnly])).toEqual([
      ['supervision order', false],
      ['SO', true],
    ]);
  });
});

describe('matchPhrases', () => {
  it('recognises the longest phrase first, with its equivalents', () => {
    expect(groups('looked after children placements')).toEqual([
      {
        surface: 'looked after children',
        alternatives: ['look child', 'child care', 'cla', 'lac'],
      },
      { surface: 'placements', alternatives: ['placement'] },
    ]);
  });

  it('drops stop-words outside phrases', () => {
    expect(groups('the escalation of a case').map((g) => g.surface)).toEqual([
      'escalation',
      'case',
    ]);
  });

  it('keeps a hyphenated word that is no phrase as one group', () => {
    expect(groups('multi-agency')).toEqual([
      { surface: 'multi-agency', alternatives: ['multiag', 'multi agenc'] },
    ]);
  });

  it('reads a two-letter everyday word as an abbreviation only in capitals', () => {
    expect(groups('SO')[0]?.alternatives).toEqual(['supervis order']);
    expect(groups('so')).toEqual([]);
  });
});
