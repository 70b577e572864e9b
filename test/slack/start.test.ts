/** Starting fails early, and says which setting to fix, when the configuration cannot work. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../../src/adapters/http/index.ts';
import { createSlackBot } from '../../src/adapters/slack/index.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../helpers/slack-fake-api.ts';
import { realDeps, recordingLogger } from '../helpers/slack-harness.ts';
import { SIGNING_SECRET } from '../helpers/slack-signing.ts';

let api: FakeSlackApi;
beforeAll(async () => {
  api = await startFakeSlackApi();
});
afterAll(() => api.close());

describe('createSlackBot', () => {
  it('refuses to start when Slack rejects the bot token, naming the variable', async () => {
    api.answer('auth.test', { ok: false, error: 'invalid_auth' });
    const logger = recordingLogger();
    const bot = createSlackBot({
      deps: await realDeps(),
      slack: {
        botToken: 'xoxb-revoked',
        signingSecret: SIGNING_SECRET,
        apiUrl: api.apiUrl,
        retryConfig: { retries: 0 },
      },
      http: createHttpApp(),
      logger,
    });
    await expect(bot.start()).rejects.toThrow(/SLACK_BOT_TOKEN/);
    expect(JSON.stringify(logger.lines)).not.toContain('xoxb-revoked');
  });

  it('needs the shared express app and the signing secret in HTTP mode', async () => {
    const deps = await realDeps();
    const logger = recordingLogger();
    expect(() =>
      createSlackBot({
        deps,
        slack: { botToken: 'xoxb-t', signingSecret: SIGNING_SECRET },
        logger,
      }),
    ).toThrow(/options\.http/);
    expect(() =>
      createSlackBot({ deps, slack: { botToken: 'xoxb-t' }, http: createHttpApp(), logger }),
    ).toThrow(/SLACK_SIGNING_SECRET/);
  });

  it('needs neither in Socket Mode', async () => {
    const bot = createSlackBot({
      deps: await realDeps(),
      slack: { botToken: 'xoxb-t', appToken: 'xapp-t' },
      logger: recordingLogger(),
    });
    expect(bot.mode).toBe('socket');
  });
});
