import type { Corpus, Review } from '../lessons/index.ts';
import { isStopWord } from './stop-words.ts';
import { facetTag, phraseTerm } from './terms.ts';
import { isContentWord, keyUnit, keyUnitsOfWord, splitWords, termOf, textKey } from './tokenize.ts';

/** A set of words that name one thing: a glossary entry, a theme, an agency or a review. */
export interface Concept {
  kind: 'glossary' | 'theme' | 'agency' | 'review';
  /** the theme, agency or review id; the glossary term for glossary entries */
  id: string;
  /** what the bot calls it */
  label: string;
  members: readonly Member[];
  /** the term that lessons tagged with it carry (themes, agencies, reviews) */
  tag?: string;
  /** themes that share a name with this glossary entry ("CSE"): naming one names them */
  themes: readonly number[];
}

/** One way of saying a concept: "CSE", "child sexual exploitation", "keeps cancelling appointments". */
export interface Member {
  text: string;
  /** its phrase key (see phraseKey): what a question is matched by */
  key: string;
  /** what a lesson must contain to match it: a word's stem, a phrase's term; '' for nothing */
  term: string;
  /** a one-word member that is also an everyday stop-word ("SO") counts only in capitals */
  capsOnly: boolean;
  /** a review's one-word name ("Reading", "Claire") counts only with a capital letter */
  proper: boolean;
  /** an everyday phrasing from concepts.yaml: understood, never shown as an expansion */
  everyday: boolean;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** the phrase key ending here */
  key?: string;
}

export interface Lexicon {
  concepts: readonly Concept[];
  /** member key → indexes of the concepts that have it */
  byKey: ReadonlyMap<string, readonly number[]>;
  /** the longest key, in units */
  maxKeyUnits: number;
  /** stems of every member word, so that they count as known words */
  stems: ReadonlySet<string>;
  /** words of every member as written → their stems, for spelling correction */
  words: ReadonlyMap<string, string>;
  /** the phrases lessons are indexed with (see textKey): multi-word members but reviews' */
  phrases: TrieNode;
  /** stem → themes whose names use the word ("exploitation" → child sexual exploitation, …) */
  themesByWord: ReadonlyMap<string, readonly number[]>;
}

interface MemberSource {
  text: string;
  everyday?: boolean;
}

/** Builds the lexicon from the corpus's glossary, themes, agencies, concepts and reviews. */
export function buildLexicon(
  corpus: Pick<Corpus, 'glossary' | 'themes' | 'agencies' | 'concepts' | 'reviews'>,
): Lexicon {
  const everyday = everydayPhrases(corpus);
  const said = (name: string): MemberSource[] =>
    (everyday.get(loose(name)) ?? []).map((text) => ({ text, everyday: true }));
  const plain = (texts: readonly string[]): MemberSource[] => texts.map((text) => ({ text }));
  const concepts: Concept[] = [
    ...corpus.glossary.map((g) =>
      concept('glossary', g.term, g.term, [
        ...plain([g.term, ...g.also, ...g.formerly]),
        ...said(g.term),
      ]),
    ),
    ...corpus.themes.map((t) =>
      concept('theme', t.id, t.label, [...plain([t.label, t.id, ...t.synonyms]), ...said(t.id)]),
    ),
    ...corpus.agencies.map((a) =>
      concept('agency', a.id, a.label, plain([a.label, a.id, ...a.synonyms])),
    ),
    ...corpus.reviews.map((r) => concept('review', r.id, r.title, reviewNames(r))),
  ];
  return index(concepts);
}

/**
 * concepts.yaml, as what each entry means (a theme id or glossary term, compared as the
 * validator does: case, hyphens and spacing aside) → its phrases.
 */
function everydayPhrases(corpus: Pick<Corpus, 'concepts'>): Map<string, string[]> {
  const phrases = new Map<string, string[]>();
  for (const { means, phrases: list } of corpus.concepts) {
    const key = loose(means);
    phrases.set(key, [...(phrases.get(key) ?? []), ...list]);
  }
  return phrases;
}

const loose = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[-_\s]+/g, ' ')
    .trim();

/** A review is named by its title, its aliases, its id, and its area. */
function reviewNames(review: Review): MemberSource[] {
  return [
    { text: review.title },
    ...review.aliases.map((text) => ({ text })),
    { text: review.id },
    { text: `${review.area} ${review.title}` },
    { text: review.area },
  ];
}

function concept(
  kind: Concept['kind'],
  id: string,
  label: string,
  sources: readonly MemberSource[],
): Concept {
  const seen = new Set<string>();
  const members: Member[] = [];
  for (const source of sources) {
    const member = toMember(source, kind);
    if (member === null || seen.has(member.key)) continue;
    seen.add(member.key);
    members.push(member);
  }
  const made: Concept = { kind, id, label, members, themes: [] };
  if (kind !== 'glossary') made.tag = facetTag(kind, id);
  return made;
}

function toMember(source: MemberSource, kind: Concept['kind']): Member | null {
  const words = splitWords(source.text);
  // "Child A": the letter is a stop-word, and "child" alone would name every such review.
  if (kind === 'review' && words.some((w) => w.word.length === 1 && keyUnit(w.word) === ''))
    return null;
  const units = words.flatMap(keyUnitsOfWord);
  // An everyday phrase is a cue only as a whole: "agrees to everything" is not "agree".
  if (source.everyday === true && words.length > 1 && units.length < 2) return null;
  const only = words.length === 1 && words[0]?.parts.length === 0 ? (words[0]?.word ?? '') : '';
  const capsOnly = only !== '' && (isStopWord(only) || only.length < 2);
  // A member made only of stop-words is still recognised in capitals ("SO"), but
  // matches lessons only through its concept's other members.
  if (units.length === 0 && !capsOnly) return null;
  const key = capsOnly ? only : units.join(' ');
  return {
    text: source.text,
    key,
    term: memberTerm(units, kind, source.text),
    capsOnly,
    // A review's one-word name ("Reading", "Claire") may be an everyday word.
    proper: units.length === 1 && kind === 'review',
    everyday: source.everyday === true,
  };
}

/**
 * A word's stem, or the term of the phrase as written (see textKey); reviews' phrases
 * match through the review's tag alone.
 */
function memberTerm(units: readonly string[], kind: Concept['kind'], text: string): string {
  if (units.length > 1) return kind === 'review' ? '' : phraseTerm(textKey(text));
  const [unit = ''] = units;
  return unit.length > 1 && unit !== 'not' && unit !== 'no' ? unit : '';
}

function index(concepts: Concept[]): Lexicon {
  const byKey = new Map<string, number[]>();
  const stems = new Set<string>();
  const words = new Map<string, string>();
  const phrases: TrieNode = { next: new Map() };
  const themesByWord = new Map<string, number[]>();
  let maxKeyUnits = 1;
  concepts.forEach((c, position) => {
    for (const m of c.members) {
      byKey.set(m.key, [...(byKey.get(m.key) ?? []), position]);
      maxKeyUnits = Math.max(maxKeyUnits, m.key.split(' ').length);
      if (m.term.startsWith('"')) addPhrase(phrases, m.term.slice(1, -1).split(' '));
      for (const w of splitWords(m.text)) {
        for (const part of w.parts.length > 0 ? w.parts : [w.word]) {
          if (!isContentWord(part)) continue;
          const term = termOf(part);
          stems.add(term);
          words.set(part, term);
          if (c.kind === 'theme' && !m.everyday) addOnce(themesByWord, term, position);
        }
      }
    }
  });
  linkGlossaryToThemes(concepts, byKey);
  return { concepts, byKey, maxKeyUnits, stems, words, phrases, themesByWord };
}

function addPhrase(root: TrieNode, units: readonly string[]): void {
  let node = root;
  for (const unit of units) {
    let next = node.next.get(unit);
    if (next === undefined) {
      next = { next: new Map() };
      node.next.set(unit, next);
    }
    node = next;
  }
  node.key = units.join(' ');
}

function addOnce(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key) ?? [];
  if (!list.includes(value)) list.push(value);
  map.set(key, list);
}

/** A glossary entry names the themes it shares a name with: "going missing" links the two. */
function linkGlossaryToThemes(concepts: Concept[], byKey: ReadonlyMap<string, readonly number[]>) {
  for (const c of concepts) {
    if (c.kind !== 'glossary') continue;
    const themes = new Set<number>();
    for (const m of c.members) {
      for (const other of byKey.get(m.key) ?? []) {
        if (concepts[other]?.kind === 'theme') themes.add(other);
      }
    }
    c.themes = [...themes];
  }
}

/**
 * Calls `each` with the key of every lexicon phrase in `units` (a text's units, in order,
 * see textUnitsOfWord): "looked-after children" holds "look after child".
 */
export function findPhrases(
  root: TrieNode,
  units: readonly string[],
  each: (key: string) => void,
): void {
  for (let start = 0; start < units.length; start++) {
    let node = root.next.get(units[start] ?? '');
    for (let i = start + 1; node !== undefined; i++) {
      if (node.key !== undefined) each(node.key);
      if (i >= units.length) break;
      node = node.next.get(units[i] ?? '');
    }
  }
}
