/**
 * Starts the Teams front door alone, over the real corpus, on 127.0.0.1 in local
 * mode: what the end-to-end test drives through the Agents Playground.
 * Prints "ready <url>" on stdout once it listens. Usage: node scripts/e2e/start-teams-bot.ts [port]
 */
import { createHttpApp, listen } from '../../src/adapters/http/index.ts';
import { createTeamsBot, MemoryConversationRefs } from '../../src/adapters/teams/index.ts';
import { createSearchIndex, loadCorpus } from '../../src/core/index.ts';
import { stderrLogger } from './stderr-logger.ts';

const HOST = '127.0.0.1';
const port = Number(process.argv[2] ?? 3978);
const logger = stderrLogger({ app: 'lessons-bot-e2e' });

const corpus = await loadCorpus('lessons');
const http = createHttpApp();
const bot = createTeamsBot({
  deps: { corpus, search: createSearchIndex(corpus), pageSize: 3, random: Math.random },
  teams: { allowUnauthenticated: false },
  http,
  host: HOST,
  logger,
  conversations: new MemoryConversationRefs(),
});
await bot.start();
const server = await listen(http, { host: HOST, port });
process.stdout.write(`ready ${server.url}\n`);

const stop = async () => {
  await bot.stop();
  await server.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
