import { stem } from './stem.ts';
import { isStopWord } from './stop-words.ts';

/** One word of a text, as written and as search reads it. */
export interface Word {
  /** lower-case, as written: `multi-agency`, `a&e`, `s.47` */
  surface: string;
  /** as written, capitals kept: `Multi-agency`, `A&E` */
  raw: string;
  /** the normalised word: `multiagency`, `a&e`, `s47` */
  word: string;
  /** the pieces of a hyphenated word (`multi`, `agency`); empty otherwise */
  parts: readonly string[];
  /** written in capitals (`SO`, `CP`): an abbreviation rather than an everyday word */
  caps: boolean;
  /** written with a capital first letter (`Reading`): perhaps a name */
  capital: boolean;
}

/** Longer "words" are noise (a pasted hash, a URL); they are neither indexed nor searched. */
export const MAX_WORD_LENGTH = 40;

// Letters and digits, joined by &, ., ' or - inside a word: keeps "a&e", "s.47",
// "under-18" and "children's" whole instead of scattering one-letter tokens.
const WORD = /[\p{L}\p{N}]+(?:[&.'-][\p{L}\p{N}]+)*/gu;
const NON_ASCII = /[^\p{ASCII}]/u;
const PLAIN = /^[a-z0-9]+$/;
/** Punctuation that ends a phrase: two words either side of it are not neighbours. */
const BREAK = /[.,;:!?()[\]{}"\n/-]/;

/** Curly quotes, dashes and accents to plain ASCII, so "naïve" and "naive" meet. */
export function normalizeText(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[\u2018\u2019\u02bc]/g, "'")
      .replace(/[\u2010\u2011]/g, '-')
      // A dash between words parts them like a comma.
      .replace(/[\u2012-\u2015]/g, ', ')
  );
}

/**
 * Calls `each` with every word of a text, and whether punctuation parts it from the word
 * before (so that "risk. Child" is no phrase). See {@link Word}.
 */
export function scanWords(text: string, each: (word: Word, broken: boolean) => void): void {
  const normal = normalizeText(text);
  let end = 0;
  for (const match of normal.matchAll(WORD)) {
    const raw = match[0];
    const broken = end > 0 && BREAK.test(normal.slice(end, match.index));
    end = match.index + raw.length;
    if (raw.length > MAX_WORD_LENGTH) continue;
    const surface = raw.toLowerCase();
    const caps = raw.length >= 2 && /^[A-Z0-9&.]+$/.test(raw) && /[A-Z]/.test(raw);
    const capital = /^[A-Z]/.test(raw);
    readToken(surface).forEach((piece, i) => {
      const at = surface.indexOf(piece.surface);
      const written = at < 0 ? piece.surface : raw.slice(at, at + piece.surface.length);
      each({ ...piece, raw: written, caps, capital }, broken && i === 0);
    });
  }
}

/** The words of a text; see {@link Word}. */
export function splitWords(text: string): Word[] {
  const words: Word[] = [];
  scanWords(text, (word) => words.push(word));
  return words;
}

interface Piece {
  surface: string;
  word: string;
  parts: string[];
}

function readToken(token: string): Piece[] {
  if (PLAIN.test(token)) return [{ surface: token, word: token, parts: [] }];
  const unquoted = token.replace(/'s$/, '').replace(/'/g, '');
  if (unquoted.includes('-')) {
    const parts = unquoted.split('-').flatMap((p) => readSimple(p).map((x) => x.word));
    return [{ surface: unquoted, word: parts.join(''), parts }];
  }
  return readSimple(unquoted);
}

/** A token without hyphens: "a&e" and "s.47" stay whole, "risk.the" splits. */
function readSimple(token: string): Piece[] {
  const joiner = token.includes('&') ? '&' : token.includes('.') ? '.' : '';
  if (joiner === '') return [{ surface: token, word: token, parts: [] }];
  const segments = token.split(/[&.]/);
  const short = segments.every((s) => s.length <= (joiner === '&' ? 2 : 3));
  if (short) {
    return [{ surface: token, word: joiner === '&' ? token : segments.join(''), parts: [] }];
  }
  return segments.map((s) => ({ surface: s, word: s, parts: [] }));
}

/** A word worth indexing or searching: not a stop-word, not a single character. */
export function isContentWord(word: string): boolean {
  return word.length >= 2 && !isStopWord(word);
}

// One lookup per word for "is it a content word, and what is its stem": lessons and
// questions use the same words again and again.
const terms = new Map<string, string>();
const TERMS_LIMIT = 200_000;

/** The index term of a lower-case word: its stem, or '' when it is not indexed. */
export function termOf(word: string): string {
  const known = terms.get(word);
  if (known !== undefined) return known;
  const term = isContentWord(word) ? stem(word) : '';
  if (terms.size >= TERMS_LIMIT) terms.clear();
  terms.set(word, term);
  return term;
}

/**
 * The index terms of a word: its stem, and for a hyphenated word its joined form and its
 * parts, so that "multi-agency", "multiagency" and "multi agency" meet.
 */
export function termsOfWord(word: Word, each: (term: string, written: string) => void): void {
  const whole = termOf(word.word);
  if (whole !== '') each(whole, word.word);
  for (const part of word.parts) {
    const term = termOf(part);
    if (term !== '') each(term, part);
  }
}

/** Contractions of "not": "didn't" is read as "did not". */
const NOT_CONTRACTIONS: ReadonlyMap<string, string> = new Map(
  `dont:do didnt:did doesnt:does wasnt:was werent:were isnt:is arent:are hasnt:has havent:have
  hadnt:had cant:can cannot:can couldnt:could wont:will wouldnt:would shouldnt:should mustnt:must`
    .split(/\s+/)
    .filter((pair) => pair !== '')
    .map((pair): [string, string] => pair.split(':') as [string, string]),
);

/**
 * Stop-words that a question's phrase keeps, as they change its meaning: "was not brought"
 * is not "brought", "no access visits" not "access visits", "too trusting" not "trusting".
 */
const KEPT = new Set(['not', 'no', 'nor', 'too']);

/**
 * What a question's word counts as in a phrase: its stem; "not" for a negation ("didn't");
 * a single letter as itself ("Child R", "Baby P"); '' for other stop-words, which a phrase
 * in a question skips, so that "saw the child" names "seen child".
 */
export function keyUnit(word: string): string {
  if (NOT_CONTRACTIONS.has(word)) return 'not';
  if (isStopWord(word)) return KEPT.has(word) ? (word === 'nor' ? 'not' : word) : '';
  return word.length === 1 ? word : stem(word);
}

/** The units of a question's word for phrases: a hyphenated word counts as its parts. */
export function keyUnitsOfWord(word: Word): string[] {
  return piecesOf(word)
    .map(keyUnit)
    .filter((u) => u !== '');
}

/** The key a question is matched by: its units, space-separated ("looked-after children" → "look child"). */
export function phraseKey(text: string): string {
  return splitWords(text).flatMap(keyUnitsOfWord).join(' ');
}

/**
 * The units of a lesson's word for phrases: every word's stem, stop-words included, and
 * "didn't" as "did not". A lesson's text holds a phrase only as the lexicon writes it
 * ("children in care"), so that "children with carers" is not "child carers".
 */
export function textUnitsOfWord(word: Word): string[] {
  return piecesOf(word).flatMap((piece) => {
    const base = NOT_CONTRACTIONS.get(piece);
    return base === undefined ? [stem(piece)] : [stem(base), 'not'];
  });
}

/** The exact form of a phrase, as lessons are indexed with it: "children in care" → "child in care". */
export function textKey(text: string): string {
  return splitWords(text).flatMap(textUnitsOfWord).join(' ');
}

const piecesOf = (word: Word): readonly string[] =>
  word.parts.length > 0 ? word.parts : [word.word];
