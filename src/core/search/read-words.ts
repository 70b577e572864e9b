import { MIN_PREFIX_LENGTH, type Speller } from './speller.ts';
import { stem } from './stem.ts';
import { isContentWord, keyUnit, splitWords, type Word } from './tokenize.ts';

/** One word of the question, ready for phrase matching. */
export interface Unit {
  stem: string;
  /** what it counts as in a phrase (see keyUnit); '' for a stop-word a phrase skips */
  key: string;
  /** as written (lower case), or as corrected */
  surface: string;
  /** as the user wrote it, capitals kept */
  typed: string;
  caps: boolean;
  capital: boolean;
  content: boolean;
  /** units of one hyphenated word share this number; -1 otherwise */
  compound: number;
  /** the hyphenated word as written (lower case, and as typed), for units of one */
  whole?: string;
  wholeTyped?: string;
  /** the hyphenated word's joined stem, when it is known to the index */
  joined?: string;
}

/** A word nobody uses, completed from its beginning: a guess, not a correction. */
export interface Completion {
  surface: string;
  /** the beginning to search with, or the stem of the completion when too little of it is left */
  term: string;
  prefix: boolean;
  suggestion: string;
  /** the stem of the suggestion */
  stem: string;
}

export interface ReadWords {
  units: Unit[];
  completions: Completion[];
  /** word as written → the word it was read as */
  corrections: Map<string, string>;
  /** words found nowhere in the corpus, not even nearly */
  unknown: string[];
}

/** Questions are read up to this many words: enough for any real question. */
export const MAX_QUESTION_WORDS = 32;

/**
 * Reads the question's words: each is kept if the corpus knows it (exactly, as a stem),
 * corrected if it is a likely misspelling of a known word (5+ letters), completed if it
 * is the start of known words (3+ letters), or else set aside as unknown. Typo tolerance
 * is thus only ever paid for words that need it.
 */
export function readWords(
  text: string,
  known: (stem: string) => boolean,
  speller: Speller,
): ReadWords {
  const out: ReadWords = { units: [], completions: [], corrections: new Map(), unknown: [] };
  const words = splitWords(text).slice(0, MAX_QUESTION_WORDS);
  words.forEach((word, index) => {
    readWord(word, index, known, speller, out);
  });
  return out;
}

function readWord(
  word: Word,
  index: number,
  known: (stem: string) => boolean,
  speller: Speller,
  out: ReadWords,
): void {
  if (word.parts.length === 0) {
    readPart(word, word.word, -1, known, speller, out);
    return;
  }
  const joined = stem(word.word);
  const joinedKnown = known(joined);
  for (const part of word.parts) {
    if (joinedKnown) {
      out.units.push({
        ...plainUnit(word, part),
        compound: index,
        whole: word.surface,
        wholeTyped: word.raw,
        joined,
      });
    } else {
      readPart(word, part, index, known, speller, out);
    }
  }
}

function readPart(
  word: Word,
  part: string,
  compound: number,
  known: (stem: string) => boolean,
  speller: Speller,
  out: ReadWords,
): void {
  const whole = compound >= 0 ? { whole: word.surface, wholeTyped: word.raw } : {};
  if (!isContentWord(part) || known(stem(part))) {
    out.units.push({ ...plainUnit(word, part), compound, ...whole });
    return;
  }
  const corrected = speller.correct(part);
  if (corrected !== null) {
    out.corrections.set(part, corrected.word);
    out.units.push({ ...plainUnit(word, corrected.word), typed: part, compound, ...whole });
    return;
  }
  const [first] = speller.complete(part, 1);
  if (first !== undefined) {
    const prefix = commonPrefix(part, first.stem);
    const usable = prefix.length >= MIN_PREFIX_LENGTH;
    out.completions.push({
      surface: part,
      term: usable ? prefix : first.stem,
      prefix: usable,
      suggestion: first.word,
      stem: first.stem,
    });
    return;
  }
  out.unknown.push(part);
}

function plainUnit(word: Word, as: string): Omit<Unit, 'compound'> {
  return {
    stem: stem(as),
    key: keyUnit(as),
    surface: as,
    typed: word.parts.length === 0 ? word.raw : as,
    caps: word.caps,
    capital: word.capital,
    content: isContentWord(as),
  };
}

/**
 * What a beginning is searched as: the stems of "chronologies" start "chronolog", so
 * "chronologi" is searched as "chronolog", and "chrono" as itself.
 */
function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}
