/**
 * Socket Mode, offline: the bot asks the fake apps.connections.open for a URL, connects
 * to a local WebSocket server, is greeted with `hello`, and answers envelopes in its acks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackBot, type SlackBot } from '../../src/adapters/slack/index.ts';
import { blockKitProblems, sharedLessonIds, visibleTexts } from '../helpers/slack-blocks.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../helpers/slack-fake-api.ts';
import { realDeps, recordingLogger } from '../helpers/slack-harness.ts';
import {
  appHomeOpenedBody,
  blockActionsPayload,
  SIGNING_SECRET,
} from '../helpers/slack-signing.ts';
import { type FakeSocketServer, startFakeSocketServer } from '../helpers/slack-socket-fake.ts';

let api: FakeSlackApi;
let socket: FakeSocketServer;
let bot: SlackBot;
let envelopes = 0;

beforeAll(async () => {
  api = await startFakeSlackApi();
  socket = await startFakeSocketServer();
  api.answer('apps.connections.open', { ok: true, url: socket.url });
  bot = createSlackBot({
    deps: await realDeps(),
    slack: {
      botToken: 'xoxb-test',
      signingSecret: SIGNING_SECRET,
      appToken: 'xapp-test',
      apiUrl: api.apiUrl,
      retryConfig: { retries: 0 },
    },
    logger: recordingLogger(),
  });
  await bot.start();
  await socket.connected;
});

afterAll(async () => {
  await bot.stop();
  await socket.close();
  await api.close();
});

function slashEnvelope(text: string) {
  envelopes += 1;
  return {
    envelope_id: `env-${envelopes}`,
    type: 'slash_commands' as const,
    accepts_response_payload: true,
    payload: {
      token: 'deprecated',
      team_id: 'T1',
      channel_id: 'C1',
      user_id: 'U123',
      command: '/lessons',
      text,
      api_app_id: 'A1',
      response_url: api.responseUrl(),
      trigger_id: '1.2.3',
    },
  };
}

describe('Socket Mode', () => {
  it('connects with the app-level token, not the bot token', () => {
    expect(bot.mode).toBe('socket');
    expect(api.callsTo('apps.connections.open').map((c) => c.tokenKind)).toEqual(['xapp']);
    expect(api.callsTo('auth.test').map((c) => c.tokenKind)).toEqual(['xoxb']);
  });

  it('answers /lessons in the ack of the envelope', async () => {
    const ack = await socket.deliver(slashEnvelope('lessons on chronologies'));
    const payload = ack.payload as { response_type: string; text: string; blocks: unknown[] };
    expect(payload.response_type).toBe('ephemeral');
    expect(blockKitProblems(payload, { surface: 'message' })).toEqual([]);
    expect(payload.text).toContain('chronologies');
    const deps = await realDeps();
    const shown = sharedLessonIds(payload);
    expect(shown).toHaveLength(3);
    for (const id of shown)
      expect(deps.corpus.lessonById.get(id)?.themes).toContain('chronologies');
  });

  it('never mentions anyone for "<!channel>"', async () => {
    const ack = await socket.deliver(slashEnvelope('<!channel> neglect'));
    const payload = ack.payload as { text: string; blocks: unknown[] };
    expect(visibleTexts(payload).join('\n')).not.toMatch(/<[!@#]/);
  });

  it('shares once when Slack redelivers the same click (retry_attempt)', async () => {
    const before = api.callsTo('chat.postMessage').length;
    const payload = blockActionsPayload({
      button: {
        action_id: 'lessons:share:0',
        value: JSON.stringify({ kind: 'share', id: 'southwark-child-r/8' }),
      },
      response_url: api.responseUrl(),
      action_ts: '1700000200.000001',
    });
    await socket.deliver({
      envelope_id: 'click-1',
      type: 'interactive',
      payload,
      accepts_response_payload: false,
    });
    await socket.deliver({
      envelope_id: 'click-1',
      type: 'interactive',
      payload,
      retry_attempt: 1,
      retry_reason: 'timeout',
    });
    await api.waitFor(() => api.callsTo('chat.postMessage').length > before, 'chat.postMessage');
    await new Promise((r) => setTimeout(r, 200));
    const posts = api.callsTo('chat.postMessage').slice(before);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.tokenKind).toBe('xoxb');
  });

  it('publishes the Home tab on app_home_opened', async () => {
    const before = api.callsTo('views.publish').length;
    await socket.deliver({
      envelope_id: 'home-1',
      type: 'events_api',
      payload: appHomeOpenedBody('U777'),
      accepts_response_payload: false,
      retry_attempt: 0,
      retry_reason: '',
    });
    await api.waitFor(() => api.callsTo('views.publish').length > before, 'views.publish');
    expect(api.callsTo('views.publish').at(-1)?.args.user_id).toBe('U777');
  });
});
