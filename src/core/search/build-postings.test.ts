import { describe, expect, it } from 'vitest';
import { buildPostings } from './build-postings.ts';
import { findDoc, postingRange } from './postings.ts';

const texts = [
  ['Neglect', 'Chronic neglect and more neglect.'],
  ['Chronologies', 'A chronology.'],
  ['', 'Neglect tools.'],
];
const words = new Map<string, string>();
const p = buildPostings(texts.length, 2, (i, f) => texts[i]?.[f] ?? '', words);

const list = (term: string, field: number): [number, number][] => {
  const id = p.termIds.get(term);
  if (id === undefined) return [];
  const [start, end] = postingRange(p, id, field);
  return Array.from({ length: end - start }, (_, k) => [
    p.docs[start + k] ?? -1,
    p.freqs[start + k] ?? -1,
  ]);
};

describe('buildPostings', () => {
  it('lists, per term and field, the documents in order with term frequencies', () => {
    expect(list('neglect', 0)).toEqual([[0, 1]]);
    expect(list('neglect', 1)).toEqual([
      [0, 2],
      [2, 1],
    ]);
    expect(list('chronolog', 0)).toEqual([[1, 1]]);
    expect(list('chronolog', 1)).toEqual([[1, 1]]);
  });

  it('counts field lengths in distinct terms, and their averages', () => {
    expect([...(p.lengths[1] ?? [])]).toEqual([2, 1, 2]);
    expect(p.averages[1]).toBeCloseTo(5 / 3);
    expect(p.averages[0]).toBeCloseTo(2 / 3);
  });

  it('collects the words as written', () => {
    expect(words.get('chronologies')).toBe('chronolog');
    expect(words.has('and')).toBe(false);
  });
});

describe('findDoc', () => {
  it('finds a document in a sorted list, or -1', () => {
    const docs = Int32Array.from([9, 2, 5, 8, 13, 1]);
    expect(findDoc(docs, 1, 5, 8)).toBe(3);
    expect(findDoc(docs, 1, 5, 9)).toBe(-1);
    expect(findDoc(docs, 1, 5, 1)).toBe(-1);
    expect(findDoc(docs, 3, 3, 8)).toBe(-1);
  });
});
