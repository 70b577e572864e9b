/**
 * The composition root: the only file that knows every concrete piece.
 * `lessons-bot serve` (npm start) runs the bot; any other command is the command line.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import {
  commandLineName,
  type KeptServices,
  type PrivacyServices,
  runCli,
  runConsole,
} from './adapters/cli/index.ts';
import { importInWorker } from './adapters/documents/index.ts';
import {
  createHttpApp,
  createPrometheusMetrics,
  type ListeningServer,
  listen,
  mountHealthRoutes,
} from './adapters/http/index.ts';
import { createLogger } from './adapters/log/index.ts';
import {
  createSlackBot,
  createSlackNotifier,
  type SlackBot,
  slackWorkspaceId,
} from './adapters/slack/index.ts';
import {
  createTeamsBot,
  createTeamsNotifier,
  isLoopback,
  type TeamsBot,
} from './adapters/teams/index.ts';
import { type Config, ConfigError, hasTeamsCredentials, readConfig } from './config.ts';
import {
  type ChatImport,
  type CommandDeps,
  type Corpus,
  type CorpusError,
  createBriefingCommands,
  createDeliveryRunner,
  describeError,
  formatProblem,
  type Logger,
  type Metrics,
  type Notifier,
  noMetrics,
  type Store,
  summariseCorpus,
} from './core/index.ts';
import { withLessonsDefault } from './runtime/bundled-lessons.ts';
import { openChatImport } from './runtime/chat-import.ts';
import { type LiveCorpus, openLiveCorpus } from './runtime/live-corpus.ts';
import { environmentWithEnvFile } from './runtime/load-env-file.ts';
import { routeNotifier } from './runtime/route-notifier.ts';
import { ukWorkingDays } from './runtime/uk-working-days.ts';
import { createScheduler, type Scheduler } from './schedule/index.ts';
import {
  createAdvisoryLockCoordinator,
  createFolderDrafts,
  createStoreDrafts,
  openStore,
  parseDatabaseUrl,
} from './store/index.ts';

type Env = Record<string, string | undefined>;
type HttpApp = ReturnType<typeof createHttpApp>;

/** Unique per process: the ledger knows whose claim a post is. */
const OWNER = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
const clock = () => new Date();

function platformNotifier(
  config: Config,
  store: Store,
  metrics: Metrics,
  logger: Logger,
): Notifier {
  return routeNotifier({
    ...(config.slack
      ? {
          slack: createSlackNotifier({
            botToken: config.slack.botToken,
            apiUrl: config.slack.apiUrl,
            metrics,
            logger,
          }),
        }
      : {}),
    ...(hasTeamsCredentials(config.teams)
      ? {
          teams: createTeamsNotifier({
            teams: config.teams,
            conversations: store.conversations,
            metrics,
            logger,
          }),
        }
      : {}),
  });
}

interface OpenedDelivery {
  runner: ReturnType<typeof createDeliveryRunner>;
  briefings: ReturnType<typeof createBriefingCommands>;
}

function openDelivery(
  config: Config,
  store: Store,
  corpus: () => Corpus,
  logger: Logger,
  metrics: Metrics,
  onReload?: () => Promise<string>,
): OpenedDelivery {
  const notifier = platformNotifier(config, store, metrics, logger);
  const graceMs = config.catchUpHours * 3_600_000;
  const isWorkingDay = ukWorkingDays();
  const runner = createDeliveryRunner({
    store,
    notifier,
    corpus,
    clock,
    owner: OWNER,
    logger,
    metrics,
    isWorkingDay,
    options: { graceMs, followUpWeeks: config.followUpWeeks },
  });
  const briefings = createBriefingCommands({
    store,
    runner,
    corpus,
    clock,
    logger,
    notifier,
    followUps: { weeks: config.followUpWeeks, isWorkingDay },
    ...(onReload ? { onReload } : {}),
  });
  return { runner, briefings };
}

function startSlack(
  config: Config,
  deps: CommandDeps,
  http: HttpApp,
  store: Store,
  logger: Logger,
  chatImport: ChatImport,
): SlackBot | undefined {
  if (!config.slack) return undefined;
  return createSlackBot({
    deps,
    slack: config.slack,
    http,
    logger,
    admins: config.admins.slack,
    briefings: { store },
    chatImport,
  });
}

/**
 * Teams runs with credentials, or in local mode: unsigned requests, for the Agents
 * Playground. Local mode is for a bot with no credentials for any platform, or where
 * TEAMS_ALLOW_UNAUTHENTICATED=true says so; and on loopback unless that flag is set.
 */
function startTeams(
  config: Config,
  deps: CommandDeps,
  http: HttpApp,
  store: Store,
  logger: Logger,
  metrics: Metrics,
  chatImport: ChatImport,
) {
  const local =
    (config.slack === undefined || config.teams.allowUnauthenticated) &&
    (isLoopback(config.host) || config.teams.allowUnauthenticated);
  if (!hasTeamsCredentials(config.teams) && !local) {
    logger.info(
      'Teams is off: /api/messages answers 404. Set TEAMS_CLIENT_ID, TEAMS_CLIENT_SECRET and TEAMS_TENANT_ID to add Teams.',
    );
    return undefined;
  }
  const admins = new Set(config.admins.teams);
  return createTeamsBot({
    deps,
    teams: config.teams,
    http,
    host: config.host,
    logger,
    metrics,
    conversations: store.conversations,
    briefings: { store },
    isAdmin: (user) => admins.has((user.aadObjectId ?? '').toLowerCase()),
    chatImport,
  });
}

async function listenOrExplain(
  http: HttpApp,
  config: Config,
  logger: Logger,
): Promise<ListeningServer> {
  try {
    return await listen(http, {
      host: config.host,
      port: config.port,
      requestTimeoutMs: config.requestTimeoutSeconds * 1000,
      logger,
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new ConfigError([
        `PORT ${config.port} on ${config.host} is in use: stop what uses it, or set PORT to a free port`,
      ]);
    }
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EACCES') {
      throw new ConfigError([
        `HOST ${config.host}, PORT ${config.port} cannot be listened on (${code}): set HOST to 127.0.0.1, 0.0.0.0 or an address of this machine, and PORT above 1023`,
      ]);
    }
    throw error;
  }
}

/** Reloads when the folder changes (unless LESSONS_WATCH=false) or a review goes live in the store. */
function watchLessons(config: Config, live: LiveCorpus, logger: Logger): () => void {
  const reloaded = (summary: string) => logger.info('lessons reloaded', { corpus: summary });
  // The admins learn of it here, in /readyz's detail, and from their `reload` command.
  const failed = (error: CorpusError) =>
    logger.error('lessons folder has problems; still serving the previous lessons', {
      problems: error.problems.slice(0, 20).map(formatProblem),
    });
  const unfollow = live.follow(reloaded, failed);
  const unwatch = config.watchLessons ? live.watch(reloaded, failed) : () => {};
  return () => {
    unfollow();
    unwatch();
  };
}

/** What the bot has opened, filled in as start-up goes; shutDown closes whatever is there. */
interface Running {
  server?: ListeningServer;
  scheduler?: Scheduler;
  slack?: SlackBot;
  teams?: TeamsBot;
  store?: Store;
  closeCoordinator?: () => Promise<void>;
  stopWatching?: () => void;
}

/** Stops accepting, lets requests and posts in flight finish within the bound, closes the store. */
async function shutDown(running: Running, timeoutMs: number, logger: Logger): Promise<void> {
  running.stopWatching?.();
  const graceful = (async () => {
    const closing = running.server?.close();
    await running.scheduler?.stop();
    await running.slack?.stop();
    await running.teams?.stop();
    await closing;
  })();
  const timedOut = await Promise.race([
    graceful.then(() => false),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(true), timeoutMs).unref()),
  ]);
  if (timedOut) {
    logger.warn('shutdown bound reached: dropping connections still open');
    running.server?.forceClose();
  }
  await running.closeCoordinator?.();
  await running.store?.close();
  logger.info('lessons-bot stopped');
}

function consoleBanner(
  summary: string,
  url: string,
  teams: boolean,
  logFile: string | undefined,
): string {
  const lines = [
    `lessons-bot — ${summary}.`,
    'No Slack or Teams credentials are set, so this is the console: ask as you would in chat.',
  ];
  if (teams)
    lines.push(
      `Teams (local mode) listens at ${url}/api/messages: try it in the Agents Playground, see the README.`,
    );
  if (logFile) lines.push(`The log is written to ${logFile}.`);
  lines.push(
    'Try: lessons on chronologies · CSE · themes · reviews · random · help · quit (or Ctrl-D)',
  );
  return lines.join('\n');
}

/**
 * Aborts on SIGINT or SIGTERM, and when the npm that started this process (npm start)
 * has gone: npm passes its SIGTERM to the shell it ran the script in, which does not pass
 * it on, so without this the bot would outlive what a supervisor stopped.
 */
function stopSignal(env: Env): { signal: AbortSignal; stopped: Promise<void> } {
  const controller = new AbortController();
  const stopped = new Promise<void>((resolve) => {
    controller.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  process.once('SIGINT', () => controller.abort());
  process.once('SIGTERM', () => controller.abort());
  if (env.npm_lifecycle_event !== undefined) {
    const parent = process.ppid;
    const orphaned = setInterval(() => {
      if (process.ppid !== parent) controller.abort();
    }, 500);
    orphaned.unref();
    controller.signal.addEventListener('abort', () => clearInterval(orphaned), { once: true });
  }
  return { signal: controller.signal, stopped };
}

/** Where the log goes while the console owns a terminal: a file, so no line lands in the prompt. */
const CONSOLE_LOG = './data/lessons-bot.log';

/**
 * The log's place: stdout for a server; with the console, a file when someone types at a
 * terminal, else stderr (stdout is the console's answers, read by a pipe or a test).
 */
function serveLogger(config: Config, platforms: boolean): { logger: Logger; file?: string } {
  const level = config.logLevel;
  if (platforms) return { logger: createLogger({ level }) };
  if (process.stdin.isTTY) {
    try {
      return { logger: createLogger({ level, file: CONSOLE_LOG }), file: CONSOLE_LOG };
    } catch {
      // a folder it cannot write: warnings and worse on stderr, then
      return { logger: createLogger({ level: 'warn', fd: 2 }) };
    }
  }
  return { logger: createLogger({ level, fd: 2 }) };
}

/**
 * Everything the bot serves, opened in order into `running`: the corpus, the store
 * (checked), the platforms, the listening server and the scheduler. When a step fails,
 * the caller closes what `running` holds by then.
 */
async function start(config: Config, logger: Logger, running: Running) {
  const prometheus = createPrometheusMetrics();
  const metrics = prometheus.metrics;
  // The store first: the reviews approved through the bot are served with the folder's.
  const store = await openStore(config.databaseUrl, { logger, pseudonyms: pseudonyms(config) });
  running.store = store;
  const live = await openLiveCorpus({
    dir: config.lessonsDir,
    ...(config.searchCacheDir ? { cacheDir: config.searchCacheDir } : {}),
    logger,
    pageSize: 3,
    kept: store.reviews,
    onLoaded: (corpus) =>
      prometheus.corpusLoaded({ reviews: corpus.reviews.length, lessons: corpus.lessons.length }),
  });
  const { runner, briefings } = openDelivery(
    config,
    store,
    live.current,
    logger,
    metrics,
    live.reload,
  );
  const deps = live.deps({ briefings, metrics });

  const http = createHttpApp({ logger: logger.child({ component: 'http' }) });
  mountHealthRoutes(http, {
    readiness: async () => ({
      corpus: {
        ok: true,
        detail: live.lastProblem()
          ? 'serving the previous lessons: the folder has problems'
          : summariseCorpus(live.current()),
      },
      // A write, not a read: a database that only reads cannot take a subscription or a post.
      store: await store.ping().then(
        () => ({ ok: true }),
        () => ({ ok: false, detail: 'the database does not answer or does not accept writes' }),
      ),
    }),
    metrics: {
      contentType: prometheus.registry.contentType,
      render: () => prometheus.registry.metrics(),
    },
  });
  const chatImport = openChatImport({
    live,
    // Drafts sent in chat are kept in the store, so every replica sees and serves them.
    shelf: createStoreDrafts({ lessonsDir: config.lessonsDir, reviews: store.reviews, clock }),
    store,
    briefings,
    clock,
  });
  const slack = startSlack(config, deps, http, store, logger, chatImport);
  const teams = startTeams(config, deps, http, store, logger, metrics, chatImport);
  if (slack) running.slack = slack;
  if (teams) running.teams = teams;
  await slack?.start();
  await teams?.start();
  const server = await listenOrExplain(http, config, logger.child({ component: 'http' }));
  running.server = server;

  const coordinator =
    parseDatabaseUrl(config.databaseUrl).dialect === 'postgres' && config.databaseUrl
      ? createAdvisoryLockCoordinator(config.databaseUrl, { logger })
      : undefined;
  if (coordinator) running.closeCoordinator = () => coordinator.close();
  const scheduler = createScheduler({
    runner,
    clock,
    logger,
    store,
    personDataRetentionDays: config.personDataRetentionDays,
    ...(coordinator ? { coordinator } : {}),
  });
  running.scheduler = scheduler;
  await scheduler.start();
  running.stopWatching = watchLessons(config, live, logger);
  logger.info('lessons-bot ready', {
    corpus: summariseCorpus(live.current()),
    url: server.url,
    slack: slack?.mode,
    teams: teams?.mode,
  });
  return { live, deps, server, teams };
}

async function serve(config: Config, env: Env): Promise<number> {
  const platforms = config.slack !== undefined || hasTeamsCredentials(config.teams);
  const { logger, file } = serveLogger(config, platforms);
  const running: Running = {};
  let started: Awaited<ReturnType<typeof start>>;
  try {
    started = await start(config, logger, running);
  } catch (error) {
    // Nothing half-started is left behind: whatever opened is closed, and main exits 1.
    await shutDown(running, 2_000, logger).catch(() => {});
    throw error;
  }
  const { live, deps, server, teams } = started;
  const { signal, stopped } = stopSignal(env);
  if (!platforms) {
    const banner = consoleBanner(
      summariseCorpus(live.current()),
      server.url,
      teams !== undefined,
      file,
    );
    const ending = await runConsole(
      deps,
      { input: process.stdin, output: process.stdout, signal, commandLine: commandLineName(env) },
      banner,
    );
    // Input that ends without a terminal (a container, a pipe) leaves the server up, and says so.
    if (ending === 'end') {
      const what = teams ? `Teams at ${server.url}/api/messages` : `${server.url}/healthz`;
      process.stderr.write(
        `Input closed: lessons-bot keeps serving ${what} until it is stopped (SIGTERM, Ctrl-C).\n`,
      );
      await stopped;
    }
    process.stdin.destroy();
  } else {
    await stopped;
  }
  await shutDown(running, config.shutdownTimeoutSeconds * 1000, logger);
  return 0;
}

/** Every door opens the store with people's ids pseudonymised, under the same key. */
function pseudonyms(config: Config): { key?: string } {
  return config.personKey === undefined ? {} : { key: config.personKey };
}

/** The command line's configuration, and a logger that keeps to stderr. */
function cliConfig(env: Env): { config: Config; logger: Logger } {
  // A ConfigError is a BotError: the command line prints its lines and exits 1.
  const config = readConfig(env, 'cli');
  const logger = createLogger({
    level: config.logLevel === 'info' ? 'warn' : config.logLevel,
    fd: 2,
  });
  return { config, logger };
}

/** The command line's export and approve: the reviews kept in the bot's database. */
async function openKept(env: Env): Promise<KeptServices> {
  const { config, logger } = cliConfig(env);
  const store = await openStore(config.databaseUrl, { logger, pseudonyms: pseudonyms(config) });
  return {
    reviews: store.reviews,
    drafts: (lessonsDir) => createStoreDrafts({ lessonsDir, reviews: store.reviews, by: 'cli' }),
    audit: (action, detail) => store.audit({ at: clock(), actor: 'cli', action, detail }),
    close: () => store.close(),
  };
}

/** The command line's forget and purge-person-data: the store, under the bot's key. */
async function openPrivacy(env: Env): Promise<PrivacyServices> {
  const { config, logger } = cliConfig(env);
  const store = await openStore(config.databaseUrl, { logger, pseudonyms: pseudonyms(config) });
  return { store, retentionDays: config.personDataRetentionDays, close: () => store.close() };
}

/** The command line's subscriptions, deliver, publish and report: the same store and platforms as the bot. */
async function openCliServices(env: Env, corpus: Corpus) {
  const { config, logger } = cliConfig(env);
  const store = await openStore(config.databaseUrl, { logger, pseudonyms: pseudonyms(config) });
  const { runner, briefings } = openDelivery(config, store, () => corpus, logger, noMetrics);
  const slack = config.slack;
  return {
    store,
    runner,
    briefings,
    ...(slack ? { slackWorkspace: () => slackWorkspaceId(slack) } : {}),
    close: () => store.close(),
  };
}

async function main(argv: readonly string[]): Promise<number> {
  const write = (stream: NodeJS.WriteStream) => (text: string) => stream.write(`${text}\n`);
  let env: Env;
  try {
    env = withLessonsDefault(environmentWithEnvFile(process.env));
  } catch (error) {
    process.stderr.write(`${describeError(error)}\n`);
    return 1;
  }
  if (argv[0] !== 'serve') {
    return runCli(argv, {
      out: write(process.stdout),
      err: write(process.stderr),
      env,
      openServices: (corpus) => openCliServices(env, corpus),
      openKept: () => openKept(env),
      openPrivacy: () => openPrivacy(env),
      importer: {
        importDocument: importInWorker(),
        drafts: createFolderDrafts,
        today: () => clock().toISOString().slice(0, 10),
      },
    });
  }
  try {
    return await serve(readConfig(env), env);
  } catch (error) {
    // Whatever stops the start is said in one plain message: never a stack trace.
    process.stderr.write(`${describeError(error)}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
// A failed run ends within seconds, even if something it opened still holds the event loop.
if (process.exitCode !== 0) setTimeout(() => process.exit(), 3_000).unref();
