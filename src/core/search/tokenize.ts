import { stem } from './stem.ts';
import { isStopWord } from './stop-words.ts';

/** One word of a question, as the user wrote it and as search reads it. */
export interface Word {
  /** lower-case, as written: `multi-agency`, `a&e`, `s.47` */
  surface: string;
  /** the normalised word: `multiagency`, `a&e`, `s47` */
  word: string;
  /** the pieces of a hyphenated word (`multi`, `agency`); empty otherwise */
  parts: readonly string[];
  /** written in capitals (`SO`, `CP`): an abbreviation rather than an everyday word */
  caps: boolean;
}

/** Longer "words" are noise (a pasted hash, a URL); they are neither indexed nor searched. */
export const MAX_WORD_LENGTH = 40;

// Letters and digits, joined by &, ., ' or - inside a word: keeps "a&e", "s.47",
// "under-18" and "children's" whole instead of scattering one-letter tokens.
const WORD = /[\p{L}\p{N}]+(?:[&.'-][\p{L}\p{N}]+)*/gu;
const NON_ASCII = /[^\p{ASCII}]/u;
const PLAIN = /^[a-z0-9]+$/;

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

/** Splits text into words; see {@link Word}. */
export function splitWords(text: string): Word[] {
  const words: Word[] = [];
  for (const match of normalizeText(text).matchAll(WORD)) {
    const raw = match[0];
    if (raw.length > MAX_WORD_LENGTH) continue;
    const surface = raw.toLowerCase();
    const caps = raw.length >= 2 && /^[A-Z0-9&.]+$/.test(raw) && /[A-Z]/.test(raw);
    for (const piece of readToken(surface)) {
      words.push({ surface: piece.surface, word: piece.word, parts: piece.parts, caps });
    }
  }
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

/**
 * The index terms of a text: stems of its content words. A hyphenated word gives its
 * joined form and its parts, so "multi-agency", "multiagency" and "multi agency" meet.
 * When `words` is given, each content word as written is recorded with its stem.
 */
export function indexTerms(text: string, words?: Map<string, string>): string[] {
  return indexTermsAndPairs(text, words, () => false).terms;
}

/**
 * {@link indexTerms}, plus the pairs of neighbouring content words ("look child" for
 * "looked-after children", "child care" for "children in care"): what a phrase must
 * match, so that "young carers" does not find "young people" and "foster carers".
 * Stop-words between the two do not part them; punctuation does.
 */
export function indexTermsAndPairs(
  text: string,
  words?: Map<string, string>,
  wanted?: PairFilter,
): { terms: string[]; pairs: string[] } {
  const terms: string[] = [];
  const pairs: string[] = [];
  createAnalyser(words, wanted)(text, { term: (t) => terms.push(t), pair: (p) => pairs.push(p) });
  return { terms, pairs };
}

/** Which pairs to keep: the index keeps only pairs some phrase needs, not every pair. */
export type PairFilter = (first: string, second: string) => boolean;

/** Where an analyser sends the terms and pairs of a text, in order. */
export interface TermSink {
  term(term: string): void;
  pair(pair: string): void;
}

/** A pair term: two stems with a space, which no single term has. */
export const pairTerm = (a: string, b: string): string => `${a} ${b}`;

/**
 * An analyser for many texts: it allocates nothing per text but the words themselves,
 * where {@link indexTermsAndPairs} allocates arrays for each. (Indexing the lessons uses
 * {@link TermScanner}, which does not even allocate the words.)
 */
export function createAnalyser(
  words?: Map<string, string>,
  wanted?: PairFilter,
): (text: string, sink: TermSink) => void {
  let sink: TermSink = { term: () => {}, pair: () => {} };
  let previous = '';
  const add = (word: string, inSequence: boolean): void => {
    const term = termOf(word);
    if (term === '') return;
    sink.term(term);
    // The words as written, for spelling correction: "escalaton" is one edit from
    // "escalation", but four from its stem "escal".
    if (words !== undefined && !words.has(word)) words.set(word, term);
    if (!inSequence) return;
    if (previous !== '' && (wanted === undefined || wanted(previous, term))) {
      sink.pair(pairTerm(previous, term));
    }
    previous = term;
  };
  const visitor: TokenVisitor = {
    token(text, start, end, broken) {
      if (broken) previous = '';
      if (end - start > MAX_WORD_LENGTH) return;
      forEachTokenWord(text.slice(start, end).toLowerCase(), add);
    },
  };
  return (text, to) => {
    sink = to;
    previous = '';
    scanTokens(text, visitor);
  };
}

/** Receives the tokens of a text, in order. */
export interface TokenVisitor {
  /**
   * A token is `text[start, end)`, read in lower case; `broken` when punctuation parts it
   * from the token before; `hash` is {@link hashToken} of it, computed while scanning.
   * `text` may be a normalised copy of the text scanned.
   */
  token(text: string, start: number, end: number, broken: boolean, hash: number): void;
}

/** Finds the tokens of a text (see {@link splitWords} for what a token is). */
export function scanTokens(text: string, visitor: TokenVisitor): void {
  if (!NON_ASCII.test(text)) {
    scanAscii(text, visitor);
    return;
  }
  const normal = normalizeText(text).toLowerCase();
  if (!NON_ASCII.test(normal)) {
    scanAscii(normal, visitor);
    return;
  }
  let end = 0;
  for (const match of normal.matchAll(WORD)) {
    const broken = BREAK.test(normal.slice(end, match.index));
    end = match.index + match[0].length;
    visitor.token(normal, match.index, end, broken, hashToken(normal, match.index, end));
  }
}

/**
 * The words a lower-case token stands for, each with whether it is one in a sequence of
 * words (and so may pair with its neighbours): "multi-agency" gives "multiagency" (not in
 * sequence), then "multi" and "agency".
 */
export function forEachTokenWord(
  token: string,
  each: (word: string, inSequence: boolean) => void,
): void {
  if (PLAIN.test(token)) {
    each(token, true);
    return;
  }
  for (const piece of readToken(token)) {
    each(piece.word, piece.parts.length === 0);
    for (const part of piece.parts) each(part, true);
  }
}

/** Punctuation that ends a phrase: two words either side of it are not neighbours. */
const BREAK = /[.,;:!?()[\]{}"\n/-]/;

// One lookup per word for "is it a content word, and what is its stem": queries and
// facets look up the same words again and again.
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
 * Per ASCII character: the character in lower case if it can be part of a word, else 0.
 * One table load per character is what makes {@link scanAscii} cheap.
 */
const WORD_CHAR = Uint8Array.from({ length: 128 }, (_, c) =>
  (c >= 97 && c <= 122) || (c >= 48 && c <= 57) ? c : c >= 65 && c <= 90 ? c + 32 : 0,
);
/** & . ' - join letters into one token ("a&e", "s.47", "children's", "multi-agency"). */
const JOINER = Uint8Array.from({ length: 128 }, (_, c) =>
  `&.'-`.includes(String.fromCharCode(c)) ? 1 : 0,
);
/** Punctuation that parts two words: see {@link BREAK}. */
const BREAKS = Uint8Array.from({ length: 128 }, (_, c) =>
  BREAK.test(String.fromCharCode(c)) ? 1 : 0,
);

/**
 * The WORD pattern for ASCII text, by hand, reading capitals as lower case and hashing
 * each token on the way: indexing 100,000 lessons spends most of its time here, and a
 * regex match object per word (or a lower-cased copy of each text) costs several times more.
 */
function scanAscii(text: string, visitor: TokenVisitor): void {
  const n = text.length;
  let i = 0;
  let broken = false;
  while (i < n) {
    let d = WORD_CHAR[text.charCodeAt(i)] ?? 0;
    if (d === 0) {
      if (BREAKS[text.charCodeAt(i)] === 1) broken = true;
      i++;
      continue;
    }
    const start = i;
    let hash = FNV_OFFSET;
    for (;;) {
      while (d !== 0) {
        hash = Math.imul(hash ^ d, FNV_PRIME);
        d = ++i < n ? (WORD_CHAR[text.charCodeAt(i)] ?? 0) : 0;
      }
      if (i + 1 >= n) break;
      const joiner = text.charCodeAt(i);
      if (JOINER[joiner] !== 1) break;
      d = WORD_CHAR[text.charCodeAt(i + 1)] ?? 0;
      if (d === 0) break;
      hash = Math.imul(hash ^ joiner, FNV_PRIME);
      i++;
    }
    visitor.token(text, start, i, broken, hash);
    broken = false;
  }
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** ASCII capitals to lower case; everything else as it is (non-ASCII text is lowered first). */
export const lower = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);

/** FNV-1a of `text[start, end)` read in lower case: what a token table is keyed by. */
export function hashToken(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ lower(text.charCodeAt(i)), FNV_PRIME);
  return h;
}
