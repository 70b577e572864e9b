import { describe, expect, it } from 'vitest';
import { stem } from './stem.ts';

describe('stem', () => {
  it('gives plurals and singulars one form', () => {
    expect(stem('chronologies')).toBe(stem('chronology'));
    expect(stem('placements')).toBe(stem('placement'));
  });

  it('keeps apart words Porter2 tells apart', () => {
    expect(stem('police')).not.toBe(stem('policy'));
  });

  it('maps irregular plurals and a few derivations', () => {
    expect(stem('children')).toBe(stem('child'));
    expect(stem('women')).toBe(stem('woman'));
    expect(stem('compliance')).toBe(stem('comply'));
  });

  it('treats British and American -ise spellings alike', () => {
    expect(stem('organize')).toBe(stem('organise'));
    expect(stem('recognized')).toBe(stem('recognised'));
  });

  it('leaves tokens with digits or & as they are', () => {
    expect(stem('s47')).toBe('s47');
    expect(stem('a&e')).toBe('a&e');
  });
});
