import { FieldCounts } from './field-counts.ts';
import type { Postings } from './postings.ts';
import { NO_PAIRS, type PairRule, TermScanner } from './term-scanner.ts';
import { grown } from './token-table.ts';

/** Appends to typed arrays, doubling as needed: millions of postings, no per-item objects. */
export class Growing {
  slots: Int32Array;
  docs: Int32Array;
  freqs: Uint16Array;
  size = 0;

  constructor(capacity: number) {
    this.slots = new Int32Array(capacity);
    this.docs = new Int32Array(capacity);
    this.freqs = new Uint16Array(capacity);
  }

  push(slot: number, doc: number, freq: number): void {
    if (this.size === this.slots.length) this.grow();
    this.slots[this.size] = slot;
    this.docs[this.size] = doc;
    this.freqs[this.size] = Math.min(freq, 0xffff);
    this.size++;
  }

  private grow(): void {
    this.slots = grown(this.slots, this.slots.length * 2);
    this.docs = grown(this.docs, this.docs.length * 2);
    this.freqs = grown(this.freqs, this.freqs.length * 2);
  }
}

/** A document's field: its text, or its parts (a lesson's questions), read as separate lines. */
export type FieldText = string | readonly string[];

/**
 * Indexes the texts of each document's fields: `fieldOf(i, f)` gives field f of document
 * i. `words` collects every content word as written, with its stem; `pairs` says which
 * pairs of neighbouring words to index as well (default none). Nothing is allocated per
 * document or per word: tokens are read to term ids in place (see {@link TermScanner}).
 */
export function buildPostings(
  count: number,
  fieldCount: number,
  fieldOf: (doc: number, field: number) => FieldText,
  words: Map<string, string>,
  pairs: PairRule = NO_PAIRS,
): Postings {
  const scanner = new TermScanner(words, pairs);
  const lengths = Array.from({ length: fieldCount }, () => new Uint16Array(count));
  // Room for about 48 distinct words per document, so the arrays rarely grow (growing
  // copies them); pages never written are never resident.
  const all = new Growing(Math.max(1 << 12, Math.ceil(count * 48)));
  const field = new FieldCounts();
  for (let doc = 0; doc < count; doc++) {
    for (let f = 0; f < fieldCount; f++) {
      scanner.scan(fieldOf(doc, f), field);
      (lengths[f] as Uint16Array)[doc] = Math.min(field.close(), 0xffff);
      for (let i = 0; i < field.distinct; i++) {
        const id = field.termAt(i);
        all.push(id * fieldCount + f, doc, field.count(id));
      }
      field.clear();
    }
  }
  const { termIds, terms } = scanner;
  return {
    termIds,
    terms,
    fieldCount,
    ...groupBySlot(all, terms.length * fieldCount),
    lengths,
    averages: averagesOf(lengths, count),
  };
}

/** Counting sort of the postings by (term, field); documents stay in ascending order. */
export function groupBySlot(
  all: Growing,
  slots: number,
): { offsets: Uint32Array; docs: Int32Array; freqs: Uint16Array } {
  const offsets = new Uint32Array(slots + 1);
  for (let i = 0; i < all.size; i++) {
    const slot = (all.slots[i] ?? 0) + 1;
    offsets[slot] = (offsets[slot] ?? 0) + 1;
  }
  for (let s = 0; s < slots; s++) offsets[s + 1] = (offsets[s + 1] ?? 0) + (offsets[s] ?? 0);
  const next = offsets.slice(0, slots);
  const docs = new Int32Array(all.size);
  const freqs = new Uint16Array(all.size);
  for (let i = 0; i < all.size; i++) {
    const slot = all.slots[i] ?? 0;
    const at = next[slot] ?? 0;
    next[slot] = at + 1;
    docs[at] = all.docs[i] ?? 0;
    freqs[at] = all.freqs[i] ?? 0;
  }
  return { offsets, docs, freqs };
}

function averagesOf(lengths: readonly Uint16Array[], count: number): Float64Array {
  return Float64Array.from(lengths, (per) => {
    let sum = 0;
    for (let i = 0; i < per.length; i++) sum += per[i] ?? 0;
    return count > 0 ? sum / count : 0;
  });
}
