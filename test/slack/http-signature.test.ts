/**
 * Requests Slack did not sign (or signed too long ago) are refused before any handler
 * runs: 401, no answer, no Web API call.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpHarness, startHttpHarness } from '../helpers/slack-harness.ts';
import {
  appHomeOpenedBody,
  postSigned,
  SIGNING_SECRET,
  sendEvent,
  sign,
  slashCommandBody,
} from '../helpers/slack-signing.ts';

let h: HttpHarness;
let callsAtStart: number;

beforeAll(async () => {
  h = await startHttpHarness();
  // auth.test at start is the only call expected.
  callsAtStart = h.api.calls.length;
});
afterAll(() => h.close());

const FORM = 'application/x-www-form-urlencoded';

function nothingHappened() {
  expect(h.api.calls.length).toBe(callsAtStart);
  expect(h.api.responsePosts).toEqual([]);
  expect(
    h.logger.lines.filter(
      (l) => l.message.startsWith('slack command') || l.message.startsWith('slack button'),
    ),
  ).toEqual([]);
}

describe('request signatures', () => {
  it('accepts a correctly signed slash command (the control case)', async () => {
    const res = await postSigned(h.eventsUrl, {
      body: slashCommandBody({ text: 'help', response_url: h.api.responseUrl() }),
      contentType: FORM,
    });
    expect(res.status).toBe(200);
    h.logger.lines.length = 0;
  });

  it('refuses a slash command signed with the wrong secret', async () => {
    const body = slashCommandBody({ text: 'neglect', response_url: h.api.responseUrl() });
    const res = await postSigned(h.eventsUrl, { body, contentType: FORM, secret: 'forged-secret' });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'unauthorized' });
    nothingHappened();
  });

  it('refuses a correctly signed request that is 10 minutes old (a replay)', async () => {
    const body = slashCommandBody({ text: 'neglect', response_url: h.api.responseUrl() });
    const res = await postSigned(h.eventsUrl, {
      body,
      contentType: FORM,
      timestamp: Math.floor(Date.now() / 1000) - 600,
    });
    expect(res.status).toBe(401);
    nothingHappened();
  });

  it('refuses a body altered after signing', async () => {
    const body = slashCommandBody({ text: 'neglect', response_url: h.api.responseUrl() });
    const timestamp = Math.floor(Date.now() / 1000);
    const signed = sign(SIGNING_SECRET, timestamp, body);
    const res = await fetch(h.eventsUrl, {
      method: 'POST',
      headers: {
        'content-type': FORM,
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': signed,
      },
      body: body.replace('neglect', 'themes'),
    });
    expect(res.status).toBe(401);
    nothingHappened();
  });

  it('refuses an unsigned request and a forged event', async () => {
    const unsigned = await fetch(h.eventsUrl, {
      method: 'POST',
      headers: { 'content-type': FORM },
      body: 'text=neglect',
    });
    expect(unsigned.status).toBe(401);
    const forged = await sendEvent(h.eventsUrl, appHomeOpenedBody(), { secret: 'forged-secret' });
    expect(forged.status).toBe(401);
    nothingHappened();
  });

  it('refuses a body over 1 MB with 413, signed or not, and reads no further', async () => {
    const body = slashCommandBody({
      text: 'x'.repeat(2_000_000),
      response_url: h.api.responseUrl(),
    });
    const res = await postSigned(h.eventsUrl, { body, contentType: FORM });
    expect(res.status).toBe(413);
    nothingHappened();
  });

  it('still answers a correctly signed command after all that', async () => {
    const res = await postSigned(h.eventsUrl, {
      body: slashCommandBody({ text: 'neglect', response_url: h.api.responseUrl() }),
      contentType: FORM,
    });
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).toContain('Neglect');
  });
});
