import type { Corpus } from '../lessons/types.ts';
import { stem } from './stem.ts';
import { isStopWord } from './stop-words.ts';
import type { PairRule } from './term-scanner.ts';
import { indexTermsAndPairs, isContentWord, splitWords } from './tokenize.ts';

/** A set of words that mean one thing: a glossary entry, a theme or an agency. */
export interface Concept {
  kind: 'glossary' | 'theme' | 'agency';
  /** the theme or agency id; the glossary term for glossary entries */
  id: string;
  /** what the bot calls it */
  label: string;
  members: readonly Member[];
}

/** One way of saying a concept: "CSE", "child sexual exploitation". */
export interface Member {
  text: string;
  /** the stems of every word, stop-words included: what a question is matched against */
  key: string;
  /** the stems of its content words */
  terms: readonly string[];
  /**
   * What a lesson must contain to match it: the pairs of neighbouring words of a phrase
   * ("young carer" must be said together), or the one word of a single-word member.
   */
  match: readonly string[];
  /** a member that is also an everyday stop-word ("SO") counts only when written in capitals */
  capsOnly: boolean;
}

export interface Lexicon {
  concepts: readonly Concept[];
  /** member key → indexes of the concepts that have it */
  byKey: ReadonlyMap<string, readonly number[]>;
  /** the longest key, in words */
  maxKeyWords: number;
  /** stems of every word used by any member, so that they count as known words */
  stems: ReadonlySet<string>;
  /** surface words of every member, for spelling correction */
  words: ReadonlyMap<string, string>;
  /** whether some member is a phrase with these two neighbouring stems: pairs worth indexing */
  hasPair: (first: string, second: string) => boolean;
  /** the same, with a quick test for the first stem, as the index builder wants it */
  pairs: PairRule;
}

/** Stems of every word of a phrase, hyphenated words split: the key a question is matched by. */
export function phraseKey(units: readonly string[]): string {
  return units.join(' ');
}

/** Stems, in order, of every word of a phrase, with hyphenated words taken apart. */
export function phraseUnits(text: string): string[] {
  return splitWords(text).flatMap((w) => (w.parts.length > 0 ? w.parts : [w.word]).map(stem));
}

function toMember(text: string): Member | null {
  const words = splitWords(text).flatMap((w) => (w.parts.length > 0 ? w.parts : [w.word]));
  const terms = [...new Set(words.filter(isContentWord).map(stem))];
  if (words.length === 0) return null;
  const key = phraseKey(words.map(stem));
  const only = words.length === 1 ? (words[0] ?? '') : '';
  const capsOnly = only !== '' && (isStopWord(only) || only.length < 2);
  // A member made only of stop-words can still be recognised in capitals ("SO"),
  // but matches lessons only through its concept's other members.
  if (terms.length === 0 && !capsOnly) return null;
  const { pairs } = indexTermsAndPairs(text);
  return { text, key, terms, match: pairs.length > 0 ? [...new Set(pairs)] : terms, capsOnly };
}

function concept(kind: Concept['kind'], id: string, label: string, texts: string[]): Concept {
  const seen = new Set<string>();
  const members: Member[] = [];
  for (const text of texts) {
    const member = toMember(text);
    if (member === null || seen.has(member.key)) continue;
    seen.add(member.key);
    members.push(member);
  }
  return { kind, id, label, members };
}

/** Builds the lexicon from the corpus's glossary, themes and agencies. */
export function buildLexicon(corpus: Pick<Corpus, 'glossary' | 'themes' | 'agencies'>): Lexicon {
  const concepts: Concept[] = [
    ...corpus.glossary.map((g) =>
      concept('glossary', g.term, g.term, [g.term, ...g.also, ...g.formerly]),
    ),
    ...corpus.themes.map((t) => concept('theme', t.id, t.label, [t.label, t.id, ...t.synonyms])),
    ...corpus.agencies.map((a) => concept('agency', a.id, a.label, [a.label, a.id, ...a.synonyms])),
  ];
  const byKey = new Map<string, number[]>();
  const stems = new Set<string>();
  const pairs = new Map<string, Set<string>>();
  const words = new Map<string, string>();
  let maxKeyWords = 1;
  concepts.forEach((c, index) => {
    for (const m of c.members) {
      const list = byKey.get(m.key) ?? [];
      list.push(index);
      byKey.set(m.key, list);
      maxKeyWords = Math.max(maxKeyWords, m.key.split(' ').length);
      for (const t of m.terms) stems.add(t);
      if (m.match !== m.terms) {
        for (const pair of m.match) {
          const [first = '', second = ''] = pair.split(' ');
          const seconds = pairs.get(first) ?? new Set<string>();
          seconds.add(second);
          pairs.set(first, seconds);
        }
      }
      for (const w of splitWords(m.text)) {
        for (const part of w.parts.length > 0 ? w.parts : [w.word]) {
          if (isContentWord(part)) words.set(part, stem(part));
        }
      }
    }
  });
  const hasPair = (first: string, second: string): boolean =>
    pairs.get(first)?.has(second) === true;
  const seconds = new Set([...pairs.values()].flatMap((set) => [...set]));
  const rule: PairRule = {
    starts: (first) => pairs.has(first),
    ends: (second) => seconds.has(second),
    keeps: hasPair,
  };
  return { concepts, byKey, maxKeyWords, stems, words, hasPair, pairs: rule };
}
