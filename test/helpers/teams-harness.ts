/**
 * The real Teams SDK app on 127.0.0.1 over the real corpus, with a fake connector to
 * catch what it posts. Nothing leaves the machine.
 */
import { createHttpApp, type ListeningServer, listen } from '../../src/adapters/http/index.ts';
import {
  createTeamsBot,
  MemoryConversationRefs,
  type TeamsBot,
  type TeamsBotOptions,
} from '../../src/adapters/teams/index.ts';
import type { CommandDeps, ConversationRefs } from '../../src/core/index.ts';
import { realDeps } from './real-deps.ts';
import { recordingLogger } from './recording-logger.ts';
import { type Answer, postActivity } from './teams-activities.ts';
import {
  type FakeBotKeys,
  startFakeBotKeys,
  TEST_APP_ID,
  TEST_TENANT_ID,
} from './teams-bot-keys.ts';
import { type FakeConnector, startFakeConnector } from './teams-fake-connector.ts';
import { fakeTokenProvider } from './teams-fake-token.ts';

export { type LogLine, recordingLogger } from './recording-logger.ts';

/** The real corpus and search index; `random` at 0.5 picks a lesson from the middle. */
export function realCommandDeps(): Promise<CommandDeps> {
  return realDeps(() => 0.5);
}

export interface TeamsHarness {
  url: string;
  connector: FakeConnector;
  conversations: ConversationRefs;
  logger: ReturnType<typeof recordingLogger>;
  bot: TeamsBot;
  /** Bot Framework's keys, when the bot checks tokens */
  keys?: FakeBotKeys;
  /**
   * POSTs an activity as the Bot Framework service would: with a token that vouches for
   * its serviceUrl when the bot checks tokens, without one in local mode.
   */
  post(activity: Record<string, unknown>): Promise<Answer>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** credentials and a local key set: tokens are checked and admins can be admins */
  authenticated?: boolean;
}

/** Options for the bot (conversation references in memory unless given, e.g. the store's). */
export async function startTeamsHarness(
  overrides: Partial<Omit<TeamsBotOptions, 'http' | 'host' | 'logger'>> = {},
  { authenticated = false }: HarnessOptions = {},
): Promise<TeamsHarness> {
  const connector = await startFakeConnector();
  const keys = authenticated ? await startFakeBotKeys() : undefined;
  const signedIn: Partial<TeamsBotOptions> = keys
    ? {
        teams: {
          clientId: TEST_APP_ID,
          tenantId: TEST_TENANT_ID,
          allowUnauthenticated: false,
          keysUrl: keys.keysUrl,
        },
        tokenProvider: fakeTokenProvider,
      }
    : {};
  const conversations = overrides.conversations ?? new MemoryConversationRefs();
  const logger = recordingLogger();
  const http = createHttpApp();
  const host = '127.0.0.1';
  const bot = createTeamsBot({
    deps: await realCommandDeps(),
    teams: { allowUnauthenticated: false },
    http,
    host,
    logger,
    conversations,
    // Proactive sends go to the app's serviceUrl: the fake connector too.
    serviceUrl: connector.serviceUrl,
    ...signedIn,
    ...overrides,
  });
  await bot.start();
  const server: ListeningServer = await listen(http, { host, port: 0 });
  return {
    url: server.url,
    connector,
    conversations,
    logger,
    bot,
    ...(keys ? { keys } : {}),
    post: async (activity) => {
      const token = await keys?.sign({ serviceurl: activity.serviceUrl });
      return postActivity(server.url, activity, token ? { authorization: `Bearer ${token}` } : {});
    },
    close: async () => {
      await bot.stop();
      await server.close();
      await connector.close();
      await keys?.close();
    },
  };
}
