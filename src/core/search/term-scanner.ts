import { grown, TokenTable } from './token-table.ts';
import {
  forEachTokenWord,
  MAX_WORD_LENGTH,
  type PairFilter,
  pairTerm,
  scanTokens,
  type TokenVisitor,
  termOf,
} from './tokenize.ts';

/** Which pairs of neighbouring terms to index: those some phrase of the lexicon needs. */
export interface PairRule {
  /** whether any kept pair starts with this stem (asked once per stem: most start none) */
  starts(first: string): boolean;
  /** whether any kept pair ends with this stem (asked once per stem) */
  ends(second: string): boolean;
  keeps: PairFilter;
}

export const NO_PAIRS: PairRule = { starts: () => false, ends: () => false, keeps: () => false };

/** Bits of {@link TermScanner}'s `roles`: what part a term can play in a kept pair. */
const FIRST = 1;
const SECOND = 2;

/** Where a scan sends term ids, in text order; pairs are terms made of two neighbours. */
export interface TermIdSink {
  term(id: number): void;
  pair(id: number): void;
}

/**
 * Reads texts straight to term ids, as {@link indexTermsAndPairs} reads them to strings:
 * the same terms and pairs, in the same order. Each distinct token is analysed once
 * (split, stemmed, its words recorded) and remembered as the list of term ids it gives;
 * after that, reading it allocates nothing. Term ids number the stems (and pairs) in the
 * order they were first met.
 */
export class TermScanner implements TokenVisitor {
  readonly termIds = new Map<string, number>();
  readonly terms: string[] = [];
  private readonly tokens = new TokenTable();
  /** per token entry: its terms in `actions[actionStart[e], actionStart[e + 1])` */
  private actionStart = new Int32Array(1 << 10);
  /** term id × 2, plus 1 when the word takes part in pairs */
  private actions = new Int32Array(1 << 11);
  private actionCount = 0;
  /** per term id: {@link FIRST} and {@link SECOND} bits, so that most neighbours cost nothing */
  private roles = new Int8Array(1 << 10);
  /** per first term id: second term id → pair term id, for the pairs kept */
  private readonly pairIds: (Map<number, number> | undefined)[] = [];
  private previous = -1;
  private sink: TermIdSink = { term: () => {}, pair: () => {} };
  /** every content word as written → its stem, for spelling correction */
  private readonly words: Map<string, string> | undefined;
  private readonly pairs: PairRule;

  constructor(words?: Map<string, string>, pairs: PairRule = NO_PAIRS) {
    this.words = words;
    this.pairs = pairs;
  }

  /** Reads a text, or the parts of one (each read as if on a line of its own). */
  scan(text: string | readonly string[], sink: TermIdSink): void {
    this.sink = sink;
    if (typeof text === 'string') {
      this.previous = -1;
      scanTokens(text, this);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      this.previous = -1;
      scanTokens(text[i] ?? '', this);
    }
  }

  token(text: string, start: number, end: number, broken: boolean, hash: number): void {
    if (broken) this.previous = -1;
    if (end - start > MAX_WORD_LENGTH) return;
    let entry = this.tokens.find(text, start, end, hash);
    if (entry < 0) entry = this.learn(text, start, end, hash);
    const last = this.actionStart[entry + 1] ?? 0;
    for (let k = this.actionStart[entry] ?? 0; k < last; k++) {
      const action = this.actions[k] ?? 0;
      const id = action >> 1;
      this.sink.term(id);
      if ((action & 1) === 0) continue;
      if (this.previous >= 0) this.pairWith(this.previous, id);
      this.previous = id;
    }
  }

  /** Analyses a token met for the first time and records the terms it gives. */
  private learn(text: string, start: number, end: number, hash: number): number {
    const entry = this.tokens.add(text, start, end, hash);
    if (entry + 2 > this.actionStart.length) {
      this.actionStart = grown(this.actionStart, this.actionStart.length * 2);
    }
    forEachTokenWord(this.tokens.text(entry), (word, inSequence) => {
      const term = termOf(word);
      if (term === '') return;
      // The words as written: "escalaton" is one edit from "escalation", four from "escal".
      if (this.words !== undefined && !this.words.has(word)) this.words.set(word, term);
      if (this.actionCount === this.actions.length) {
        this.actions = grown(this.actions, this.actions.length * 2);
      }
      this.actions[this.actionCount++] = this.idOf(term) * 2 + (inSequence ? 1 : 0);
    });
    this.actionStart[entry + 1] = this.actionCount;
    return entry;
  }

  private pairWith(first: number, second: number): void {
    if (((this.roles[first] ?? 0) & FIRST) === 0 || ((this.roles[second] ?? 0) & SECOND) === 0) {
      return;
    }
    let pair = this.pairIds[first]?.get(second);
    if (pair === undefined) {
      // Only kept pairs are remembered: "child" is followed by thousands of words, and
      // asking again about the others allocates nothing.
      const a = this.terms[first] ?? '';
      const b = this.terms[second] ?? '';
      if (!this.pairs.keeps(a, b)) return;
      pair = this.idOf(pairTerm(a, b));
      const seconds = this.pairIds[first] ?? new Map<number, number>();
      seconds.set(second, pair);
      this.pairIds[first] = seconds;
    }
    this.sink.pair(pair);
  }

  private idOf(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.termIds.set(term, id);
      this.terms.push(term);
      if (id === this.roles.length) this.roles = grown(this.roles, id * 2);
      this.roles[id] = (this.pairs.starts(term) ? FIRST : 0) | (this.pairs.ends(term) ? SECOND : 0);
    }
    return id;
  }
}
