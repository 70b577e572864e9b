import { describe, expect, it } from 'vitest';
import { didYouMean } from './did-you-mean.ts';

describe('didYouMean', () => {
  it('replaces misspelt words and keeps the rest of the question', () => {
    expect(didYouMean('Lessons on Escalaton?', new Map([['escalaton', 'escalation']]))).toBe(
      'Lessons on escalation?',
    );
  });

  it('replaces whole words only', () => {
    expect(didYouMean('neglct neglcts', new Map([['neglct', 'neglect']]))).toBe('neglect neglcts');
  });

  it('reads questions with accents and capitals alike', () => {
    const corrections = new Map([['escalaton', 'escalation']]);
    expect(didYouMean('Naïve ESCALATON', corrections)).toBe('Naïve escalation');
    expect(didYouMean('ESCALATON, escalaton', corrections)).toBe('escalation, escalaton');
    expect(didYouMean('xescalaton escalaton2 escalaton', corrections)).toBe(
      'xescalaton escalaton2 escalation',
    );
  });

  it('is undefined when nothing changes', () => {
    expect(didYouMean('neglect', new Map())).toBeUndefined();
    expect(didYouMean('neglect', new Map([['absent', 'present']]))).toBeUndefined();
  });
});
