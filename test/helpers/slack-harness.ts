/**
 * Wires the Slack front door the way main.ts will, on 127.0.0.1: the real corpus and
 * search index, the shared express app, and the real Bolt app talking to a fake Web API.
 */
import { createHttpApp, type ListeningServer, listen } from '../../src/adapters/http/index.ts';
import {
  createSlackBot,
  type SlackBot,
  type SlackBotOptions,
} from '../../src/adapters/slack/index.ts';
import { realDeps } from './real-deps.ts';
import { recordingLogger } from './recording-logger.ts';
import { type FakeSlackApi, startFakeSlackApi } from './slack-fake-api.ts';
import { SIGNING_SECRET } from './slack-signing.ts';

export { LESSONS_DIR, realDeps } from './real-deps.ts';
export { type LogLine, recordingLogger } from './recording-logger.ts';

export interface HttpHarness {
  api: FakeSlackApi;
  bot: SlackBot;
  server: ListeningServer;
  /** http://127.0.0.1:PORT/slack/events */
  eventsUrl: string;
  logger: ReturnType<typeof recordingLogger>;
  close(): Promise<void>;
}

/** Options for the bot, or a function of the fake Web API that makes them (e.g. a notifier pointed at it). */
export type HarnessExtra =
  | Partial<SlackBotOptions>
  | ((api: FakeSlackApi) => Partial<SlackBotOptions> | Promise<Partial<SlackBotOptions>>);

export async function startHttpHarness(extraOrMake: HarnessExtra = {}): Promise<HttpHarness> {
  const api = await startFakeSlackApi();
  const extra = typeof extraOrMake === 'function' ? await extraOrMake(api) : extraOrMake;
  const http = createHttpApp();
  const logger = recordingLogger();
  const bot = createSlackBot({
    deps: await realDeps(),
    slack: {
      botToken: 'xoxb-test',
      signingSecret: SIGNING_SECRET,
      apiUrl: api.apiUrl,
      retryConfig: { retries: 0 },
    },
    http,
    logger,
    ...extra,
  });
  await bot.start();
  const server = await listen(http, { host: '127.0.0.1', port: 0 });
  return {
    api,
    bot,
    server,
    eventsUrl: `${server.url}/slack/events`,
    logger,
    close: async () => {
      await bot.stop();
      await server.close();
      await api.close();
    },
  };
}

/** The harness with a search that throws what `fail` makes of the query: an index that broke. */
export async function startBrokenSearchHarness(
  fail: (query: string) => Error,
): Promise<HttpHarness> {
  const deps = await realDeps();
  const search = {
    ...deps.search,
    search: (query: string) => {
      throw fail(query);
    },
  };
  return startHttpHarness({ deps: { ...deps, search } });
}
