import { describe, expect, it } from 'vitest';
import { actionToCommand, readAction } from './actions.ts';

describe('readAction', () => {
  it('reads back an acknowledgement button exactly', () => {
    expect(readAction({ kind: 'ack', deliveryId: 'd-1' })).toEqual({
      kind: 'ack',
      deliveryId: 'd-1',
    });
  });

  it('reads back a plan button exactly, and refuses one with extra or blank fields', () => {
    expect(readAction({ kind: 'plan', deliveryId: 'd-1' })).toEqual({
      kind: 'plan',
      deliveryId: 'd-1',
    });
    expect(readAction({ kind: 'plan', deliveryId: ' ' })).toBeNull();
    expect(readAction({ kind: 'plan', deliveryId: 'd-1', plan: 'x' })).toBeNull();
  });

  it.each([
    { kind: 'ack' },
    { kind: 'ack', deliveryId: '' },
    { kind: 'ack', deliveryId: '   ' },
    { kind: 'ack', deliveryId: 'x'.repeat(201) },
    { kind: 'ack', deliveryId: 'd-1', userId: 'U1' },
    { kind: 'ack', deliveryId: 7 },
  ])('refuses a malformed acknowledgement %j', (raw) => {
    expect(readAction(raw)).toBeNull();
  });

  it('reads back a follow-up answer exactly, and refuses an answer that is not one of the four', () => {
    const answer = { kind: 'follow-up', deliveryId: 'd-1', answer: 'decided-against' };
    expect(readAction(answer)).toEqual(answer);
    for (const bad of [
      { ...answer, answer: 'maybe' },
      { ...answer, answer: 'CHANGED' },
      { ...answer, deliveryId: ' ' },
      { ...answer, extra: 1 },
      { kind: 'follow-up', deliveryId: 'd-1' },
      { ...answer, deliveryId: 'x'.repeat(10_000) },
    ]) {
      expect(readAction(bad)).toBeNull();
    }
  });

  it('turns every other action into a command', () => {
    const action = readAction({ kind: 'theme', id: 'neglect', label: 'Neglect' });
    if (!action || action.kind === 'ack' || action.kind === 'plan' || action.kind === 'follow-up')
      throw new Error('expected a command action');
    expect(actionToCommand(action)).toEqual({ kind: 'theme', name: 'neglect', offset: 0 });
  });
});
