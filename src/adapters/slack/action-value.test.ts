import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionArb } from '../../../test/fixtures/slack/arbitraries.ts';
import { decodeAction, encodeAction } from './action-value.ts';

describe('decodeAction', () => {
  it('reads back every action it encoded', () => {
    fc.assert(
      fc.property(actionArb, (action) => {
        // Only values that fit in a button (2,000 characters) are ever sent.
        fc.pre(encodeAction(action).length <= 2000);
        expect(decodeAction(encodeAction(action))).toEqual(action);
      }),
    );
  });

  it.each([
    undefined,
    '',
    'not json',
    '{"kind":"nuke"}',
    '{"kind":"more","query":1,"offset":0}',
    '{"kind":"lesson"}',
    '[]',
    'null',
  ])('refuses %j', (value) => {
    expect(decodeAction(value)).toBeNull();
  });
});
