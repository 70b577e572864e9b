/**
 * The Slack Notifier (the core's port) against the fake Web API on 127.0.0.1:
 * chat.postMessage and chat.update with blocks and a fallback, and every answer Slack
 * can give sorted into sent, paused, gone, retry or failed, with no retries of its own.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSlackNotifier, renderOutgoing } from '../../src/adapters/slack/index.ts';
import type { Metrics, Target } from '../../src/core/index.ts';
import { outgoing } from '../fixtures/slack/replies.ts';
import { postNow } from '../helpers/post-now.ts';
import { recordingLogger } from '../helpers/recording-logger.ts';
import { blockKitProblems } from '../helpers/slack-blocks.ts';
import {
  type FakeSlackApi,
  type HttpFailure,
  startFakeSlackApi,
} from '../helpers/slack-fake-api.ts';

const TARGET: Target = { platform: 'slack', workspace: 'T1', channel: 'C1', label: '#early-help' };
const BRIEFING = outgoing.briefing;
const TOKEN = 'xoxb-secret-token-1';

let api: FakeSlackApi;
const errors: string[] = [];
const metrics: Metrics = {
  commandHandled() {},
  searchTimed() {},
  deliveryOutcome() {},
  platformError: (platform, error) => errors.push(`${platform}:${error}`),
};
const logger = recordingLogger();

beforeAll(async () => {
  api = await startFakeSlackApi();
});
afterAll(() => api.close());
afterEach(() => {
  api.calls.length = 0;
  errors.length = 0;
  api.answer('chat.postMessage', (args) => ({
    ok: true,
    channel: args.channel,
    ts: '1700000000.000100',
  }));
});

const notifier = () =>
  createSlackNotifier({ botToken: TOKEN, apiUrl: api.apiUrl, metrics, logger, timeoutMs: 500 });

describe('createSlackNotifier', () => {
  it('posts the card with blocks, a fallback and no unfurling; the messageRef is channel/ts', async () => {
    api.answer('chat.postMessage', { ok: true, channel: 'C1', ts: '1700000000.000100' });
    const result = await postNow(notifier(), TARGET, BRIEFING);
    expect(result).toEqual({ ok: true, messageRef: 'C1/1700000000.000100' });
    const [call] = api.callsTo('chat.postMessage');
    expect(call?.tokenKind).toBe('xoxb');
    expect(call?.args).toMatchObject({
      channel: 'C1',
      // The Web API is form-encoded: booleans arrive as words.
      unfurl_links: 'false',
      unfurl_media: 'false',
      ...renderOutgoing(BRIEFING),
    });
    expect(blockKitProblems(call?.args as { blocks: unknown[] }, { surface: 'message' })).toEqual(
      [],
    );
  });

  it('updates a posted card in place with chat.update', async () => {
    const counted = {
      kind: 'briefing' as const,
      briefing: { ...BRIEFING.briefing, acknowledgements: 5 },
    };
    const result = await notifier().update(TARGET, 'C1/1700000000.000100', counted);
    expect(result).toEqual({ ok: true, messageRef: 'C1/1700000000.000100' });
    const [call] = api.callsTo('chat.update');
    expect(call?.args).toMatchObject({ channel: 'C1', ts: '1700000000.000100' });
    expect(JSON.stringify(call?.args.blocks)).toContain('Discussed by this team (5 confirmed)');
  });

  it('refuses an update whose reference is not channel/ts, calling nothing', async () => {
    expect(await notifier().update(TARGET, 'nonsense', BRIEFING)).toMatchObject({
      ok: false,
      outcome: 'failed',
    });
    expect(api.callsTo('chat.update')).toEqual([]);
  });

  it.each([
    ['channel_not_found', 'paused'],
    ['not_in_channel', 'paused'],
    ['is_archived', 'gone'],
    ['account_inactive', 'gone'],
    ['token_revoked', 'gone'],
    ['internal_error', 'retry'],
    ['service_unavailable', 'retry'],
    ['invalid_blocks', 'failed'],
    ['msg_blocks_too_long', 'failed'],
    ['invalid_auth', 'failed'],
  ])('sorts Slack’s %s as %s', async (error, outcome) => {
    api.answer('chat.postMessage', { ok: false, error });
    expect(await postNow(notifier(), TARGET, BRIEFING)).toEqual({ ok: false, outcome, error });
    expect(errors).toEqual([`slack:${error}`]);
  });

  it('passes on Retry-After in milliseconds for a 429, at once and without retrying', async () => {
    api.failNext('chat.postMessage', { status: 429, headers: { 'retry-after': '30' } });
    const started = Date.now();
    const result = await postNow(notifier(), TARGET, BRIEFING);
    expect(result).toEqual({
      ok: false,
      outcome: 'retry',
      error: 'ratelimited',
      retryAfterMs: 30_000,
    });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(api.callsTo('chat.postMessage')).toHaveLength(1);
    expect(errors).toEqual(['slack:ratelimited']);
  });

  it.each([500, 502, 503])('retries later after HTTP %i, making one call', async (status) => {
    api.failNext('chat.postMessage', { status });
    expect(await postNow(notifier(), TARGET, BRIEFING)).toEqual({
      ok: false,
      outcome: 'retry',
      error: `HTTP ${status}`,
    });
    expect(api.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('retries later when the connection drops or Slack does not answer in time', async () => {
    api.failNext('chat.postMessage', 'drop', 'hang');
    expect(await postNow(notifier(), TARGET, BRIEFING)).toMatchObject({
      ok: false,
      outcome: 'retry',
    });
    const started = Date.now();
    expect(await postNow(notifier(), TARGET, BRIEFING)).toMatchObject({
      ok: false,
      outcome: 'retry',
    });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(errors).toEqual(['slack:network', 'slack:network']);
  });

  describe('prepared, then sent', () => {
    /** a post prepared, with how many requests Slack had seen by then */
    async function prepared() {
      const post = await notifier().prepare(TARGET, BRIEFING);
      if (!post.ok) throw new Error(`prepare refused: ${post.error}`);
      return { post, seenAtPrepare: api.callsTo('chat.postMessage').length };
    }

    it('makes no request to prepare, and exactly one to send', async () => {
      const { post, seenAtPrepare } = await prepared();
      expect(await post.send()).toMatchObject({ ok: true });
      expect(seenAtPrepare).toBe(0);
      expect(api.callsTo('chat.postMessage')).toHaveLength(1);
    });

    it('makes its one request when Slack refuses it too', async () => {
      api.failNext('chat.postMessage', { status: 429, headers: { 'retry-after': '3' } });
      const { post, seenAtPrepare } = await prepared();
      expect(await post.send()).toMatchObject({ outcome: 'retry' });
      expect(seenAtPrepare).toBe(0);
      expect(api.callsTo('chat.postMessage')).toHaveLength(1);
    });

    it('sends nothing for a post prepared and never sent (the claim was lost)', async () => {
      const { seenAtPrepare } = await prepared();
      expect(seenAtPrepare).toBe(0);
      expect(api.callsTo('chat.postMessage')).toEqual([]);
      expect(errors).toEqual([]);
    });

    it('issues each request when it is sent, never holding one back in the client’s queue', async () => {
      // The Web API client queues calls beyond 100 in flight by default; a call held there
      // would sit marked `sending` without having been made. None of these 150 is answered,
      // so all 150 arrive only if none waits for another.
      const busy = await startFakeSlackApi();
      const hung = Array.from({ length: 150 }, (): HttpFailure => 'hang');
      busy.failNext('chat.postMessage', ...hung);
      const client = createSlackNotifier({
        botToken: TOKEN,
        apiUrl: busy.apiUrl,
        timeoutMs: 60_000,
      });
      const ready = await Promise.all(
        hung.map((_, i) => client.prepare({ ...TARGET, channel: `C${i}` }, BRIEFING)),
      );
      const posts = ready.map((post) => (post.ok ? post.send() : Promise.resolve(post)));
      try {
        await busy.waitFor(
          () => busy.callsTo('chat.postMessage').length === 150,
          'all 150 requests in flight at once',
          10_000,
        );
        expect(ready.every((post) => post.ok)).toBe(true);
      } finally {
        await busy.close();
      }
      const results = await Promise.all(posts);
      expect(results.every((r) => !r.ok && r.outcome === 'retry')).toBe(true);
    });
  });

  it('never logs the token', async () => {
    api.answer('chat.postMessage', { ok: false, error: 'invalid_auth' });
    await postNow(notifier(), TARGET, BRIEFING);
    api.failNext('chat.postMessage', 'drop');
    await postNow(notifier(), TARGET, BRIEFING);
    expect(logger.lines.length).toBeGreaterThan(0);
    expect(JSON.stringify(logger.lines)).not.toContain(TOKEN);
  });
});
