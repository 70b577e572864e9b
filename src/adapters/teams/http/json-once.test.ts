import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonBody, serializeOnce } from './json-once.ts';

const text = (body: string | Buffer) => (typeof body === 'string' ? body : body.toString('utf8'));

describe('jsonBody', () => {
  it('is JSON.stringify for data with nothing marked', () => {
    const data = { type: 'message', text: 'Lessons on “chronologies” — 3 of 12', n: [1, 2] };
    expect(jsonBody(data)).toBe(JSON.stringify(data));
    expect(jsonBody([1, 'a'])).toBe('[1,"a"]');
    expect(jsonBody('plain')).toBe('"plain"');
  });

  it('reuses a marked field’s JSON, and the body is what JSON.stringify makes', () => {
    const attachments = serializeOnce([{ content: { type: 'AdaptiveCard', text: 'é — “x”' } }]);
    const data = {
      type: 'message',
      attachments,
      from: { id: 'bot' },
      skipped: undefined,
      conversation: { id: 'c1' },
    };
    const body = jsonBody(data);
    expect(Buffer.isBuffer(body)).toBe(true);
    expect(text(body)).toBe(JSON.stringify(data));
  });

  it('leaves an object with a toJSON of its own to JSON.stringify', () => {
    const data = { card: serializeOnce({ a: 1 }), toJSON: () => ({ replaced: true }) };
    expect(text(jsonBody(data))).toBe('{"replaced":true}');
  });

  it('sends the JSON made when the value was marked', () => {
    const card = serializeOnce({ title: 'first' });
    // Changing a marked value breaks its contract (callers freeze what they mark); the
    // body shows the JSON made when it was marked, which is how this test can tell reuse.
    (card as { title: string }).title = 'changed';
    expect(text(jsonBody({ card }))).toBe('{"card":{"title":"first"}}');
  });

  it('matches JSON.stringify for any plain object with marked and unmarked fields', () => {
    const json = fc.jsonValue();
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.tuple(fc.boolean(), json)), (fields) => {
        const data: Record<string, unknown> = {};
        for (const [key, [mark, value]] of Object.entries(fields)) {
          data[key] =
            mark && typeof value === 'object' && value !== null ? serializeOnce(value) : value;
        }
        expect(text(jsonBody(data))).toBe(JSON.stringify(data));
      }),
    );
  });
});
