/**
 * The "done when": `npm start` in HTTP mode, SLACK_API_URL pointing at a local
 * fake, answers a signed /lessons within Slack's 3 s, refuses a forged one, and never
 * lets a query mention the channel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSlackApi, startFakeSlackApi } from '../helpers/slack-fake-api.ts';
import { SIGNING_SECRET, slashCommand } from '../helpers/slack-signing.ts';
import { type RunningServer, startServer } from '../helpers/start-server.ts';

let api: FakeSlackApi;
let server: RunningServer;

beforeAll(async () => {
  api = await startFakeSlackApi();
  server = await startServer({
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: api.apiUrl,
  });
});

afterAll(async () => {
  await server?.stop();
  await api?.close();
});

function text(body: unknown): string {
  return JSON.stringify(body);
}

describe('npm start with Slack in HTTP mode', () => {
  // Bolt gives up on a request it has not acknowledged after 3 s (Slack's limit), so an
  // answer carrying the blocks is the proof it came in time; speed itself is benchmarked.
  it('answers a signed /lessons with the chronology lessons in the acknowledgement', async () => {
    const res = await slashCommand(`${server.url}/slack/events`, {
      text: 'lessons on chronologies',
      response_url: api.responseUrl(),
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ response_type: 'ephemeral' });
    const shown = text(body);
    expect(shown).toContain('Child R · Southwark · 2015');
    expect(shown).toMatch(/genogram, an up-to-date chronology/);
    expect(shown).toMatch(/chronologies and LSCB Neglect Tools/);
  });

  it('refuses a forged signature with 401 and calls no Web API method', async () => {
    const before = api.calls.length;
    const res = await slashCommand(
      `${server.url}/slack/events`,
      { text: 'neglect', response_url: api.responseUrl() },
      { secret: 'not-the-secret' },
    );
    expect(res.status).toBe(401);
    expect(api.calls.length).toBe(before);
  });

  it('drops <!channel> from a question: it is neither searched nor echoed', async () => {
    const res = await slashCommand(`${server.url}/slack/events`, {
      text: '<!channel> private law orders',
      response_url: api.responseUrl(),
    });
    expect(res.status).toBe(200);
    const shown = text(await res.json());
    expect(shown).not.toMatch(/<!channel>|&lt;!channel&gt;/);
    expect(shown).toContain('Lessons for “private law orders”');
  });

  it('stops cleanly on SIGTERM', async () => {
    expect(await server.stop()).toBe(0);
  });
});
