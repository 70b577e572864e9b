import { describe, expect, it } from 'vitest';
import { createLogger } from './create-logger.ts';
import { CENSORED, scrubSecrets } from './scrub-secrets.ts';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({
    level: 'debug',
    destination: { write: (line: string) => lines.push(JSON.parse(line)) },
  });
  return { logger, lines };
}

describe('createLogger', () => {
  it('writes one JSON line a call, with the level, the service and the fields', () => {
    const { logger, lines } = capture();
    logger.info('http request', { method: 'POST', path: '/api/messages', status: 200, ms: 3 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      service: 'lessons-bot',
      msg: 'http request',
      method: 'POST',
      path: '/api/messages',
      status: 200,
      ms: 3,
    });
  });

  it('censors questions, tokens and secrets at the top and one level down', () => {
    const { logger, lines } = capture();
    logger.warn('careless', {
      text: 'lessons on chronologies',
      token: 'xoxb-123',
      clientSecret: 'shh',
      command: 'search',
      request: { query: 'neglect', Authorization: 'Bearer abc', path: '/x' },
    });
    const line = JSON.stringify(lines[0]);
    for (const secret of ['lessons on chronologies', 'xoxb-123', 'shh', 'neglect', 'Bearer abc'])
      expect(line).not.toContain(secret);
    expect(lines[0]).toMatchObject({
      text: CENSORED,
      token: CENSORED,
      clientSecret: CENSORED,
      command: 'search',
      request: { query: CENSORED, Authorization: CENSORED, path: '/x' },
    });
  });

  it("censors secrets in a child logger's bindings", () => {
    const { logger, lines } = capture();
    logger.child({ frontDoor: 'slack', botToken: 'xoxb-999' }).error('failed', { code: 'x' });
    expect(JSON.stringify(lines[0])).not.toContain('xoxb-999');
    expect(lines[0]).toMatchObject({ frontDoor: 'slack', botToken: CENSORED, code: 'x' });
  });
});

describe('scrubSecrets', () => {
  it('returns a line with nothing to censor as it is, without a copy', () => {
    const fields = { requestId: 'r1', status: 200, nested: { path: '/x' }, list: ['text'] };
    expect(scrubSecrets(fields)).toBe(fields);
  });

  it("leaves the caller's object untouched when it censors", () => {
    const fields = { token: 't', nested: { secret: 's', keep: 1 } };
    const scrubbed = scrubSecrets(fields);
    expect(scrubbed).toEqual({ token: CENSORED, nested: { secret: CENSORED, keep: 1 } });
    expect(fields).toEqual({ token: 't', nested: { secret: 's', keep: 1 } });
  });
});
