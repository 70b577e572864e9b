/**
 * One error family: whatever an operator or a user must act on is a BotError with a code
 * of the one ErrorCode union, so that every boundary (the command line, main, both chat
 * platforms) handles one type and never mistakes it for an internal error.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { decideAuthMode, TeamsStartError } from '../src/adapters/teams/index.ts';
import { ConfigError, readConfig } from '../src/config.ts';
import {
  BotError,
  describeError,
  type ErrorCode,
  errorLogFields,
  isBotError,
  toBotError,
} from '../src/core/index.ts';
import { environmentWithEnvFile } from '../src/runtime/load-env-file.ts';
import { parseDatabaseUrl, StoreError } from '../src/store/index.ts';

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected it to throw');
}

describe('errors an operator must fix', () => {
  it.each<[string, () => unknown, ErrorCode, new (...args: never[]) => Error]>([
    ['a bad variable', () => readConfig({ PORT: 'eighty' }), 'config_invalid', ConfigError],
    [
      'a database URL of an unknown kind',
      () => parseDatabaseUrl('mysql://db.example/lessons'),
      'store_url_invalid',
      StoreError,
    ],
    [
      'half the Teams credentials',
      () => decideAuthMode({ clientId: 'x', allowUnauthenticated: false }, '127.0.0.1'),
      'teams_credentials_incomplete',
      TeamsStartError,
    ],
    [
      'a .env that cannot be read',
      () => environmentWithEnvFile({}, mkdtempSync(`${tmpdir()}/env-`)),
      'config_invalid',
      BotError,
    ],
  ])('%s is a BotError with its code, kept as it is by toBotError', (_, run, code, type) => {
    const error = thrownBy(run);
    expect(error).toBeInstanceOf(type);
    expect(error).toBeInstanceOf(BotError);
    expect(isBotError(error) && error.code).toBe(code);
    expect(toBotError(error)).toBe(error);
  });
});

describe('errorLogFields: what a log may hold about an error', () => {
  it('holds the code and class, never the message, even a message of several lines', () => {
    const error = new SyntaxError('Unexpected token\n  in “lessons on Jane Smith, born 1.2.2015”');
    const fields = errorLogFields(error);
    expect(fields).toMatchObject({ code: 'internal', error: 'SyntaxError' });
    expect(fields.frames?.every((frame) => frame.startsWith('at '))).toBe(true);
    expect(JSON.stringify(fields)).not.toMatch(/Jane|Unexpected/);
  });

  it('holds a foreign error’s own code, and no frames for a BotError', () => {
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    expect(errorLogFields(reset)).toMatchObject({ code: 'internal', reason: 'ECONNRESET' });
    const slack = Object.assign(new Error('An API error occurred'), {
      data: { ok: false, error: 'channel_not_found' },
    });
    expect(errorLogFields(slack).reason).toBe('channel_not_found');
    const ours = new BotError('lesson_not_found', 'There is no lesson “Jane Smith”.');
    expect(errorLogFields(ours)).toEqual({ code: 'lesson_not_found', error: 'BotError' });
  });

  it('says what was thrown when it is not an Error', () => {
    expect(errorLogFields('Jane Smith')).toEqual({ code: 'internal', error: 'string' });
  });
});

describe('describeError: an error in words for whoever must act on it', () => {
  it('reads the inner errors of an AggregateError without a message', () => {
    const refused = Object.assign(new Error(''), { code: 'ECONNREFUSED' });
    const error = new AggregateError([refused, new Error('connect EHOSTUNREACH ::1')], '');
    expect(describeError(error)).toBe('ECONNREFUSED; connect EHOSTUNREACH ::1');
  });

  it('gives the message, else the class, else the value', () => {
    expect(describeError(new BotError('config_invalid', 'Set PORT.'))).toBe('Set PORT.');
    expect(describeError(new TypeError(''))).toBe('TypeError');
    expect(describeError(42)).toBe('42');
  });
});
