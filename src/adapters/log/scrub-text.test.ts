import { describe, expect, it } from 'vitest';
import { scrubText } from './scrub-text.ts';

function jsonError(text: string): string {
  try {
    JSON.parse(text);
    return 'parsed';
  } catch (error) {
    return String(error);
  }
}

describe('scrubText', () => {
  it('cuts the start of a body out of a JSON parse error, as Bolt logs it', () => {
    const message = `Parsing request body failed (error: ${jsonError('text=NHS+943+476+5919&command=x')})`;
    expect(message).toContain('NHS');
    expect(scrubText(message)).toBe(
      'Parsing request body failed (error: SyntaxError: Unexpected token […], […] is not valid JSON)',
    );
  });

  it('cuts whatever is quoted, and the rest of a line after a quote that never closes', () => {
    expect(scrubText(`token 'eyJabc' refused for “Jane Doe”`)).toBe('token […] refused for […]');
    expect(scrubText('value "child X DOB 01/02/2019 and more')).toBe('value […]');
  });

  it('keeps plain messages, on one line and within the limit', () => {
    expect(scrubText('JWT validation failed')).toBe('JWT validation failed');
    expect(scrubText('a\n  b')).toBe('a b');
    expect(scrubText('x'.repeat(1000))).toHaveLength(300);
  });
});
