/**
 * The "done when": `npm start` with no credentials serves Teams in local mode on
 * 127.0.0.1, and "lessons on chronologies" POSTed to /api/messages makes the bot post an
 * Adaptive Card with the chronology lessons to the conversation's service URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../helpers/start-server.ts';
import { personalMessage, postActivity } from '../helpers/teams-activities.ts';
import { type FakeConnector, startFakeConnector } from '../helpers/teams-fake-connector.ts';

let connector: FakeConnector;
let server: RunningServer;

beforeAll(async () => {
  connector = await startFakeConnector();
  server = await startServer({});
});

afterAll(async () => {
  await server?.stop();
  await connector?.close();
});

describe('npm start with no credentials', () => {
  it('answers a Teams message in local mode with an Adaptive Card of chronology lessons', async () => {
    const answer = await postActivity(
      server.url,
      personalMessage(connector.serviceUrl, 'lessons on chronologies'),
    );
    expect(answer.status).toBeLessThan(300);
    const [posted] = await connector.waitFor(1);
    const card = posted?.body.attachments?.[0];
    expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card?.content).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    const shown = JSON.stringify(card?.content);
    expect(shown).toMatch(/genogram, an up-to-date chronology/);
    expect(shown).toMatch(/chronologies and LSCB Neglect Tools/);
  });

  it('says in its log that Teams accepts unauthenticated requests only on loopback', () => {
    expect(server.output().stderr).toMatch(/"level":40[^\n]*(unauthenticated|local mode)/i);
  });

  it('stops cleanly on SIGTERM', async () => {
    expect(await server.stop()).toBe(0);
  });
});
