import type { Concept, Lexicon } from './build-lexicon.ts';
import type { Alternative } from './query-plan.ts';
import type { Unit } from './read-words.ts';

/** A part of the question before its frequency is known: words, or a recognised phrase. */
export interface MatchedGroup {
  surface: string;
  alternatives: Alternative[];
  /** the concepts recognised (glossary entries, themes, agencies); empty for plain words */
  concepts: number[];
}

/** Glossary equivalents count a little less than the words the user typed… */
const EQUIVALENT_WEIGHT = 0.9;
/** …and a theme's or agency's other words, which are related rather than equivalent, less. */
const RELATED_WEIGHT = 0.6;
/** A concept with dozens of members would make one word cost dozens of lookups. */
const MAX_ALTERNATIVES = 24;

/**
 * Splits the question's words into groups, longest known phrase first: "looked after
 * children" is one group (with "CLA", "children in care", … as alternatives), a word
 * not in the glossary is a group of its own, stop-words outside phrases are dropped.
 */
export function matchPhrases(units: readonly Unit[], lexicon: Lexicon): MatchedGroup[] {
  const groups: MatchedGroup[] = [];
  let i = 0;
  while (i < units.length) {
    const found = longestPhrase(units, i, lexicon);
    if (found !== null) {
      groups.push(
        conceptGroup(units.slice(i, i + found.length), found.key, found.concepts, lexicon),
      );
      i += found.length;
      continue;
    }
    const unit = units[i] as Unit;
    const end = unit.compound >= 0 ? compoundEnd(units, i) : i + 1;
    const words = units.slice(i, end).filter((u) => u.content);
    if (words.length > 0) groups.push(wordGroup(words));
    i = end;
  }
  return groups;
}

function longestPhrase(
  units: readonly Unit[],
  start: number,
  lexicon: Lexicon,
): { length: number; key: string; concepts: number[] } | null {
  const longest = Math.min(lexicon.maxKeyWords, units.length - start);
  for (let length = longest; length >= 1; length--) {
    const slice = units.slice(start, start + length);
    // A phrase may not end in the middle of a hyphenated word.
    const last = slice[length - 1] as Unit;
    const next = units[start + length];
    if (next !== undefined && last.compound >= 0 && next.compound === last.compound) continue;
    const key = slice.map((u) => u.stem).join(' ');
    const concepts = (lexicon.byKey.get(key) ?? []).filter((c) =>
      usable(lexicon.concepts[c], key, slice),
    );
    if (concepts.length > 0) return { length, key, concepts };
  }
  return null;
}

/** A one-word member that is also an everyday word ("so") counts only in capitals ("SO"). */
function usable(concept: Concept | undefined, key: string, slice: readonly Unit[]): boolean {
  const member = concept?.members.find((m) => m.key === key);
  if (member === undefined) return false;
  if (!member.capsOnly) return slice.some((u) => u.content) || slice.length > 1;
  return slice.length === 1 && slice[0]?.caps === true;
}

function compoundEnd(units: readonly Unit[], start: number): number {
  const id = units[start]?.compound;
  let end = start + 1;
  while (end < units.length && units[end]?.compound === id) end++;
  return end;
}

function wordGroup(words: readonly Unit[]): MatchedGroup {
  // The parts of one hyphenated word are shown as it was written.
  const surface = words.map((u) => u.surface).join(words.length > 1 ? '-' : '');
  const alternatives: Alternative[] = [{ terms: words.map((u) => u.stem), weight: 1 }];
  const joined = words[0]?.joined;
  if (words.length > 1 && joined !== undefined)
    alternatives.unshift({ terms: [joined], weight: 1 });
  return { surface, alternatives, concepts: [] };
}

function conceptGroup(
  slice: readonly Unit[],
  key: string,
  concepts: readonly number[],
  lexicon: Lexicon,
): MatchedGroup {
  const alternatives = new Map<string, Alternative>();
  for (const c of concepts) {
    const concept = lexicon.concepts[c];
    const other = concept?.kind === 'glossary' ? EQUIVALENT_WEIGHT : RELATED_WEIGHT;
    for (const member of concept?.members ?? []) {
      if (member.match.length === 0) continue;
      const id = member.match.join('|');
      const weight = member.key === key ? 1 : other;
      const had = alternatives.get(id);
      if (had === undefined || had.weight < weight)
        alternatives.set(id, { terms: member.match, weight });
    }
  }
  const sorted = [...alternatives.values()].sort((a, b) => b.weight - a.weight);
  return {
    surface: slice.map((u) => u.surface).join(' '),
    alternatives: sorted.slice(0, MAX_ALTERNATIVES),
    concepts: [...concepts],
  };
}
