import { describe, expect, it } from 'vitest';
import { describeValue, formatFieldPath, quote, valueAt } from './field-path.ts';

describe('formatFieldPath', () => {
  it('writes keys with dots and indexes in brackets', () => {
    expect(formatFieldPath(['lessons', 2, 'themes', 0])).toBe('lessons[2].themes[0]');
    expect(formatFieldPath([])).toBe('');
  });

  it('quotes keys that are not plain words, so a problem stays on one line', () => {
    expect(formatFieldPath(['lessons', 0, 'a\nb'])).toBe('lessons[0]["a b"]');
  });
});

describe('valueAt', () => {
  const data = { lessons: [{ themes: ['neglect'] }] };
  it('follows keys and indexes', () => {
    expect(valueAt(data, ['lessons', 0, 'themes', 0])).toBe('neglect');
  });
  it('gives undefined past the end, and for inherited properties', () => {
    expect(valueAt(data, ['lessons', 1, 'themes'])).toBeUndefined();
    expect(valueAt(data, ['toString'])).toBeUndefined();
  });
});

describe('describeValue', () => {
  it('names YAML values in plain words', () => {
    expect([null, 'x', 3, true, [], {}].map(describeValue)).toEqual([
      'nothing',
      'text',
      'a number',
      'true',
      'a list',
      'a mapping (fields with "name: value")',
    ]);
  });
});

describe('quote', () => {
  it('shortens long values and puts them on one line', () => {
    expect(quote(`a\n${'b'.repeat(100)}`, 10)).toBe('"a bbbbbbb…"');
  });
  it('copes with circular data, which YAML aliases can make', () => {
    const circular: unknown[] = [];
    circular.push(circular);
    expect(quote(circular)).toBe('"a list"');
  });
});
