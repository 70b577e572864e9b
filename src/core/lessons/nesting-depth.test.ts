import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nestingDepth } from './nesting-depth.ts';

const LIMIT = 64;

describe('nestingDepth', () => {
  it('counts the levels of ordinary files as a reader would', () => {
    expect(nestingDepth('id: x\ntitle: T\n', LIMIT)).toBe(1);
    expect(nestingDepth('lessons:\n  - id: x/1\n    themes: [a, b]\n', LIMIT)).toBe(4);
    expect(nestingDepth('a:\n  b:\n    c:\n  d: 1\n# a comment\n\ne: {f: [g]}\n', LIMIT)).toBe(3);
    expect(
      nestingDepth(
        'text: |\n  a --- b - c\n  - not an indicator in a scalar, but counted\n',
        LIMIT,
      ),
    ).toBe(3);
  });

  it('leaves a margin on every file of the real corpus', () => {
    for (const name of readdirSync('lessons').filter((n) => n.endsWith('.yaml')))
      expect(nestingDepth(readFileSync(`lessons/${name}`, 'utf8'), LIMIT)).toBeLessThanOrEqual(8);
  });

  it('stops counting past the limit for every shape of deep nesting', () => {
    const shapes = {
      'nested "- " on one line (808 KB)': `a:\n${'- '.repeat(400_000)}x\n`,
      'nested "? " on one line': `${'? '.repeat(300)}x\n`,
      'one more space per line': Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}k:`).join(
        '\n',
      ),
      brackets: `${'['.repeat(300_000)}${']'.repeat(300_000)}`,
      'braces within a list': `- ${'{a: '.repeat(100)}1${'}'.repeat(100)}\n`,
    };
    for (const text of Object.values(shapes)) expect(nestingDepth(text, LIMIT)).toBe(LIMIT + 1);
  });
});
