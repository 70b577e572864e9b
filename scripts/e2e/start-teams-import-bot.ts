/**
 * The Teams front door with the chat import, for the screenshots of docs/adding-a-review.md
 * (scripts/screenshots.ts starts it). Everything real: the Teams SDK app, the importer in
 * its worker, a temporary SQLite store with a temporary copy of the lessons folder.
 *
 * One thing differs from the product, on purpose and only here: in local mode (what the
 * Agents Playground talks to) nobody is an admin, because no token vouches for anyone.
 * This script lets the Playground's default user import by marking that user an admin
 * where the chat import is asked, outside createTeamsBot, whose rule stays as it is.
 *
 * Prints "ready <url>" once it listens.
 * Usage: node scripts/e2e/start-teams-import-bot.ts <port> <file origin> <admin aad id>
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importInWorker } from '../../src/adapters/documents/index.ts';
import { createHttpApp, listen } from '../../src/adapters/http/index.ts';
import { createTeamsBot } from '../../src/adapters/teams/index.ts';
import { type ChatImport, type ChatSender, createChatImport } from '../../src/core/index.ts';
import { openLiveCorpus } from '../../src/runtime/live-corpus.ts';
import { createStoreDrafts, openStore } from '../../src/store/index.ts';
import { ROOT } from './child-process.ts';
import { stderrLogger } from './stderr-logger.ts';

const HOST = '127.0.0.1';
const [port, fileOrigin, adminAadId] = process.argv.slice(2);
if (!port || !fileOrigin || !adminAadId)
  throw new Error('usage: start-teams-import-bot.ts <port> <file origin> <admin aad id>');
const logger = stderrLogger({ app: 'lessons-bot-screenshots' });

const dir = await mkdtemp(join(tmpdir(), 'lessons-screenshots-'));
const lessonsDir = join(dir, 'lessons');
await cp(join(ROOT, 'lessons'), lessonsDir, { recursive: true });
const store = await openStore(`sqlite:${join(dir, 'bot.db')}`);
// Three fictional channels, so that Approve offers "Publish to 3 channels".
for (const channel of ['19:fictional-health-visiting', '19:fictional-mash', '19:fictional-ed'])
  await store.saveSubscription(
    {
      target: { platform: 'teams', workspace: '', channel },
      schedule: { day: 1, time: '09:00', timezone: 'Europe/London' },
      themes: [],
    },
    new Date(),
  );

const live = await openLiveCorpus({ dir: lessonsDir, logger, pageSize: 3, kept: store.reviews });
const chatImport = createChatImport({
  importDocument: importInWorker(),
  shelf: createStoreDrafts({ lessonsDir, reviews: store.reviews }),
  corpus: live.current,
  today: () => new Date().toISOString().slice(0, 10),
  activeChannels: async () => (await store.listSubscriptions({ status: ['active'] })).length,
  reload: live.reload,
  audit: (actor, action, detail) => store.audit({ at: new Date(), actor, action, detail }),
});
const playgroundUser = `teams:${adminAadId.toLowerCase()}`;
const asAdmin = (sender: ChatSender): ChatSender => ({
  ...sender,
  isAdmin: sender.actor === playgroundUser,
});
const screenshotImport: ChatImport = {
  receive: (upload, sender) => chatImport.receive(upload, asAdmin(sender)),
  act: (action, sender) => chatImport.act(action, asAdmin(sender)),
};

const http = createHttpApp();
const bot = createTeamsBot({
  deps: live.deps(),
  teams: { allowUnauthenticated: false },
  http,
  host: HOST,
  logger,
  conversations: store.conversations,
  chatImport: screenshotImport,
  fileOrigins: [fileOrigin],
});
await bot.start();
const server = await listen(http, { host: HOST, port: Number(port) });
process.stdout.write(`ready ${server.url}\n`);

const stop = async () => {
  await bot.stop();
  await server.close();
  await store.close();
  await rm(dir, { recursive: true, force: true });
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
