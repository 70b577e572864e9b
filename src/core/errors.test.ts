import { describe, expect, it } from 'vitest';
import { BotError, CorpusError, formatProblem, isBotError, toBotError } from './errors.ts';

describe('formatProblem', () => {
  it('writes file:line: field: message — fix', () => {
    expect(
      formatProblem({
        file: 'lessons/a.yaml',
        line: 3,
        field: 'lessons[0].themes[1]',
        message: 'unknown theme "chronolgy"',
        fix: 'did you mean "chronologies"?',
      }),
    ).toBe(
      'lessons/a.yaml:3: lessons[0].themes[1]: unknown theme "chronolgy" — did you mean "chronologies"?',
    );
  });

  it('leaves out what is not known', () => {
    expect(formatProblem({ file: 'lessons/a.yaml', message: 'the file is empty' })).toBe(
      'lessons/a.yaml: the file is empty',
    );
  });
});

describe('toBotError', () => {
  it('keeps a BotError as it is', () => {
    const error = new BotError('lesson_not_found', 'No lesson x/1.');
    expect(toBotError(error)).toBe(error);
  });

  it('wraps anything else as internal, keeping the cause and hiding its message', () => {
    const cause = new TypeError('secret detail');
    const wrapped = toBotError(cause);
    expect(wrapped.code).toBe('internal');
    expect(wrapped.cause).toBe(cause);
    expect(wrapped.message).not.toContain('secret detail');
  });

  it('recognises a CorpusError as a BotError', () => {
    const error = new CorpusError([{ file: 'a.yaml', message: 'bad' }]);
    expect(isBotError(error)).toBe(true);
    expect(error.message).toContain('1 problem:\na.yaml: bad');
  });
});
