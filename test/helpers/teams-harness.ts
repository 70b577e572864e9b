/**
 * The real Teams SDK app on 127.0.0.1 over the real corpus, with a fake connector to
 * catch what it posts. Nothing leaves the machine.
 */
import { createHttpApp, type ListeningServer, listen } from '../../src/adapters/http/index.ts';
import {
  type ConversationRefs,
  createTeamsBot,
  MemoryConversationRefs,
  type TeamsBot,
  type TeamsBotOptions,
} from '../../src/adapters/teams/index.ts';
import type { CommandDeps } from '../../src/core/index.ts';
import { realDeps } from './real-deps.ts';
import { recordingLogger } from './recording-logger.ts';
import { type FakeConnector, startFakeConnector } from './teams-fake-connector.ts';

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
  close(): Promise<void>;
}

/** Options for the bot (conversation references in memory unless given, e.g. the store's). */
export async function startTeamsHarness(
  overrides: Partial<Omit<TeamsBotOptions, 'http' | 'host' | 'logger'>> = {},
): Promise<TeamsHarness> {
  const connector = await startFakeConnector();
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
    close: async () => {
      await bot.stop();
      await server.close();
      await connector.close();
    },
  };
}
