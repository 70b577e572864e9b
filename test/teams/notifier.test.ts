/**
 * The Teams Notifier (the core's port) against a fake connector on 127.0.0.1: proactive
 * posts to the conversation a reference names, at that reference's own serviceUrl, with
 * the app's token (a fake token function, no Entra ID), updates in place, and every
 * answer Teams can give sorted into sent, paused, retry or failed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createTeamsNotifier,
  MemoryConversationRefs,
  renderOutgoingCard,
} from '../../src/adapters/teams/index.ts';
import { retryAfterMs } from '../../src/adapters/teams/teams-post-result.ts';
import type { ConversationRef, Metrics, Notifier, Target } from '../../src/core/index.ts';
import { openStore } from '../../src/store/index.ts';
import { outgoing } from '../fixtures/slack/replies.ts';
import { postNow } from '../helpers/post-now.ts';
import { recordingLogger } from '../helpers/recording-logger.ts';
import { cardSchemaErrors } from '../helpers/teams-card-schema.ts';
import { type FakeConnector, startFakeConnector } from '../helpers/teams-fake-connector.ts';
import { FAKE_BOT_TOKEN, fakeTokenProvider } from '../helpers/teams-fake-token.ts';
import { startTeamsHarness, type TeamsHarness } from '../helpers/teams-harness.ts';

const TEAMS = {
  clientId: '00000000-0000-0000-0000-0000000000b0',
  tenantId: '00000000-0000-0000-0000-00000000c0de',
  allowUnauthenticated: false,
};
const CHANNEL = '19:safeguardingteam@thread.tacv2';
const TARGET: Target = { platform: 'teams', workspace: TEAMS.tenantId, channel: CHANNEL };
const BRIEFING = outgoing.briefing;

function ref(serviceUrl: string, conversationId = CHANNEL): ConversationRef {
  return {
    platform: 'teams',
    tenantId: TEAMS.tenantId,
    teamId: '19:generalchannel@thread.tacv2',
    channelId: conversationId,
    conversationId,
    conversationType: 'channel',
    serviceUrl,
    updatedAt: '2026-11-20T09:00:00.000Z',
  };
}

function recordingMetrics(): Metrics & { errors: string[] } {
  const errors: string[] = [];
  return {
    errors,
    commandHandled() {},
    searchTimed() {},
    deliveryOutcome() {},
    platformError: (platform, error) => errors.push(`${platform}:${error}`),
  };
}

let connector: FakeConnector;
let refs: MemoryConversationRefs;
let metrics: ReturnType<typeof recordingMetrics>;
let logger: ReturnType<typeof recordingLogger>;
let notifier: Notifier;

beforeEach(async () => {
  connector = await startFakeConnector();
  refs = new MemoryConversationRefs();
  await refs.save(ref(connector.serviceUrl));
  metrics = recordingMetrics();
  logger = recordingLogger();
  notifier = createTeamsNotifier({
    teams: TEAMS,
    tokenProvider: fakeTokenProvider,
    conversations: refs,
    metrics,
    logger,
    timeoutMs: 500,
  });
});
afterEach(() => connector.close());

describe('createTeamsNotifier', () => {
  it('posts the card to the conversation with the app’s token; the activity id is the messageRef', async () => {
    const result = await postNow(notifier, TARGET, BRIEFING);
    expect(result).toEqual({ ok: true, messageRef: 'activity-1' });
    const [posted] = connector.posted;
    expect(posted?.conversationId).toBe(CHANNEL);
    expect(posted?.targeted).toBe(false);
    expect(posted?.authorization).toBe(`Bearer ${FAKE_BOT_TOKEN}`);
    expect(posted?.body.from).toMatchObject({ id: TEAMS.clientId });
    const card = posted?.body.attachments?.[0]?.content;
    expect(cardSchemaErrors(card)).toEqual([]);
    expect(card).toEqual(renderOutgoingCard(BRIEFING));
    expect(JSON.stringify(logger.lines)).not.toContain(FAKE_BOT_TOKEN);
  });

  it('uses each conversation’s own serviceUrl, not a global one', async () => {
    const elsewhere = await startFakeConnector();
    try {
      await refs.save(ref(elsewhere.serviceUrl, '19:other@thread.tacv2'));
      const result = await postNow(
        notifier,
        { ...TARGET, channel: '19:other@thread.tacv2' },
        BRIEFING,
      );
      expect(result.ok).toBe(true);
      expect(elsewhere.posted).toHaveLength(1);
      expect(connector.posted).toEqual([]);
    } finally {
      await elsewhere.close();
    }
  });

  it('updates a posted card in place', async () => {
    await postNow(notifier, TARGET, BRIEFING);
    const counted = {
      kind: 'briefing' as const,
      briefing: { ...BRIEFING.briefing, acknowledgements: 4 },
    };
    expect(await notifier.update(TARGET, 'activity-1', counted)).toEqual({
      ok: true,
      messageRef: 'activity-1',
    });
    const [update] = connector.updated;
    expect(update).toMatchObject({ conversationId: CHANNEL, activityId: 'activity-1' });
    expect(JSON.stringify(update?.body)).toContain('Discussed by this team (4 confirmed)');
  });

  it('reports a conversation it has no reference for as paused, without calling Teams', async () => {
    const result = await postNow(
      notifier,
      { ...TARGET, channel: '19:unknown@thread.tacv2' },
      BRIEFING,
    );
    expect(result).toMatchObject({ ok: false, outcome: 'paused' });
    expect(result.ok === false && result.error).toMatch(/^no_reference/);
    expect(connector.posted).toEqual([]);
    expect(metrics.errors).toEqual(['teams:no_reference']);
  });

  it.each([
    [403, 'BotNotInConversationRoster', 'paused'],
    [404, 'ConversationNotFound', 'paused'],
    [412, 'PreconditionFailed', 'retry'],
    [500, 'InternalServerError', 'retry'],
    [502, 'BadGateway', 'retry'],
    [503, 'ServiceUnavailable', 'retry'],
    [504, 'GatewayTimeout', 'retry'],
    [400, 'BadArgument', 'failed'],
    [401, 'Unauthorized', 'failed'],
    [413, 'MessageSizeTooBig', 'failed'],
  ])('sorts HTTP %i %s as %s', async (status, code, outcome) => {
    connector.answerNext({ status, code });
    const result = await postNow(notifier, TARGET, BRIEFING);
    expect(result).toEqual({ ok: false, outcome, error: `HTTP ${status} ${code}` });
    expect(metrics.errors).toEqual([`teams:http_${status}`]);
  });

  it('passes on Retry-After, in milliseconds, when Teams answers 429', async () => {
    connector.answerNext({ status: 429, headers: { 'retry-after': '7' } });
    expect(await postNow(notifier, TARGET, BRIEFING)).toMatchObject({
      ok: false,
      outcome: 'retry',
      retryAfterMs: 7000,
    });
    expect(retryAfterMs('Fri, 20 Nov 2026 09:00:30 GMT', Date.parse('2026-11-20T09:00:00Z'))).toBe(
      30_000,
    );
    expect(retryAfterMs('soon')).toBeUndefined();
  });

  it('retries later when the connection drops or Teams does not answer in time', async () => {
    connector.answerNext('drop', 'hang');
    expect(await postNow(notifier, TARGET, BRIEFING)).toMatchObject({
      ok: false,
      outcome: 'retry',
    });
    const started = Date.now();
    const late = await postNow(notifier, TARGET, BRIEFING);
    expect(late).toMatchObject({ ok: false, outcome: 'retry' });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(metrics.errors).toEqual(['teams:network', 'teams:network']);
  });

  it('sorts a failed update like a post', async () => {
    connector.answerNext({ status: 404, code: 'ActivityNotFound' });
    expect(await notifier.update(TARGET, 'activity-9', BRIEFING)).toMatchObject({
      ok: false,
      outcome: 'paused',
    });
  });

  it('tries again later when the store cannot say where the conversation is', async () => {
    class Unavailable extends MemoryConversationRefs {
      override async get(): Promise<ConversationRef | undefined> {
        throw new Error('database is locked');
      }
    }
    const broken = createTeamsNotifier({
      teams: TEAMS,
      tokenProvider: fakeTokenProvider,
      conversations: new Unavailable(),
    });
    expect(await postNow(broken, TARGET, BRIEFING)).toMatchObject({ ok: false, outcome: 'retry' });
    expect(connector.posted).toEqual([]);
  });

  it('refuses clearly without credentials, posting nothing', async () => {
    const bare = createTeamsNotifier({
      teams: { allowUnauthenticated: false },
      conversations: refs,
    });
    const result = await postNow(bare, TARGET, BRIEFING);
    expect(result).toMatchObject({ ok: false, outcome: 'failed' });
    expect(result.ok === false && result.error).toMatch(/^not_configured/);
    expect(connector.posted).toEqual([]);
  });

  describe('prepared, then sent', () => {
    /** the steps seen in order: reading the reference, and requests made when prepared */
    function watching() {
      const steps: string[] = [];
      const get = refs.get.bind(refs);
      refs.get = async (id) => {
        steps.push('reference read');
        return get(id);
      };
      const prepare = async (on: Notifier, target = TARGET) => {
        const post = await on.prepare(target, BRIEFING);
        steps.push(`prepared with ${connector.posted.length} requests made`);
        return post;
      };
      return { steps, prepare };
    }

    it('reads the reference to prepare, with no request, and makes one to send', async () => {
      const { steps, prepare } = watching();
      const post = await prepare(notifier);
      expect(post.ok && (await post.send())).toEqual({ ok: true, messageRef: 'activity-1' });
      expect(steps).toEqual(['reference read', 'prepared with 0 requests made']);
      expect(connector.posted).toHaveLength(1);
    });

    it('makes its one request when Teams refuses it too', async () => {
      connector.answerNext({ status: 503, code: 'ServiceUnavailable' });
      const { steps, prepare } = watching();
      const post = await prepare(notifier);
      expect(post.ok && (await post.send())).toMatchObject({ outcome: 'retry' });
      expect(steps).toEqual(['reference read', 'prepared with 0 requests made']);
    });

    it('sends nothing for a post prepared and never sent (the claim was lost)', async () => {
      const { prepare } = watching();
      expect(await prepare(notifier)).toMatchObject({ ok: true });
      expect(connector.posted).toEqual([]);
      expect(metrics.errors).toEqual([]);
    });

    it('refuses to prepare, sending nothing, without a reference, credentials or store', async () => {
      const { prepare } = watching();
      const unknown = { ...TARGET, channel: '19:unknown@thread.tacv2' };
      expect(await prepare(notifier, unknown)).toMatchObject({ ok: false, outcome: 'paused' });
      const bare = createTeamsNotifier({
        teams: { allowUnauthenticated: false },
        conversations: refs,
      });
      expect(await prepare(bare)).toMatchObject({ ok: false, outcome: 'failed' });
      class Unavailable extends MemoryConversationRefs {
        override async get(): Promise<ConversationRef | undefined> {
          throw new Error('database is locked');
        }
      }
      const broken = createTeamsNotifier({
        teams: TEAMS,
        tokenProvider: fakeTokenProvider,
        conversations: new Unavailable(),
      });
      expect(await prepare(broken)).toMatchObject({ ok: false, outcome: 'retry' });
      expect(connector.posted).toEqual([]);
    });
  });

  it('finds the conversations the store keeps', async () => {
    const store = await openStore('sqlite::memory:');
    try {
      await store.conversations.save(ref(connector.serviceUrl));
      const stored = createTeamsNotifier({
        teams: TEAMS,
        tokenProvider: fakeTokenProvider,
        conversations: store.conversations,
      });
      expect(await postNow(stored, TARGET, BRIEFING)).toEqual({
        ok: true,
        messageRef: 'activity-1',
      });
      await store.conversations.forget(CHANNEL);
      expect(await postNow(stored, TARGET, BRIEFING)).toMatchObject({ outcome: 'paused' });
    } finally {
      await store.close();
    }
  });
});

describe('the bot’s own notifier', () => {
  let h: TeamsHarness;
  afterEach(() => h.close());

  it('posts with the bot’s credentials to the conversations the bot remembers', async () => {
    h = await startTeamsHarness({ teams: TEAMS, tokenProvider: fakeTokenProvider });
    await h.conversations.save(ref(h.connector.serviceUrl));
    expect(await postNow(h.bot.notifier, TARGET, BRIEFING)).toEqual({
      ok: true,
      messageRef: 'activity-1',
    });
    expect(h.connector.posted[0]?.authorization).toBe(`Bearer ${FAKE_BOT_TOKEN}`);
  });

  it('refuses in local mode, where there are no credentials to post with', async () => {
    h = await startTeamsHarness();
    await h.conversations.save(ref(h.connector.serviceUrl));
    expect(await postNow(h.bot.notifier, TARGET, BRIEFING)).toMatchObject({ outcome: 'failed' });
    expect(h.connector.posted).toEqual([]);
  });
});
