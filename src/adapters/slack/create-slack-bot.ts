/**
 * The Slack front door: a Bolt app over HTTP (mounted at /slack/events on the shared
 * express app) or over Socket Mode (when an app-level token is given: no public URL).
 */
import {
  App,
  AuthorizationError,
  ExpressReceiver,
  type Receiver,
  type ReceiverProcessEventErrorHandlerArgs,
  type ReceiverUnhandledRequestHandlerArgs,
  SocketModeReceiver,
  type webApi,
} from '@slack/bolt';
import type { Express, Response } from 'express';
import type { ChatImport, Clock, CommandDeps, Logger, Store } from '../../core/index.ts';
import { BotError, errorLogFields } from '../../core/index.ts';
import { sendError } from '../http/index.ts';
import { SLACK_EVENTS_PATH, SLASH_COMMAND } from './app-surface.ts';
import { toBoltLogger } from './bolt-logger.ts';
import { createDedupe } from './dedupe.ts';
import { draftFileReceiver, registerDraftListeners } from './draft-listeners.ts';
import { storeSubscriptionLister } from './home-subscriptions.ts';
import { registerListeners } from './register-listeners.ts';
import type { SlackContext, SubscriptionLister } from './slack-context.ts';
import { slackSignatureCheck } from './verify-signature.ts';

export interface SlackSettings {
  /** SLACK_BOT_TOKEN, xoxb-… */
  botToken: string;
  /** SLACK_SIGNING_SECRET: verifies every HTTP request; required in HTTP mode, unused in Socket Mode */
  signingSecret?: string;
  /** SLACK_APP_TOKEN, xapp-…: when set, Socket Mode instead of HTTP */
  appToken?: string;
  /** SLACK_API_URL: the Web API base, e.g. a local fake in tests; default https://slack.com/api/ */
  apiUrl?: string;
  /** Web API retries; tests pass { retries: 0 } so a fake 429 fails fast */
  retryConfig?: webApi.RetryOptions;
}

export interface SlackBotOptions {
  deps: CommandDeps;
  slack: SlackSettings;
  /** the shared express app; required in HTTP mode, unused in Socket Mode */
  http?: Express;
  logger: Logger;
  /** Slack user ids allowed to run admin commands */
  admins?: readonly string[];
  /**
   * Weekly briefings: the store records "Discussed in our team" and lists the Home tab's
   * channel subscriptions. Without it those buttons say the database is not switched on.
   */
  briefings?: { store: Store; clock?: Clock };
  /** the Home tab's channel subscriptions; by default the workspace's, from briefings.store */
  listSubscriptions?: SubscriptionLister;
  /** importing a review sent in a direct message; without it the bot ignores direct messages */
  chatImport?: ChatImport;
}

/** Where Slack serves the files people send (url_private_download). */
const SLACK_FILE_ORIGIN = 'https://files.slack.com';

export interface SlackBot {
  app: App;
  mode: 'http' | 'socket';
  /** checks the token with auth.test, and in Socket Mode connects */
  start(): Promise<void>;
  stop(): Promise<void>;
}

function webClientOptions(slack: SlackSettings): webApi.WebClientOptions {
  return {
    ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {}),
    ...(slack.retryConfig ? { retryConfig: slack.retryConfig } : {}),
  };
}

function createReceiver(
  options: SlackBotOptions,
  logger: ReturnType<typeof toBoltLogger>,
): Receiver {
  const { slack, http } = options;
  if (slack.appToken) {
    return new SocketModeReceiver({
      appToken: slack.appToken,
      logger,
      installerOptions: { clientOptions: webClientOptions(slack) },
    });
  }
  if (!http)
    throw new Error('createSlackBot: HTTP mode needs the shared express app (options.http).');
  if (!slack.signingSecret) {
    throw new BotError(
      'config_invalid',
      'SLACK_SIGNING_SECRET is missing: HTTP mode verifies every request with it (Basic Information → App Credentials).',
    );
  }
  // The signature is checked first, by our own handler (verify-signature.ts says why);
  // Bolt then parses the body it read. Mounted now, before any catch-all route is added.
  http.post(SLACK_EVENTS_PATH, slackSignatureCheck(slack.signingSecret, options.logger));
  return new ExpressReceiver({
    signingSecret: slack.signingSecret,
    signatureVerification: false,
    logger,
    app: http,
    endpoints: SLACK_EVENTS_PATH,
    ...jsonErrorAnswers,
  });
}

/** Bolt's own error answers are empty; ours are short JSON bodies, as everywhere else. */
const jsonErrorAnswers = {
  processEventErrorHandler: async ({
    error,
    logger,
    response,
  }: ReceiverProcessEventErrorHandlerArgs): Promise<boolean> => {
    if (response.headersSent) return false;
    // As Bolt's default: a failed authorize is the caller's problem, anything else ours.
    const unauthorized = error instanceof AuthorizationError;
    if (!unauthorized) logger.error('a Slack listener failed');
    sendError(response as Response, unauthorized ? 'unauthorized' : 'internal');
    return unauthorized;
  },
  unhandledRequestHandler: ({ logger, response }: ReceiverUnhandledRequestHandlerArgs): void => {
    logger.error('a Slack request was not acknowledged within 3 seconds');
    if (!response.headersSent) sendError(response as Response, 'not_found');
  },
};

/**
 * The Slack front door. HTTP mode mounts POST /slack/events on `http` at once (create it
 * before any catch-all route); Socket Mode connects in `start()`.
 * @throws Error when HTTP mode lacks `http` or the signing secret
 * @example
 * const slack = createSlackBot({ deps, slack: config.slack, http, logger, admins, briefings: { store } });
 * await slack.start(); // auth.test; in Socket Mode, also connects
 * await listen(http, { host, port });
 */
export function createSlackBot(options: SlackBotOptions): SlackBot {
  const boltLogger = toBoltLogger(options.logger);
  const mode = options.slack.appToken ? 'socket' : 'http';
  const receiver = createReceiver(options, boltLogger);
  const app = new App({
    receiver,
    token: options.slack.botToken,
    logger: boltLogger,
    clientOptions: webClientOptions(options.slack),
    // auth.test runs in start(), so a bad token stops the process with a clear message.
    deferInitialization: true,
    extendedErrorHandler: true,
    convoStore: false,
  });
  const admins = new Set(options.admins ?? []);
  const ctx: SlackContext = {
    deps: options.deps,
    logger: options.logger.child({ component: 'slack' }),
    command: SLASH_COMMAND,
    isAdmin: (userId) => admins.has(userId),
    dedupe: createDedupe(),
    listSubscriptions: options.listSubscriptions ?? defaultLister(options),
    acknowledgements: options.briefings?.store,
    subscriptions: options.briefings?.store,
    clock: options.briefings?.clock ?? (() => new Date()),
  };
  const { apiUrl, botToken } = options.slack;
  const door = options.chatImport && {
    chatImport: options.chatImport,
    botToken,
    // A fake Web API (tests) serves its files too; nothing else is downloaded from.
    fileOrigins: [SLACK_FILE_ORIGIN, ...(apiUrl ? [new URL(apiUrl).origin] : [])],
  };
  registerListeners(app, ctx, door && draftFileReceiver(ctx, door));
  if (door) registerDraftListeners(app, ctx, door);
  return {
    app,
    mode,
    start: () => start(app, mode, ctx),
    // In HTTP mode the shared server belongs to main.ts, which closes it.
    stop: async () => {
      if (mode === 'socket') await app.stop();
    },
  };
}

function defaultLister({ briefings, deps }: SlackBotOptions): SubscriptionLister {
  if (!briefings) return async () => [];
  // Read deps.corpus at each call, so that a reload is seen.
  return storeSubscriptionLister(
    briefings.store,
    () => deps.corpus,
    briefings.clock ?? (() => new Date()),
  );
}

async function start(app: App, mode: 'http' | 'socket', ctx: SlackContext): Promise<void> {
  try {
    await app.init();
  } catch (error) {
    ctx.logger.error('slack: auth.test failed', errorLogFields(error));
    throw new BotError(
      'slack_auth_failed',
      'Slack did not accept SLACK_BOT_TOKEN (auth.test failed): check the Bot User OAuth Token (xoxb-…) of an installed app.',
      { cause: error },
    );
  }
  if (mode === 'socket') await app.start();
  ctx.logger.info('slack ready', { mode });
}
