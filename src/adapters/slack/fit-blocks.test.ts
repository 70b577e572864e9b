import { describe, expect, it } from 'vitest';
import { section } from './blocks.ts';
import { fitBlocks, jsonSize, wasFitted } from './fit-blocks.ts';

const MESSAGE = { maxBlocks: 50, maxJson: 11_000 };
const HOME = { maxBlocks: 100, maxJson: 24_000 };

describe('fitBlocks', () => {
  it('keeps a message that fits whole, and trusts it only within limits as strict', () => {
    const parts = { head: [section('*Title*')], body: [[section('one')], [section('two')]] };
    const fitted = fitBlocks(parts, MESSAGE);
    expect(fitted.shown).toBe(2);
    expect(fitted.blocks).toHaveLength(3);
    expect(wasFitted(fitted.blocks, MESSAGE)).toBe(true);
    expect(wasFitted(fitted.blocks, HOME)).toBe(true);
    expect(wasFitted([...fitted.blocks], MESSAGE)).toBe(false);
    expect(wasFitted(fitBlocks(parts, HOME).blocks, MESSAGE)).toBe(false);
  });

  it('leaves out what does not fit, says so, and stays within the limits', () => {
    const body = Array.from({ length: 40 }, (_, i) => [section(`${i} ${'x'.repeat(900)}`)]);
    const fitted = fitBlocks({ head: [section('*Title*')], body }, MESSAGE, 'more lessons');
    expect(fitted.shown).toBeLessThan(40);
    expect(jsonSize(fitted.blocks)).toBeLessThanOrEqual(MESSAGE.maxJson);
    expect(JSON.stringify(fitted.blocks.at(-1))).toContain(
      `${40 - fitted.shown} more lessons not shown here.`,
    );
  });
});
