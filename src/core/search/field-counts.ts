import type { TermIdSink } from './term-scanner.ts';
import { grown } from './token-table.ts';

/**
 * Term frequencies of one text (a field of a lesson, a review's names), in typed arrays
 * indexed by term id: a Map cleared for each of 300,000 fields reallocates its table
 * every time. Pairs are held back until the text's length (its distinct words) is taken:
 * they are extra terms, not extra words.
 */
export class FieldCounts implements TermIdSink {
  private counts = new Uint16Array(1 << 12);
  private touched = new Int32Array(1 << 10);
  private pairs = new Int32Array(1 << 6);
  private pairCount = 0;
  distinct = 0;

  term(id: number): void {
    if (id >= this.counts.length) {
      this.counts = grown(this.counts, Math.max(id + 1, this.counts.length * 2));
    }
    if (this.counts[id] === 0) {
      if (this.distinct === this.touched.length) {
        this.touched = grown(this.touched, this.touched.length * 2);
      }
      this.touched[this.distinct++] = id;
    }
    this.counts[id] = Math.min((this.counts[id] ?? 0) + 1, 0xffff);
  }

  pair(id: number): void {
    if (this.pairCount === this.pairs.length) {
      this.pairs = grown(this.pairs, this.pairs.length * 2);
    }
    this.pairs[this.pairCount++] = id;
  }

  /** Counts the held-back pairs; returns the field's length in words, taken before. */
  close(): number {
    const length = this.distinct;
    for (let i = 0; i < this.pairCount; i++) this.term(this.pairs[i] ?? 0);
    this.pairCount = 0;
    return length;
  }

  /** The i-th distinct term counted (pairs included, once closed), in the order met. */
  termAt(i: number): number {
    return this.touched[i] ?? 0;
  }

  /** How often the term was counted. */
  count(id: number): number {
    return this.counts[id] ?? 0;
  }

  /** Starts the next text afresh, at the cost of the terms counted. */
  clear(): void {
    for (let i = 0; i < this.distinct; i++) this.counts[this.touched[i] ?? 0] = 0;
    this.distinct = 0;
  }
}
