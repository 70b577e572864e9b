/**
 * Behind an outbound proxy, as many councils are: the bot's replies and its proactive
 * posts go through HTTP_PROXY / HTTPS_PROXY (the Teams SDK's HTTP client, axios, reads
 * them for every request), and NO_PROXY lets hosts past it. The proxy and the fake
 * connector both listen on 127.0.0.1.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTeamsNotifier, MemoryConversationRefs } from '../../src/adapters/teams/index.ts';
import type { ConversationRef, Target } from '../../src/core/index.ts';
import { outgoing } from '../fixtures/slack/replies.ts';
import { type ForwardProxy, startForwardProxy } from '../helpers/forward-proxy.ts';
import { postNow } from '../helpers/post-now.ts';
import { runNode } from '../helpers/run-process.ts';
import { personalMessage, postActivity } from '../helpers/teams-activities.ts';
import { type FakeConnector, startFakeConnector } from '../helpers/teams-fake-connector.ts';
import { FAKE_BOT_TOKEN, fakeTokenProvider } from '../helpers/teams-fake-token.ts';
import { startTeamsHarness } from '../helpers/teams-harness.ts';

const TEAMS = {
  clientId: '00000000-0000-0000-0000-0000000000b0',
  tenantId: '00000000-0000-0000-0000-00000000c0de',
  allowUnauthenticated: false,
};
const CHANNEL = '19:safeguardingteam@thread.tacv2';
const POST_ONCE = new URL('../helpers/teams-post-once.ts', import.meta.url).pathname;
const TARGET: Target = { platform: 'teams', workspace: TEAMS.tenantId, channel: CHANNEL };

function ref(serviceUrl: string): ConversationRef {
  return {
    platform: 'teams',
    tenantId: TEAMS.tenantId,
    teamId: '19:generalchannel@thread.tacv2',
    channelId: CHANNEL,
    conversationId: CHANNEL,
    conversationType: 'channel',
    serviceUrl,
    updatedAt: '2026-11-20T09:00:00.000Z',
  };
}

async function notifierFor(serviceUrl: string) {
  const conversations = new MemoryConversationRefs();
  await conversations.save(ref(serviceUrl));
  return createTeamsNotifier({
    teams: TEAMS,
    tokenProvider: fakeTokenProvider,
    conversations,
    timeoutMs: 2_000,
  });
}

/** Only these: a proxy variable already in the environment must not decide the test. */
function useProxyEnv(env: { http?: string; https?: string; noProxy?: string }) {
  for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'ALL_PROXY']) {
    vi.stubEnv(name, '');
    vi.stubEnv(name.toLowerCase(), '');
  }
  if (env.http) vi.stubEnv('HTTP_PROXY', env.http);
  if (env.https) vi.stubEnv('HTTPS_PROXY', env.https);
  if (env.noProxy) vi.stubEnv('NO_PROXY', env.noProxy);
}

let proxy: ForwardProxy;
let connector: FakeConnector;
beforeEach(async () => {
  proxy = await startForwardProxy();
  connector = await startFakeConnector();
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all([proxy.close(), connector.close()]);
});

describe('an outbound proxy', () => {
  it('carries a proactive post to the connector (HTTP_PROXY)', async () => {
    useProxyEnv({ http: proxy.url });
    const notifier = await notifierFor(connector.serviceUrl);
    expect(await postNow(notifier, TARGET, outgoing.briefing)).toEqual({
      ok: true,
      messageRef: 'activity-1',
    });
    expect(proxy.seen).toEqual([
      {
        method: 'POST',
        target: `${connector.serviceUrl}v3/conversations/${CHANNEL}/activities`,
        authorization: `Bearer ${FAKE_BOT_TOKEN}`,
      },
    ]);
    expect(connector.posted).toHaveLength(1);
  });

  it('carries the bot’s reply to a message (HTTP_PROXY)', async () => {
    useProxyEnv({ http: proxy.url });
    const h = await startTeamsHarness();
    try {
      const message = personalMessage(h.connector.serviceUrl, 'lessons on chronologies');
      expect((await postActivity(h.url, message)).status).toBe(200);
      const [reply] = await h.connector.waitFor(1);
      expect(reply?.conversationId).toBe('a:1personalchat');
      expect(proxy.seen).toEqual([
        {
          method: 'POST',
          target: `${h.connector.serviceUrl}v3/conversations/a:1personalchat/activities`,
          // local mode: no credentials, so no token
          authorization: undefined,
        },
      ]);
    } finally {
      await h.close();
    }
  });

  it('asks for a tunnel for an HTTPS connector (HTTPS_PROXY), so the proxy never reads the token', async () => {
    useProxyEnv({ https: proxy.url });
    const host = new URL(connector.serviceUrl).host;
    const notifier = await notifierFor(`https://${host}/`);
    const result = await postNow(notifier, TARGET, outgoing.briefing);
    // This proxy refuses every tunnel: the post is given back to the runner to try again.
    expect(result).toMatchObject({ ok: false, outcome: 'retry' });
    expect(proxy.seen).toEqual([{ method: 'CONNECT', target: host, authorization: undefined }]);
    expect(connector.posted).toEqual([]);
  });

  it('is passed by for the hosts in NO_PROXY', async () => {
    useProxyEnv({ http: proxy.url, noProxy: 'localhost,127.0.0.1' });
    const notifier = await notifierFor(connector.serviceUrl);
    expect((await postNow(notifier, TARGET, outgoing.briefing)).ok).toBe(true);
    expect(proxy.seen).toEqual([]);
    expect(connector.posted).toHaveLength(1);
  });

  it('is not used without HTTP_PROXY or HTTPS_PROXY', async () => {
    useProxyEnv({});
    const notifier = await notifierFor(connector.serviceUrl);
    expect((await postNow(notifier, TARGET, outgoing.briefing)).ok).toBe(true);
    expect(proxy.seen).toEqual([]);
  });
});

describe('an outbound proxy for the whole process', () => {
  it('also carries the SDK’s token request when Node’s own clients use it (NODE_USE_ENV_PROXY=1)', async () => {
    const run = await runNode(POST_ONCE, [], {
      env: { HTTPS_PROXY: proxy.url, NODE_USE_ENV_PROXY: '1' },
    });
    expect(run.code, run.stderr).toBe(0);
    // The proxy refuses the tunnel: no token, so the post is left for a retry.
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, outcome: 'retry' });
    expect(proxy.seen).toEqual([
      { method: 'CONNECT', target: 'login.microsoftonline.com:443', authorization: undefined },
    ]);
  });
});
