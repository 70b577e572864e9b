import { describe, expect, it } from 'vitest';
import { createSpeller } from './speller.ts';
import { stem } from './stem.ts';

const words = ['escalation', 'escalate', 'chronology', 'chronologies', 'neglect', 'genogram'];
const frequency: Record<string, number> = { escal: 5, chronolog: 3, neglect: 9, genogram: 1 };
const speller = createSpeller(new Map(words.map((w) => [w, stem(w)])), (s) => frequency[s] ?? 0);

describe('createSpeller', () => {
  it('corrects a word of 5+ letters to the closest known word', () => {
    expect(speller.correct('escalaton')).toEqual({ word: 'escalation', stem: 'escal' });
    expect(speller.correct('neglct')).toEqual({ word: 'neglect', stem: 'neglect' });
    expect(speller.correct('neglxcx')).toBeNull(); // two edits: too many for 7 letters
  });

  it('counts two swapped letters as one edit', () => {
    expect(speller.correct('negelct')).toEqual({ word: 'neglect', stem: 'neglect' });
    expect(speller.correct('nelgect')).toEqual({ word: 'neglect', stem: 'neglect' });
  });

  it('allows two edits for long words only', () => {
    expect(speller.correct('chronolgoy')).toEqual({ word: 'chronology', stem: 'chronolog' });
    expect(speller.correct('gnoegram')).toEqual({ word: 'genogram', stem: 'genogram' });
    expect(speller.correct('escxlxtxon')).toBeNull(); // three edits from "escalation"
  });

  it('prefers a word one edit away to one two edits away, however frequent', () => {
    const near = createSpeller(
      new Map([
        ['assessment', 'assess'],
        ['assessments', 'assess'],
        ['harassment', 'harass'],
      ]),
      (s) => (s === 'harass' ? 100 : 1),
    );
    expect(near.correct('asessment')?.word).toBe('assessment');
    expect(near.correct('asessment')?.word).toBe('assessment'); // remembered, the same
    expect(near.correct('harasment')?.word).toBe('harassment');
  });

  it('never corrects short words, which have too many neighbours', () => {
    expect(speller.correct('negl')).toBeNull();
  });

  it('completes a beginning of 3+ letters, most frequent first', () => {
    expect(speller.complete('chrono', 5).map((c) => c.word)).toEqual([
      'chronology',
      'chronologies',
    ]);
    expect(speller.complete('ch', 5)).toEqual([]);
    expect(speller.complete('chrono', 1).map((c) => c.word)).toEqual(['chronology']);
    expect(speller.complete('chrono', 50)).toHaveLength(2);
  });
});
