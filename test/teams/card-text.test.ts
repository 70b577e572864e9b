import { describe, expect, it } from 'vitest';
import { label, line, plain, safeUrl, truncate } from '../../src/adapters/teams/card/card-text.ts';

describe('plain', () => {
  it('escapes Markdown so text shows as written', () => {
    expect(plain('[x](https://e.example) *a* _b_ `c`', 100)).toBe(
      '\\[x\\](https://e.example) \\*a\\* \\_b\\_ \\`c\\`',
    );
    expect(plain('# not a heading\n- not a list\n1. not numbered', 100)).toBe(
      '\\# not a heading\n\\- not a list\n1\\. not numbered',
    );
  });

  it('keeps ordinary punctuation as it is', () => {
    expect(plain('Children P (2017) – a review: what went well?', 100)).toBe(
      'Children P (2017) – a review: what went well?',
    );
  });

  it('removes control characters', () => {
    expect(plain('a\u0000b\u001bc', 100)).toBe('a b c');
  });
});

describe('truncate', () => {
  it('cuts at a code point, never inside an emoji, and marks the cut', () => {
    expect(truncate('😀😀😀😀', 3)).toBe('😀😀…');
    expect(truncate('short', 10)).toBe('short');
  });
});

describe('line and label', () => {
  it('make one line', () => {
    expect(line('a\nb', 10)).toBe('a b');
    expect(label('  More\n results ')).toBe('More results');
  });
});

describe('safeUrl', () => {
  it('allows http(s) only', () => {
    expect(safeUrl('https://example.org/r.pdf')).toBe('https://example.org/r.pdf');
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('not a url')).toBeNull();
    expect(safeUrl(null)).toBeNull();
  });

  it('percent-encodes what the card schema would refuse in a link, keeping it working', () => {
    expect(safeUrl('https://x.example/a|b^c')).toBe('https://x.example/a%7Cb%5Ec');
    expect(safeUrl('https://x.example/a?q=1&r=%20')).toBe('https://x.example/a?q=1&r=%20');
  });
});
