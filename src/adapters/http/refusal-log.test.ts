import { describe, expect, it } from 'vitest';
import { recordingLogger } from '../../../test/helpers/recording-logger.ts';
import { refusalLog } from './refusal-log.ts';

describe('refusalLog', () => {
  it('warns once a window, and says with the next warning how many it did not', () => {
    const logger = recordingLogger();
    let now = 0;
    const refused = refusalLog(logger, 'refused', { windowMs: 60_000, now: () => now });
    for (let i = 0; i < 100; i++) refused({ reason: 'bad signature' });
    now = 60_000;
    refused({ reason: 'no token' });
    const warnings = logger.lines.filter((l) => l.level === 'warn');
    expect(warnings.map((l) => l.fields)).toEqual([
      { reason: 'bad signature' },
      { reason: 'no token', alsoRefusedInThePreviousWindow: 99 },
    ]);
  });
});
