import { describe, expect, it } from 'vitest';
import { TokenTable } from './token-table.ts';
import { hashToken } from './tokenize.ts';

const hashOf = (text: string, start = 0, end = text.length): number => hashToken(text, start, end);

describe('TokenTable', () => {
  it('finds a token where it stands in a text, in any case', () => {
    const table = new TokenTable();
    const entry = table.add('the Neglect of', 4, 11, hashOf('the Neglect of', 4, 11));
    expect(table.text(entry)).toBe('neglect');
    expect(table.find('NEGLECT', 0, 7, hashOf('NEGLECT'))).toBe(entry);
    expect(table.find('neglects', 0, 8, hashOf('neglects'))).toBe(-1);
  });

  it('tells tokens apart when their hashes collide', () => {
    const table = new TokenTable();
    const a = table.add('abc', 0, 3, 7);
    const b = table.add('abd', 0, 3, 7);
    expect([table.find('ABD', 0, 3, 7), table.find('abc', 0, 3, 7)]).toEqual([b, a]);
    expect(table.find('abe', 0, 3, 7)).toBe(-1);
  });

  it('keeps every token as it grows', () => {
    const table = new TokenTable();
    const words = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}`);
    const entries = words.map((w) => table.add(w, 0, w.length, hashOf(w)));
    expect(words.map((w) => table.find(w, 0, w.length, hashOf(w)))).toEqual(entries);
    expect(table.size).toBe(words.length);
  });
});
