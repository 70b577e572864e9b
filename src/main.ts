/**
 * The composition root: the only file that knows every concrete piece.
 * `lessons-bot serve` (npm start) runs the bot; any other command is the command line.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { runCli, runConsole } from './adapters/cli/index.ts';
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
  BotError,
  type Corpus,
  createBriefingCommands,
  createDeliveryRunner,
  formatProblem,
  type Logger,
  type Metrics,
  type Notifier,
  noMetrics,
  type Store,
  summariseCorpus,
} from './core/index.ts';
import { type LiveCorpus, openLiveCorpus } from './runtime/live-corpus.ts';
import { environmentWithEnvFile } from './runtime/load-env-file.ts';
import { routeNotifier } from './runtime/route-notifier.ts';
import { createScheduler, type Scheduler } from './schedule/index.ts';
import { createAdvisoryLockCoordinator, openStore, parseDatabaseUrl } from './store/index.ts';

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

interface Delivery {
  store: Store;
  runner: ReturnType<typeof createDeliveryRunner>;
  briefings: ReturnType<typeof createBriefingCommands>;
}

async function openDelivery(
  config: Config,
  corpus: () => Corpus,
  logger: Logger,
  metrics: Metrics,
  onReload?: () => Promise<string>,
): Promise<Delivery> {
  const store = await openStore(config.databaseUrl, { logger });
  const notifier = platformNotifier(config, store, metrics, logger);
  const graceMs = config.catchUpHours * 3_600_000;
  const runner = createDeliveryRunner({
    store,
    notifier,
    corpus,
    clock,
    owner: OWNER,
    logger,
    metrics,
    options: { graceMs },
  });
  const briefings = createBriefingCommands({
    store,
    runner,
    corpus,
    clock,
    logger,
    notifier,
    ...(onReload ? { onReload } : {}),
  });
  return { store, runner, briefings };
}

function startSlack(
  config: Config,
  live: LiveCorpus,
  http: HttpApp,
  store: Store,
  logger: Logger,
): SlackBot | undefined {
  if (!config.slack) return undefined;
  return createSlackBot({
    deps: live.deps,
    slack: config.slack,
    http,
    logger,
    admins: config.admins.slack,
    briefings: { store },
  });
}

/** Teams runs with credentials, or in local mode where that is safe (loopback) or asked for. */
function startTeams(
  config: Config,
  live: LiveCorpus,
  http: HttpApp,
  store: Store,
  logger: Logger,
  metrics: Metrics,
) {
  const enabled =
    hasTeamsCredentials(config.teams) ||
    isLoopback(config.host) ||
    config.teams.allowUnauthenticated;
  if (!enabled) return undefined;
  const admins = new Set(config.admins.teams);
  return createTeamsBot({
    deps: live.deps,
    teams: config.teams,
    http,
    host: config.host,
    logger,
    metrics,
    conversations: store.conversations,
    briefings: { store },
    isAdmin: (user) => admins.has((user.aadObjectId ?? '').toLowerCase()),
  });
}

async function listenOrExplain(http: HttpApp, config: Config): Promise<ListeningServer> {
  try {
    return await listen(http, { host: config.host, port: config.port });
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

function watchLessons(config: Config, live: LiveCorpus, logger: Logger): () => void {
  if (!config.watchLessons) return () => {};
  return live.watch(
    (summary) => logger.info('lessons reloaded', { corpus: summary }),
    // The admins learn of it here, in /readyz's detail, and from their `reload` command.
    (error) =>
      logger.error('lessons folder has problems; still serving the previous lessons', {
        problems: error.problems.slice(0, 20).map(formatProblem),
      }),
  );
}

interface Running {
  server: ListeningServer;
  scheduler: Scheduler;
  slack?: SlackBot;
  teams?: TeamsBot;
  store: Store;
  closeCoordinator?: () => Promise<void>;
  stopWatching: () => void;
}

/** Stops accepting, lets requests and posts in flight finish within the bound, closes the store. */
async function shutDown(running: Running, timeoutMs: number, logger: Logger): Promise<void> {
  running.stopWatching();
  const graceful = (async () => {
    const closing = running.server.close();
    await running.scheduler.stop();
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
    running.server.forceClose();
  }
  await running.closeCoordinator?.();
  await running.store.close();
  logger.info('lessons-bot stopped');
}

function consoleBanner(summary: string, url: string, teams: boolean): string {
  const lines = [
    `lessons-bot — ${summary}.`,
    'No Slack or Teams credentials are set, so this is the console: ask as you would in chat.',
  ];
  if (teams)
    lines.push(
      `Teams (local mode) listens at ${url}/api/messages: try it in the Agents Playground, see the README.`,
    );
  lines.push('Try: lessons on chronologies · CSE · themes · reviews · random · help · quit');
  return lines.join('\n');
}

function stopSignal(): { signal: AbortSignal; stopped: Promise<void> } {
  const controller = new AbortController();
  const stopped = new Promise<void>((resolve) => {
    controller.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  process.once('SIGINT', () => controller.abort());
  process.once('SIGTERM', () => controller.abort());
  return { signal: controller.signal, stopped };
}

async function serve(config: Config): Promise<number> {
  const platforms = config.slack !== undefined || hasTeamsCredentials(config.teams);
  // With no platform the console owns stdout, so the logs go to stderr.
  const logger = createLogger({ level: config.logLevel, fd: platforms ? 1 : 2 });
  const prometheus = createPrometheusMetrics();
  const metrics = prometheus.metrics;
  const live = await openLiveCorpus({
    dir: config.lessonsDir,
    ...(config.searchCacheDir ? { cacheDir: config.searchCacheDir } : {}),
    logger,
    pageSize: 3,
    onLoaded: (corpus) =>
      prometheus.corpusLoaded({ reviews: corpus.reviews.length, lessons: corpus.lessons.length }),
  });
  const { store, runner, briefings } = await openDelivery(
    config,
    live.current,
    logger,
    metrics,
    live.reload,
  );
  live.deps.briefings = briefings;
  live.deps.metrics = metrics;

  const http = createHttpApp({ logger: logger.child({ component: 'http' }) });
  mountHealthRoutes(http, {
    readiness: async () => ({
      corpus: {
        ok: true,
        detail: live.lastProblem()
          ? 'serving the previous lessons: the folder has problems'
          : summariseCorpus(live.current()),
      },
      store: await store.getSubscription('readiness-probe').then(
        () => ({ ok: true }),
        () => ({ ok: false, detail: 'the database does not answer' }),
      ),
    }),
    metrics: {
      contentType: prometheus.registry.contentType,
      render: () => prometheus.registry.metrics(),
    },
  });
  const slack = startSlack(config, live, http, store, logger);
  const teams = startTeams(config, live, http, store, logger, metrics);
  await slack?.start();
  await teams?.start();
  const server = await listenOrExplain(http, config);

  const coordinator =
    parseDatabaseUrl(config.databaseUrl).dialect === 'postgres' && config.databaseUrl
      ? createAdvisoryLockCoordinator(config.databaseUrl, { logger })
      : undefined;
  const scheduler = createScheduler({
    runner,
    store,
    clock,
    logger,
    ...(coordinator ? { coordinator } : {}),
  });
  await scheduler.start();
  const running: Running = {
    server,
    scheduler,
    store,
    stopWatching: watchLessons(config, live, logger),
    ...(slack ? { slack } : {}),
    ...(teams ? { teams } : {}),
    ...(coordinator ? { closeCoordinator: () => coordinator.close() } : {}),
  };
  logger.info('lessons-bot ready', {
    corpus: summariseCorpus(live.current()),
    url: server.url,
    slack: slack?.mode,
    teams: teams?.mode,
  });

  const { signal, stopped } = stopSignal();
  if (!platforms) {
    const banner = consoleBanner(summariseCorpus(live.current()), server.url, teams !== undefined);
    const ending = await runConsole(
      live.deps,
      { input: process.stdin, output: process.stdout, signal },
      banner,
    );
    // A closed stdin (a container, a pipe) leaves the server up; "quit" stops everything.
    if (ending === 'end') await stopped;
    process.stdin.destroy();
  } else {
    await stopped;
  }
  await shutDown(running, config.shutdownTimeoutSeconds * 1000, logger);
  return 0;
}

/** The command line's subscriptions, deliver, publish and report: the same store and platforms as the bot. */
async function openCliServices(env: Env, corpus: Corpus) {
  let config: Config;
  try {
    config = readConfig(env, 'cli');
  } catch (error) {
    if (error instanceof ConfigError) throw new BotError('command_invalid', error.message);
    throw error;
  }
  const logger = createLogger({
    level: config.logLevel === 'info' ? 'warn' : config.logLevel,
    fd: 2,
  });
  const { store, runner, briefings } = await openDelivery(config, () => corpus, logger, noMetrics);
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
    env = environmentWithEnvFile(process.env);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  if (argv[0] !== 'serve') {
    return runCli(argv, {
      out: write(process.stdout),
      err: write(process.stderr),
      env,
      openServices: (corpus) => openCliServices(env, corpus),
    });
  }
  try {
    return await serve(readConfig(env));
  } catch (error) {
    // Whatever stops the start is said in one plain message: never a stack trace.
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
