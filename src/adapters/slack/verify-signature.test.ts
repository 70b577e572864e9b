import { createHmac, createSecretKey } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSignedBySlack } from './verify-signature.ts';

const SECRET = 'test-signing-secret';
const key = createSecretKey(Buffer.from(SECRET));
const NOW = 1_795_000_000;

/** Slack's signature, computed the way its documentation shows. */
function slackSign(secret: string, timestamp: number | string, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

const check = (signature: string | undefined, timestamp: string | undefined, body: string) =>
  isSignedBySlack(key, { signature, timestamp }, Buffer.from(body), NOW);

describe('isSignedBySlack', () => {
  it('accepts what Slack signed, for any body', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (body) => {
        expect(check(slackSign(SECRET, NOW, body), String(NOW), body)).toBe(true);
      }),
    );
  });

  it('refuses another secret, an altered body and an altered timestamp', () => {
    const body = 'command=%2Flessons&text=neglect';
    expect(check(slackSign('forged', NOW, body), String(NOW), body)).toBe(false);
    expect(check(slackSign(SECRET, NOW, body), String(NOW), `${body}x`)).toBe(false);
    expect(check(slackSign(SECRET, NOW, body), String(NOW - 1), body)).toBe(false);
  });

  it('refuses a request more than five minutes old or ahead, and accepts one within', () => {
    const body = 'text=neglect';
    for (const skew of [-301, 301, -600, 86_400]) {
      expect(check(slackSign(SECRET, NOW + skew, body), String(NOW + skew), body)).toBe(false);
    }
    for (const skew of [-300, 0, 300]) {
      expect(check(slackSign(SECRET, NOW + skew, body), String(NOW + skew), body)).toBe(true);
    }
  });

  it('refuses missing, malformed and hostile headers without throwing', () => {
    const body = 'text=neglect';
    const good = slackSign(SECRET, NOW, body);
    expect(check(undefined, String(NOW), body)).toBe(false);
    expect(check(good, undefined, body)).toBe(false);
    expect(check('', String(NOW), body)).toBe(false);
    expect(check(good, '', body)).toBe(false);
    expect(check(good, `${NOW}.5`, body)).toBe(false);
    expect(check(good, `${NOW} `, body)).toBe(false);
    expect(check(good, '1e9', body)).toBe(false);
    expect(check(good, '9'.repeat(5000), body)).toBe(false);
    expect(check(good.toUpperCase(), String(NOW), body)).toBe(false);
    expect(check(good.slice(0, -1), String(NOW), body)).toBe(false);
    expect(check(`${good}0`, String(NOW), body)).toBe(false);
    expect(check(`v1=${good.slice(3)}`, String(NOW), body)).toBe(false);
    expect(check('é'.repeat(100_000), String(NOW), body)).toBe(false);
  });
});
