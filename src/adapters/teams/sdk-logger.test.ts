import { describe, expect, it } from 'vitest';
import { recordingLogger } from '../../../test/helpers/recording-logger.ts';
import type { Logger } from '../../core/index.ts';
import { sdkLogger } from './sdk-logger.ts';

/** A recording logger that also counts the child loggers made from it. */
function countingLogger() {
  const inner = recordingLogger();
  const counts = { children: 0 };
  const logger: Logger = {
    ...inner,
    child: (fields) => {
      counts.children += 1;
      return inner.child(fields);
    },
  };
  return { logger, lines: inner.lines, counts };
}

describe('sdkLogger', () => {
  it('passes warnings and errors with their message only, never the extra arguments', () => {
    const { logger, lines } = countingLogger();
    const log = sdkLogger(logger);
    log.warn('token refresh failed', { token: 'eyJ-secret' }, new TypeError('boom'));
    log.log('error', 'send failed');
    expect(lines).toEqual([
      {
        level: 'warn',
        message: 'token refresh failed',
        fields: { sdk: 'teams-sdk', error: 'TypeError' },
      },
      { level: 'error', message: 'send failed', fields: { sdk: 'teams-sdk' } },
    ]);
    expect(JSON.stringify(lines)).not.toContain('eyJ-secret');
  });

  it('drops debug, trace and info, which carry whole activities', () => {
    const { logger, lines } = countingLogger();
    const log = sdkLogger(logger);
    log.debug('activity', { text: 'a question' });
    log.trace('x');
    log.info('y');
    log.log('info', 'z');
    expect(lines).toEqual([]);
  });

  it('names children after their parents, and makes a logger of ours only when one speaks', () => {
    const { logger, lines, counts } = countingLogger();
    const files = sdkLogger(logger, 'teams-sdk').child('files');
    for (let i = 0; i < 100; i++) sdkLogger(logger).child('files');
    expect(counts.children).toBe(0);
    files.error('no drive');
    files.error('still no drive');
    expect(counts.children).toBe(1);
    expect(lines.map((l) => l.fields.sdk)).toEqual(['teams-sdk/files', 'teams-sdk/files']);
  });

  it('cuts a long message', () => {
    const { logger, lines } = countingLogger();
    sdkLogger(logger).warn('x'.repeat(5000));
    expect(lines[0]?.message).toHaveLength(300);
  });
});
