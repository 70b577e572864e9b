import type { Speller } from './speller.ts';
import { stem } from './stem.ts';
import { isContentWord, splitWords, type Word } from './tokenize.ts';

/** One word of the question, ready for phrase matching. */
export interface Unit {
  stem: string;
  /** as written (lower case), or as corrected */
  surface: string;
  caps: boolean;
  content: boolean;
  /** units of one hyphenated word share this number; -1 otherwise */
  compound: number;
  /** the hyphenated word's joined stem, when it is known to the index */
  joined?: string;
}

/** A word nobody uses, completed from its beginning: alternatives, not a correction. */
export interface Completion {
  surface: string;
  stems: string[];
  suggestion: string;
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
export function readWords(text: string, known: (stem: string) => boolean, speller: Speller) {
  const out: ReadWords = {
    units: [],
    completions: [],
    corrections: new Map(),
    unknown: [],
  };
  const words = splitWords(text).slice(0, MAX_QUESTION_WORDS);
  words.forEach((word, index) => {
    readWord(word, index, -1, known, speller, out);
  });
  return out;
}

function readWord(
  word: Word,
  index: number,
  compound: number,
  known: (stem: string) => boolean,
  speller: Speller,
  out: ReadWords,
): void {
  if (word.parts.length > 0) {
    const joined = stem(word.word);
    const joinedKnown = known(joined);
    for (const part of word.parts) {
      const single: Word = { surface: part, word: part, parts: [], caps: word.caps };
      if (joinedKnown) out.units.push({ ...plainUnit(part, word.caps), compound: index, joined });
      else readWord(single, index, index, known, speller, out);
    }
    return;
  }
  if (!isContentWord(word.word) || known(stem(word.word))) {
    out.units.push({ ...plainUnit(word.word, word.caps), compound });
    return;
  }
  const corrected = speller.correct(word.word);
  if (corrected !== null) {
    out.corrections.set(word.surface, corrected.word);
    out.units.push({ ...plainUnit(corrected.word, word.caps), compound });
    return;
  }
  const completions = speller.complete(word.word, 5);
  const first = completions[0];
  if (first !== undefined) {
    out.completions.push({
      surface: word.surface,
      stems: [...new Set(completions.map((c) => c.stem))],
      suggestion: first.word,
    });
    return;
  }
  out.unknown.push(word.surface);
}

function plainUnit(word: string, caps: boolean): Unit {
  return { stem: stem(word), surface: word, caps, content: isContentWord(word), compound: -1 };
}
