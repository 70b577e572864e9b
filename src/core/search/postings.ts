/**
 * The inverted index of the lessons' own fields, packed in typed arrays: for each term
 * and field, the lessons that have it (ascending) and how often. At 100,000 lessons this
 * is about 15 MB and builds in about a second, where MiniSearch's Map-per-term index
 * takes 10–15 s and over 150 MB; it loads from a cache file without parsing.
 */
export interface Postings {
  /** stem → term id */
  termIds: ReadonlyMap<string, number>;
  /** term id → stem */
  terms: readonly string[];
  fieldCount: number;
  /**
   * Where each (term, field) list starts in `docs`/`freqs`: the list of term t in field f
   * runs from `offsets[t * fieldCount + f]` to `offsets[t * fieldCount + f + 1]`.
   */
  offsets: Uint32Array;
  /** lesson positions */
  docs: Int32Array;
  /** term frequencies, parallel to `docs` */
  freqs: Uint16Array;
  /** per field, per lesson: distinct terms in the field (as MiniSearch counts length) */
  lengths: readonly Uint16Array[];
  /** per field: the mean of `lengths` */
  averages: Float64Array;
}

/** The slice of `docs`/`freqs` for a term in a field; empty when absent. */
export function postingRange(p: Postings, termId: number, field: number): [number, number] {
  const slot = termId * p.fieldCount + field;
  return [p.offsets[slot] ?? 0, p.offsets[slot + 1] ?? 0];
}

/** Position of `doc` in `docs[start, end)`, or -1: lists are sorted, so a binary search. */
export function findDoc(docs: Int32Array, start: number, end: number, doc: number): number {
  let lo = start;
  let hi = end - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const here = docs[mid] ?? 0;
    if (here === doc) return mid;
    if (here < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
