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

/** Slack's published example: https://docs.slack.dev/authentication/verifying-requests-from-slack */
const SLACK_EXAMPLE = {
  secret: '8f742231b10e8888abcd99yyyzzz85a5',
  timestamp: '1531420618',
  body: 'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
  signature: 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
};

describe("Slack's published example", () => {
  const exampleKey = createSecretKey(Buffer.from(SLACK_EXAMPLE.secret));
  // The clock frozen at the example's own second: the five-minute window holds.
  const frozen = Number(SLACK_EXAMPLE.timestamp);
  const verify = (signature: string, timestamp: string, body: string, now = frozen) =>
    isSignedBySlack(exampleKey, { signature, timestamp }, Buffer.from(body), now);

  it('is accepted at its own time, and refused six minutes later', () => {
    const { signature, timestamp, body } = SLACK_EXAMPLE;
    expect(verify(signature, timestamp, body)).toBe(true);
    expect(verify(signature, timestamp, body, frozen + 360)).toBe(false);
  });

  it('is refused after any one-byte change to its body, signature or timestamp', () => {
    const { signature, timestamp, body } = SLACK_EXAMPLE;
    const flip = (text: string, i: number) =>
      `${text.slice(0, i)}${String.fromCharCode(text.charCodeAt(i) ^ 1)}${text.slice(i + 1)}`;
    for (let i = 0; i < body.length; i++)
      expect(verify(signature, timestamp, flip(body, i))).toBe(false);
    for (let i = 0; i < signature.length; i++)
      expect(verify(flip(signature, i), timestamp, body)).toBe(false);
    for (let i = 0; i < timestamp.length; i++)
      expect(verify(signature, flip(timestamp, i), body)).toBe(false);
  });
});

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
