import { type Accumulator, accumulate } from './accumulator.ts';
import type { IndexedCorpus } from './build-index.ts';
import { FIELD_BOOSTS } from './build-index.ts';
import type { Facet } from './facets.ts';
import { findDoc, postingRange } from './postings.ts';

// BM25+ with MiniSearch's parameters, so that scores mean what MiniSearch's would.
const K = 1.2;
const B = 0.7;
const D = 0.5;

/** A facet word on more than this share of lessons is ignored (see prepareTerm). */
const UNINFORMATIVE_SHARE = 0.9;
/** …in corpora big enough for shares to mean something. */
const MIN_LESSONS_TO_SKIP = 50;

const idf = (matching: number, total: number): number =>
  Math.log(1 + (total - matching + 0.5) / (matching + 0.5));

/** The saturating term-frequency part of BM25+, for a field of `length` terms. */
const tfPart = (tf: number, length: number, average: number): number =>
  D + (tf * (K + 1)) / (tf + K * (1 - B + (average > 0 ? (B * length) / average : 0)));

interface FieldList {
  start: number;
  end: number;
  /** boost × idf */
  weight: number;
  lengths: Uint16Array;
  average: number;
}

interface FacetMatch {
  facet: Facet;
  /** value → score of the term in that value's text */
  scores: Map<number, number>;
}

/** A term looked up once per query: where its postings are, and what a match is worth. */
export interface PreparedTerm {
  fields: FieldList[];
  facets: FacetMatch[];
  /** postings a scan reads: about the lessons with the term, counting each field */
  frequency: number;
}

export function prepareTerm(index: IndexedCorpus, term: string): PreparedTerm {
  const { postings } = index;
  const total = index.corpus.lessons.length;
  const fields: FieldList[] = [];
  let frequency = 0;
  const id = postings.termIds.get(term);
  if (id !== undefined) {
    for (let f = 0; f < postings.fieldCount; f++) {
      const [start, end] = postingRange(postings, id, f);
      if (end === start) continue;
      frequency += end - start;
      const weight = (FIELD_BOOSTS[f] ?? 1) * idf(end - start, total);
      const lengths = postings.lengths[f] as Uint16Array;
      fields.push({ start, end, weight, lengths, average: postings.averages[f] ?? 0 });
    }
  }
  const facets: FacetMatch[] = [];
  for (const facet of index.facetList) {
    const list = facet.postings.get(term);
    if (list === undefined) continue;
    const matching = facet.lessonFrequency.get(term) ?? 1;
    // "Child" in every review's title ("Child R: serious case review") says nothing about
    // a lesson; matching it would make every lesson match, at the cost of a full scan.
    if (matching >= UNINFORMATIVE_SHARE * total && total >= MIN_LESSONS_TO_SKIP) continue;
    frequency += matching;
    const weight = facet.boost * idf(matching, total);
    const scores = new Map<number, number>();
    for (let i = 0; i < list.values.length; i++) {
      const value = list.values[i] ?? 0;
      const tf = list.frequencies[i] ?? 0;
      scores.set(value, weight * tfPart(tf, facet.lengths[value] ?? 0, facet.averageLength));
    }
    facets.push({ facet, scores });
  }
  return { fields, facets, frequency };
}

/**
 * Adds the term's score times `scale` to every lesson that has it, counting the term once
 * per lesson under `serial`. With `only`, lessons not marked 1 there are skipped.
 */
export function scanTerm(
  index: IndexedCorpus,
  term: PreparedTerm,
  scale: number,
  acc: Accumulator,
  serial: number,
  only?: Uint8Array,
): void {
  const { docs, freqs } = index.postings;
  for (const { start, end, weight, lengths, average } of term.fields) {
    const w = weight * scale;
    for (let p = start; p < end; p++) {
      const lesson = docs[p] ?? 0;
      if (only !== undefined && only[lesson] !== 1) continue;
      const s = w * tfPart(freqs[p] ?? 0, lengths[lesson] ?? 0, average);
      accumulate(acc, lesson, s, serial);
    }
  }
  for (const { facet, scores } of term.facets) {
    const { memberStart, memberList } = facet;
    for (const [value, score] of scores) {
      const end = memberStart[value + 1] ?? 0;
      for (let i = memberStart[value] ?? 0; i < end; i++) {
        const lesson = memberList[i] ?? 0;
        if (only !== undefined && only[lesson] !== 1) continue;
        accumulate(acc, lesson, score * scale, serial);
      }
    }
  }
}

/** The term's score in one lesson (0 if it lacks the term): for checking a few candidates. */
export function probeTerm(index: IndexedCorpus, term: PreparedTerm, lesson: number): number {
  const { docs, freqs } = index.postings;
  let score = 0;
  for (const { start, end, weight, lengths, average } of term.fields) {
    const p = findDoc(docs, start, end, lesson);
    if (p >= 0) score += weight * tfPart(freqs[p] ?? 0, lengths[lesson] ?? 0, average);
  }
  for (const { facet, scores } of term.facets) {
    for (let i = facet.valueStart[lesson] ?? 0; i < (facet.valueStart[lesson + 1] ?? 0); i++) {
      score += scores.get(facet.values[i] ?? -1) ?? 0;
    }
  }
  return score;
}

/**
 * About how many lessons have `term`: the sum over fields and facets, so a little more
 * than the truth when a lesson has it in two places. Cheap, for planning.
 */
export function termFrequency(index: IndexedCorpus, term: string): number {
  let sum = 0;
  const { postings } = index;
  const id = postings.termIds.get(term);
  if (id !== undefined) {
    for (let f = 0; f < postings.fieldCount; f++) {
      const [start, end] = postingRange(postings, id, f);
      sum += end - start;
    }
  }
  for (const facet of index.facetList) sum += facet.lessonFrequency.get(term) ?? 0;
  return Math.min(sum, index.corpus.lessons.length);
}

/** Whether any lesson has `term`, in a field or a facet. */
export function hasTerm(index: IndexedCorpus, term: string): boolean {
  return termFrequency(index, term) > 0;
}
