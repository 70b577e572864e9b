import { describe, expect, it } from 'vitest';
import {
  agency,
  buildTestCorpus,
  sampleCorpus,
  theme,
} from '../../../test/helpers/search-corpus.ts';
import { analyse } from './build-index.ts';
import { buildLexicon } from './build-lexicon.ts';
import { matchPhrases } from './match-phrases.ts';
import { readWords } from './read-words.ts';
import { createSpeller } from './speller.ts';

const lexicon = buildLexicon(sampleCorpus());
const speller = createSpeller(new Map(), () => 0);
const labels = (concepts: number[]) => concepts.map((c) => lexicon.concepts[c]?.label);
const groups = (text: string) =>
  matchPhrases(readWords(text, () => true, speller).units, lexicon).map((g) => ({
    surface: g.surface,
    concepts: labels(g.concepts),
  }));

describe('buildLexicon', () => {
  it('makes every member of a glossary entry, theme and agency an equivalent', () => {
    const cse = lexicon.byKey.get('cse') ?? [];
    const kinds = cse.map((c) => lexicon.concepts[c]?.kind).sort();
    expect(kinds).toEqual(['glossary', 'theme']);
  });

  it('marks one-word members that are also stop-words as capitals-only', () => {
    const so = lexicon.concepts.find((c) => c.id === 'supervision order');
    expect(so?.members.map((m) => [m.text, m.capsOnly, m.term])).toEqual([
      ['supervision order', false, '"supervis order"'],
      ['SO', true, ''],
    ]);
  });

  it('tags themes, agencies and reviews, and links a glossary entry to the themes it names', () => {
    const cse = lexicon.concepts.find(
      (c) => c.kind === 'glossary' && c.id === 'child sexual exploitation',
    );
    expect(cse?.tag).toBeUndefined();
    expect(cse?.themes.map((t) => lexicon.concepts[t]?.tag)).toEqual([
      '~theme:child-sexual-exploitation',
    ]);
    expect(lexicon.concepts.find((c) => c.id === 'police')?.tag).toBe('~agency:police');
    expect(lexicon.concepts.find((c) => c.kind === 'review')?.tag).toMatch(/^~review:/);
  });

  it('adds the everyday phrasings of concepts.yaml to the concept they mean, however it is written', () => {
    const corpus = buildTestCorpus({
      themes: [theme('online-harm', 'Online harm', ['social media'])],
      glossary: [{ term: 'was not brought', formerly: ['did not attend'] }],
      concepts: [
        { means: 'Online_Harm', phrases: ['tiktok'] },
        { means: 'Was not  brought', phrases: ['keeps cancelling appointments', 'agrees to it'] },
      ],
      lessons: [{ id: 'a-x/1', title: 'T', text: 'T.', themes: ['online-harm'] }],
    });
    const built = buildLexicon(corpus);
    const member = (text: string) =>
      built.concepts.flatMap((c) => c.members).find((m) => m.text === text);
    expect(member('tiktok')).toMatchObject({ everyday: true, term: 'tiktok' });
    expect(member('keeps cancelling appointments')).toMatchObject({
      everyday: true,
      key: 'keep cancel appoint',
    });
    // One word once the small words are gone: too vague to be a cue.
    expect(member('agrees to it')).toBeUndefined();
  });

  it('names a review by its title, aliases, id and area, but not by a stop-word letter', () => {
    const corpus = buildTestCorpus({
      areas: { 'haringey-baby-peter': 'Haringey', 'alpha-child-a': 'Alpha' },
      aliases: { 'haringey-baby-peter': ['Baby P', 'Peter Connelly'] },
      lessons: [
        { id: 'haringey-baby-peter/1', title: 'T', text: 'T.', themes: ['neglect'] },
        { id: 'alpha-child-a/1', title: 'T', text: 'T.', themes: ['neglect'] },
      ],
    });
    const built = buildLexicon(corpus);
    const peter = built.concepts.find((c) => c.id === 'haringey-baby-peter');
    expect(peter?.members.map((m) => m.key)).toEqual(
      expect.arrayContaining(['babi p', 'peter connelli', 'haringey']),
    );
    // "Child A": "a" is a stop-word, and "child" alone would name every such review.
    const alpha = built.concepts.find((c) => c.id === 'alpha-child-a');
    expect(alpha?.members.map((m) => m.text)).not.toContain('Child A');
  });
});

describe('analyse', () => {
  it('indexes each word’s stem, a hyphenated word joined and in parts, and the lexicon’s phrases as written', () => {
    expect(analyse('The chronologies of a child', lexicon)).toEqual(['chronolog', 'child']);
    expect(analyse('multi-agency', lexicon)).toEqual(['multiag', 'multi', 'agenc']);
    expect(analyse('looked-after children in care', lexicon)).toEqual([
      'lookedaft',
      'look',
      'child',
      'care',
      '"look after child"',
      '"child in care"',
    ]);
  });

  it('does not read a phrase across punctuation, or with other words in it', () => {
    expect(analyse('children, in care', lexicon)).not.toContain('"child in care"');
    expect(analyse('children with carers', lexicon)).toEqual(['child', 'carer']);
  });

  it('records each word as written with its stem, and reads non-ASCII text as ASCII', () => {
    const words = new Map<string, string>();
    analyse('Escalation procedures', lexicon, (term, word) => words.set(word, term));
    expect([...words]).toEqual([
      ['escalation', 'escal'],
      ['procedures', 'procedur'],
    ]);
    expect(analyse('Children’s naïve A&E', lexicon)).toEqual(
      analyse("Children's naive A&E", lexicon),
    );
  });
});

describe('matchPhrases', () => {
  it('recognises the longest phrase first, and drops stop-words outside phrases', () => {
    expect(groups('the looked after children placements')).toEqual([
      { surface: 'looked after children', concepts: ['children in care', 'Children in care'] },
      { surface: 'placements', concepts: [] },
    ]);
    expect(groups('the escalation of a case').map((g) => g.surface)).toEqual([
      'escalation',
      'case',
    ]);
  });

  it('skips small words inside a phrase, and shows the phrase as written', () => {
    const corpus = buildTestCorpus({
      themes: [theme('nai', 'Injuries to babies', ['bruising in non-mobile babies'])],
      glossary: [{ term: 'was not brought', formerly: ['did not attend'] }],
      lessons: [{ id: 'a-x/1', title: 'T', text: 'T.', themes: ['nai'] }],
    });
    const built = buildLexicon(corpus);
    const read = (text: string) =>
      matchPhrases(readWords(text, () => true, speller).units, built).map((g) => [
        g.surface,
        g.concepts.map((c) => built.concepts[c]?.label),
      ]);
    expect(read('bruising on a non-mobile baby')).toEqual([
      ['bruising on a non-mobile baby', ['Injuries to babies']],
    ]);
    expect(read('they did not attend')).toEqual([['did not attend', ['was not brought']]]);
    expect(read('not attending')).toEqual([['not attending', ['was not brought']]]);
    // "did not attend" is not "attend": attending a meeting is not a missed appointment.
    expect(read('attendance at meetings')).toEqual([
      ['attendance', []],
      ['meetings', []],
    ]);
  });

  it('keeps a hyphenated word that is no phrase as one group', () => {
    expect(groups('multi-agency meetings').map((g) => g.surface)).toEqual([
      'multi-agency',
      'meetings',
    ]);
  });

  it('reads a two-letter everyday word as an abbreviation only in capitals', () => {
    expect(groups('SO')).toEqual([{ surface: 'so', concepts: ['supervision order'] }]);
    expect(groups('so')).toEqual([]);
  });

  it('reads a one-word review name only with a capital letter', () => {
    const corpus = buildTestCorpus({
      areas: { 'reading-child-x': 'Reading' },
      agencies: [agency('police', 'Police')],
      lessons: [{ id: 'reading-child-x/1', title: 'T', text: 'T.', themes: ['neglect'] }],
    });
    const built = buildLexicon(corpus);
    const read = (text: string) =>
      matchPhrases(readWords(text, () => true, speller).units, built).map((g) => g.concepts.length);
    expect(read('Reading')).toEqual([1]);
    expect(read('reading age')).toEqual([0, 0]);
  });
});
