import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buttonData, readButton } from '../../src/adapters/teams/action-data.ts';
import type { Action } from '../../src/core/index.ts';

describe('readButton', () => {
  it('reads back every action our cards carry', () => {
    const actions: Action[] = [
      { kind: 'more', query: 'chronologies', offset: 3 },
      { kind: 'more-theme', theme: 'neglect', offset: 3 },
      { kind: 'lesson', id: 'southwark-child-r/8' },
      { kind: 'share', id: 'southwark-child-r/8' },
      { kind: 'theme', id: 'neglect', label: 'Neglect' },
      { kind: 'review', id: 'southwark-child-r' },
    ];
    for (const action of actions)
      expect(readButton(buttonData({ action }))).toEqual({ kind: 'action', action });
    expect(readButton(buttonData({ text: 'themes' }))).toEqual({ kind: 'text', text: 'themes' });
  });

  it('ignores data that is not ours', () => {
    expect(readButton(undefined)).toBeUndefined();
    expect(readButton({ someOtherApp: 1 })).toBeUndefined();
    expect(readButton('lessonsBot')).toBeUndefined();
  });

  it('calls forged or stale data invalid instead of trusting it', () => {
    const forged = [
      { lessonsBot: { v: 2, action: { kind: 'lesson', id: 'x' } } },
      { lessonsBot: { v: 1, action: { kind: 'publish', review: 'x' } } },
      { lessonsBot: { v: 1, action: { kind: 'more', query: 'x', offset: -1 } } },
      { lessonsBot: { v: 1, action: { kind: 'more', query: 'x'.repeat(501), offset: 0 } } },
      { lessonsBot: { v: 1, action: { kind: 'lesson', id: { $ne: 1 } } } },
      { lessonsBot: { v: 1, text: '' } },
    ];
    for (const value of forged) expect(readButton(value)).toEqual({ kind: 'invalid' });
  });

  it('never throws, whatever arrives in `value`', () => {
    fc.assert(fc.property(fc.anything(), (value) => void readButton({ lessonsBot: value })));
  });
});
