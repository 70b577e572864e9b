import type { Lexicon, Member } from './build-lexicon.ts';
import type { Unit } from './read-words.ts';

/** A part of the question before its frequency is known: words, or a recognised phrase. */
export interface MatchedGroup {
  /** as the user wrote it (corrected) */
  surface: string;
  /** as the user wrote it */
  typed: string;
  /** the phrase key it was recognised by; '' for plain words */
  key: string;
  /** the concepts recognised (glossary entries, themes, agencies, reviews); empty for plain words */
  concepts: number[];
  /** for plain words, the ways of matching them: their stems (a hyphenated word's parts, or joined) */
  stems: (readonly string[])[];
}

/**
 * Splits the question's words into groups, longest known phrase first: "looked after
 * children" is one group (the concepts "children in care"), a word not in the lexicon is
 * a group of its own, stop-words outside phrases are dropped. Stop-words inside a phrase
 * do not part it ("bruising on a non-mobile baby" names "bruising in non-mobile babies").
 */
export function matchPhrases(units: readonly Unit[], lexicon: Lexicon): MatchedGroup[] {
  const groups: MatchedGroup[] = [];
  let i = 0;
  let done = 0;
  while (i < units.length) {
    const unit = units[i] as Unit;
    const found = unit.key === '' ? inCapitals(unit, i, lexicon) : longestPhrase(units, i, lexicon);
    if (found !== null) {
      const [from, to] = asWritten(units, i, done, found, lexicon);
      const slice = units.slice(from, to);
      groups.push({
        surface: written(slice, false),
        typed: written(slice, true),
        key: found.key,
        concepts: found.concepts,
        stems: [],
      });
      i = to;
      done = i;
      continue;
    }
    const end = unit.compound >= 0 ? compoundEnd(units, i) : i + 1;
    const words = units.slice(i, end).filter((u) => u.content);
    if (words.length > 0) {
      groups.push(wordGroup(words));
      done = end;
    }
    i = end;
  }
  return groups;
}

/**
 * Where a phrase starts and ends as written: "did not attend" is recognised from "not",
 * and "goes along with" ends at "along", but the small words of the phrase around them
 * ("did", "with") are part of what the user wrote.
 */
function asWritten(
  units: readonly Unit[],
  start: number,
  done: number,
  found: Found,
  lexicon: Lexicon,
): [number, number] {
  const words = new Set(
    found.concepts.flatMap((c) => {
      const text = memberOf(lexicon, c, found.key)?.text ?? '';
      return text.toLowerCase().split(/[^\p{L}\p{N}']+/u);
    }),
  );
  const small = (u: Unit | undefined): boolean => u?.key === '' && words.has(u.surface);
  let first = start;
  while (first > done && small(units[first - 1])) first--;
  let end = found.end;
  while (small(units[end])) end++;
  return [first, end];
}

interface Found {
  end: number;
  key: string;
  concepts: number[];
}

/** "SO" in capitals is a supervision order; "so" is a stop-word. */
function inCapitals(unit: Unit, at: number, lexicon: Lexicon): Found | null {
  if (!unit.caps) return null;
  const concepts = (lexicon.byKey.get(unit.surface) ?? []).filter(
    (c) => memberOf(lexicon, c, unit.surface)?.capsOnly === true,
  );
  return concepts.length > 0 ? { end: at + 1, key: unit.surface, concepts } : null;
}

function longestPhrase(units: readonly Unit[], start: number, lexicon: Lexicon): Found | null {
  // The units a phrase from here may use: stop-words between them are skipped.
  const at: number[] = [start];
  for (let j = start + 1; j < units.length && at.length < lexicon.maxKeyUnits; j++) {
    if (units[j]?.key !== '') at.push(j);
  }
  for (let length = at.length; length >= 1; length--) {
    const last = at[length - 1] as number;
    const end = last + 1;
    // A phrase may not end in the middle of a hyphenated word.
    const lastUnit = units[last] as Unit;
    if (lastUnit.compound >= 0 && units[end]?.compound === lastUnit.compound) continue;
    const key = at
      .slice(0, length)
      .map((p) => units[p]?.key)
      .join(' ');
    const concepts = (lexicon.byKey.get(key) ?? []).filter((c) =>
      usable(memberOf(lexicon, c, key), units[start] as Unit, length),
    );
    if (concepts.length > 0) return { end, key, concepts };
  }
  return null;
}

function memberOf(lexicon: Lexicon, concept: number, key: string): Member | undefined {
  return lexicon.concepts[concept]?.members.find((m) => m.key === key);
}

/**
 * A one-word phrase must be a content word; a review's one-word name ("Reading") must be
 * written with a capital; a capitals-only member is matched by {@link inCapitals}.
 */
function usable(member: Member | undefined, first: Unit, length: number): boolean {
  if (member === undefined || member.capsOnly) return false;
  if (length > 1) return true;
  return first.content && (!member.proper || first.capital);
}

function compoundEnd(units: readonly Unit[], start: number): number {
  const id = units[start]?.compound;
  let end = start + 1;
  while (end < units.length && units[end]?.compound === id) end++;
  return end;
}

/**
 * The words of a slice as read (lower case, corrected), or as typed (capitals kept): a
 * hyphenated word once, whole.
 */
function written(slice: readonly Unit[], typed: boolean): string {
  const out: string[] = [];
  slice.forEach((u, i) => {
    if (u.compound >= 0 && u.whole !== undefined) {
      if (slice[i - 1]?.compound !== u.compound) out.push((typed ? u.wholeTyped : u.whole) ?? '');
    } else {
      out.push(typed ? u.typed : u.surface);
    }
  });
  return out.join(' ');
}

function wordGroup(words: readonly Unit[]): MatchedGroup {
  // The parts of one hyphenated word are shown as it was written.
  const surface = words.map((u) => u.surface).join(words.length > 1 ? '-' : '');
  const typed = words.map((u) => u.typed).join(words.length > 1 ? '-' : '');
  const stems: (readonly string[])[] = [words.map((u) => u.stem)];
  const joined = words[0]?.joined;
  if (words.length > 1 && joined !== undefined) stems.unshift([joined]);
  return { surface, typed, key: '', concepts: [], stems };
}
