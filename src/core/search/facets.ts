import type { FieldText } from './build-postings.ts';
import { type FacetPostings, indexFacetTexts } from './facet-terms.ts';
import type { PairRule } from './term-scanner.ts';

export type { FacetPostings } from './facet-terms.ts';

/**
 * Themes, agencies and reviews are searchable like fields of a lesson, but each is
 * indexed once per value (a theme's label and synonyms) and joined to its lessons,
 * rather than copied into every lesson: at 100,000 lessons the copies would double
 * the index.
 */
export interface Facet {
  /** how much a match here counts against a match in the lesson text */
  boost: number;
  /** each value's lessons, ascending: `memberList[memberStart[v] … memberStart[v + 1])` */
  memberStart: Uint32Array;
  memberList: Int32Array;
  /** term → the values whose text has it, and how often */
  postings: ReadonlyMap<string, FacetPostings>;
  /** per value: distinct terms in its text */
  lengths: Float32Array;
  averageLength: number;
  /** term → lessons with any value that has it: the term's document frequency */
  lessonFrequency: ReadonlyMap<string, number>;
  /** each lesson's values: `values[valueStart[l] … valueStart[l + 1])` */
  valueStart: Uint32Array;
  values: Int32Array;
}

/** The lessons that have value `v`, ascending (a view, not a copy). */
export function membersOf(facet: Facet, v: number): Int32Array {
  return facet.memberList.subarray(facet.memberStart[v] ?? 0, facet.memberStart[v + 1] ?? 0);
}

/** How many lessons have value `v`. */
export function memberCount(facet: Facet, v: number): number {
  return (facet.memberStart[v + 1] ?? 0) - (facet.memberStart[v] ?? 0);
}

/** Calls `add` with each of a lesson's values (positions of its themes, agencies or review). */
export type ValuesOf = (lesson: number, add: (value: number) => void) => void;

/**
 * Builds a facet from each value's searchable text (`textOf`, its parts read as separate
 * lines) and the lessons that have it. Built in typed arrays, counted first and filled
 * after: at 100,000 lessons there are 12,500 reviews, and an object per review (or per
 * term and review) would churn memory for nothing.
 */
export function buildFacet(
  valueCount: number,
  textOf: (value: number) => FieldText,
  lessonCount: number,
  valuesOf: ValuesOf,
  boost: number,
  pairs: PairRule,
): Facet {
  const { valueStart, values } = lessonValues(lessonCount, valuesOf);
  const { memberStart, memberList } = groupMembers(valueCount, valueStart, values);
  const lessonsWith = (v: number): number => (memberStart[v + 1] ?? 0) - (memberStart[v] ?? 0);
  const terms = indexFacetTexts(valueCount, textOf, lessonsWith, lessonCount, pairs);
  let total = 0;
  for (let v = 0; v < valueCount; v++) total += terms.lengths[v] ?? 0;
  return {
    boost,
    memberStart,
    memberList,
    postings: terms.postings,
    lengths: terms.lengths,
    averageLength: valueCount > 0 ? total / valueCount : 0,
    lessonFrequency: terms.lessonFrequency,
    valueStart,
    values,
  };
}

function lessonValues(
  lessonCount: number,
  valuesOf: ValuesOf,
): { valueStart: Uint32Array; values: Int32Array } {
  const valueStart = new Uint32Array(lessonCount + 1);
  let values = new Int32Array(Math.max(16, lessonCount * 2));
  let size = 0;
  let start = 0;
  // One closure for all lessons: this runs for every lesson of every facet.
  const add = (v: number): void => {
    if (v < 0) return;
    for (let i = start; i < size; i++) if (values[i] === v) return; // listed twice
    if (size === values.length) {
      const bigger = new Int32Array(values.length * 2);
      bigger.set(values);
      values = bigger;
    }
    values[size++] = v;
  };
  for (let lesson = 0; lesson < lessonCount; lesson++) {
    start = size;
    valuesOf(lesson, add);
    valueStart[lesson + 1] = size;
  }
  return { valueStart, values: values.slice(0, size) };
}

/** Inverts lesson → values into value → lessons (ascending), packed in one array. */
function groupMembers(
  valueCount: number,
  valueStart: Uint32Array,
  values: Int32Array,
): { memberStart: Uint32Array; memberList: Int32Array } {
  const memberStart = new Uint32Array(valueCount + 1);
  for (let i = 0; i < values.length; i++) {
    const v = (values[i] ?? 0) + 1;
    memberStart[v] = (memberStart[v] ?? 0) + 1;
  }
  for (let v = 0; v < valueCount; v++) {
    memberStart[v + 1] = (memberStart[v + 1] ?? 0) + (memberStart[v] ?? 0);
  }
  const next = memberStart.slice(0, valueCount);
  const memberList = new Int32Array(values.length);
  for (let lesson = 0; lesson + 1 < valueStart.length; lesson++) {
    for (let i = valueStart[lesson] ?? 0; i < (valueStart[lesson + 1] ?? 0); i++) {
      const v = values[i] ?? 0;
      const at = next[v] ?? 0;
      memberList[at] = lesson;
      next[v] = at + 1;
    }
  }
  return { memberStart, memberList };
}
