import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { lineAt, sourceAt } from './locate-line.ts';

const source = `# a comment
id: x
title: 2019
lessons:
  - id: x/1
    themes:
      - neglect
      - chronolgy
  - id: x/2
`;
const lines = new LineCounter();
const doc = parseDocument(source, { lineCounter: lines });

describe('lineAt', () => {
  it('finds the line of a field, of a list item and of a nested value', () => {
    expect(lineAt(doc, lines, ['id'])).toBe(2);
    expect(lineAt(doc, lines, ['lessons', 1])).toBe(9);
    expect(lineAt(doc, lines, ['lessons', 0, 'themes', 1])).toBe(8);
  });

  it('points at the mapping that should hold a missing field', () => {
    expect(lineAt(doc, lines, ['lessons', 1, 'title'])).toBe(9);
    expect(lineAt(doc, lines, ['summary'])).toBe(2);
  });
});

describe('sourceAt', () => {
  it('gives a scalar as written', () => {
    expect(sourceAt(doc, ['title'])).toBe('2019');
  });
  it('gives nothing for a missing node or a collection', () => {
    expect(sourceAt(doc, ['summary'])).toBeUndefined();
    expect(sourceAt(doc, ['lessons'])).toBeUndefined();
  });
});
