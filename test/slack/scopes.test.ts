/**
 * The scopes in the manifest are enough: drive every feature through the front door and
 * check each Web API method the bot then calls against the scope Slack requires for it.
 * A new method here fails the test until its scope is added to the table and manifest.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BOT_EVENTS, BOT_SCOPES, createSlackNotifier } from '../../src/adapters/slack/index.ts';
import { type HttpHarness, startHttpHarness } from '../helpers/slack-harness.ts';
import {
  appHomeOpenedBody,
  pressButton,
  sendEvent,
  slashCommand,
} from '../helpers/slack-signing.ts';

/** From each method's reference page on docs.slack.dev ("Required scopes"). */
const SCOPE_OF: Record<string, string | null> = {
  'auth.test': null,
  'chat.postMessage': 'chat:write',
  'conversations.info': 'channels:read',
  'views.publish': null,
};

/** From each event's reference page: which scopes deliver it, for public and private channels. */
const EVENT_SCOPES: Record<string, string[]> = {
  app_home_opened: [],
  member_joined_channel: ['channels:read', 'groups:read'],
  'message.im': ['im:history'],
};

let h: HttpHarness;
beforeAll(async () => {
  h = await startHttpHarness();
});
afterAll(() => h.close());

it('calls only Web API methods that the manifest’s bot scopes allow', async () => {
  const res = await slashCommand(h.eventsUrl, {
    text: 'lessons on chronologies',
    response_url: h.api.responseUrl(),
  });
  const answer = (await res.json()) as {
    blocks: Array<{ elements?: Array<{ action_id?: string; value?: string }> }>;
  };
  const buttons = answer.blocks
    .flatMap((b) => b.elements ?? [])
    .filter((e) => e.action_id && e.value);
  for (const b of buttons) {
    await pressButton(h.eventsUrl, {
      button: b as { action_id: string; value: string },
      response_url: h.api.responseUrl(),
    });
  }
  await sendEvent(h.eventsUrl, appHomeOpenedBody());
  // The notifier posts the weekly lesson and asks, when a channel subscribes, whether the bot is there.
  const notifier = createSlackNotifier({ botToken: 'xoxb-test', apiUrl: h.api.apiUrl });
  const target = { platform: 'slack' as const, workspace: 'T1', channel: 'C1' };
  expect(await notifier.unreachable?.(target)).toBeUndefined();
  await h.api.waitFor(
    () => h.api.callsTo('chat.postMessage').length > 0 && h.api.callsTo('views.publish').length > 0,
    'share and home',
  );

  const methods = [...new Set(h.api.calls.map((c) => c.method))].sort();
  expect(methods).toEqual(['auth.test', 'chat.postMessage', 'conversations.info', 'views.publish']);
  for (const method of methods) {
    expect(Object.keys(SCOPE_OF)).toContain(method);
    const scope = SCOPE_OF[method];
    if (scope) expect(BOT_SCOPES).toContain(scope);
  }
});

it('asks for the scopes each subscribed event needs', () => {
  for (const event of BOT_EVENTS) {
    expect(Object.keys(EVENT_SCOPES)).toContain(event);
    for (const scope of EVENT_SCOPES[event] ?? []) expect(BOT_SCOPES).toContain(scope);
  }
});
