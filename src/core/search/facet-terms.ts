import { type FieldText, Growing, groupBySlot } from './build-postings.ts';
import { FieldCounts } from './field-counts.ts';
import { type PairRule, TermScanner } from './term-scanner.ts';

/** The values of a facet whose text has a term, and how often. */
export interface FacetPostings {
  values: Int32Array;
  frequencies: Uint16Array;
}

export interface FacetTerms {
  /** term → the values whose text has it, ascending, and how often */
  postings: Map<string, FacetPostings>;
  /** term → lessons with any value that has it: the term's document frequency */
  lessonFrequency: Map<string, number>;
  /** per value: distinct words in its text */
  lengths: Float32Array;
}

/**
 * Indexes the text of each value of a facet (a theme's label and synonyms, a review's
 * title, area and partnership) as {@link buildPostings} indexes lessons: read to term ids
 * and packed in typed arrays, with one Map entry per distinct term at the end. At 100,000
 * lessons there are 12,500 reviews; analysing their texts into Maps of strings was most of
 * the garbage left after indexing the lessons themselves.
 */
export function indexFacetTexts(
  valueCount: number,
  textOf: (value: number) => FieldText,
  lessonsWith: (value: number) => number,
  lessonCount: number,
  pairs: PairRule,
): FacetTerms {
  const scanner = new TermScanner(undefined, pairs);
  const text = new FieldCounts();
  const lengths = new Float32Array(valueCount);
  const all = new Growing(Math.max(64, valueCount * 8));
  for (let v = 0; v < valueCount; v++) {
    scanner.scan(textOf(v), text);
    lengths[v] = text.close();
    for (let i = 0; i < text.distinct; i++) {
      const id = text.termAt(i);
      all.push(id, v, text.count(id));
    }
    text.clear();
  }
  const { offsets, docs, freqs } = groupBySlot(all, scanner.terms.length);
  const postings = new Map<string, FacetPostings>();
  const lessonFrequency = new Map<string, number>();
  scanner.terms.forEach((term, id) => {
    const start = offsets[id] ?? 0;
    const end = offsets[id + 1] ?? 0;
    const values = docs.subarray(start, end);
    let lessons = 0;
    for (let i = 0; i < values.length; i++) lessons += lessonsWith(values[i] ?? 0);
    postings.set(term, { values, frequencies: freqs.subarray(start, end) });
    lessonFrequency.set(term, Math.min(lessonCount, lessons));
  });
  return { postings, lessonFrequency, lengths };
}
