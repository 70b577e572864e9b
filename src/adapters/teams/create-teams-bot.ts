import type { Account, TokenProvider } from '@microsoft/teams.api';
import { App } from '@microsoft/teams.apps';
import type { Express } from 'express';
import type {
  AcknowledgementStore,
  ChatImport,
  CommandDeps,
  ConversationRefs,
  Logger,
  Metrics,
  Notifier,
  ResumableStore,
} from '../../core/index.ts';
import { botTokenChecker } from './bot-token.ts';
import { type AuthMode, decideAuthMode, type TeamsCredentials } from './decide-auth-mode.ts';
import { type EndpointAuth, messagingEndpoint } from './messaging-endpoint.ts';
import { proactiveApiOf, teamsNotifier } from './notifier.ts';
import { captureRefs } from './routes/capture-refs.ts';
import { onConversationUpdate } from './routes/on-conversation-update.ts';
import { onInstallAdd, onInstallRemove } from './routes/on-install.ts';
import { onMessage } from './routes/on-message.ts';
import { onSearchQuery } from './routes/on-search-query.ts';
import type { RouteDeps } from './routes/route-deps.ts';
import { sdkLogger } from './sdk-logger.ts';

export interface TeamsBotOptions {
  deps: CommandDeps;
  teams: TeamsCredentials;
  /** the shared express app; Teams adds POST /api/messages to it */
  http: Express;
  /** the address the server will listen on: decides whether local mode is allowed */
  host: string;
  logger: Logger;
  conversations: ConversationRefs;
  /** who may run admin commands; nobody by default, and nobody in local mode */
  isAdmin?: (user: Account) => boolean;
  /** fetch Bot Framework tokens yourself instead of with the client secret (tests, custom credential stores) */
  tokenProvider?: TokenProvider;
  /** where the SDK's own proactive sends go; the bot's notifier uses each conversation's instead */
  serviceUrl?: string;
  now?: () => Date;
  /**
   * Weekly briefings: the store records "Discussed in our team" and resumes a paused
   * subscription when the bot is back. Without it that button says the database is not
   * switched on.
   */
  briefings?: { store: AcknowledgementStore & ResumableStore };
  /** platform errors of the bot's notifier */
  metrics?: Metrics;
  /** importing a review an admin sends in a personal chat; without it files are not read */
  chatImport?: ChatImport;
  /** origins besides SharePoint's that sent files may be downloaded from: a local fake in tests */
  fileOrigins?: readonly string[];
}

export interface TeamsBot {
  app: App;
  /** 'local' accepts unsigned requests (loopback or TEAMS_ALLOW_UNAUTHENTICATED) */
  mode: AuthMode['kind'];
  /** registers /api/messages on the express app; call before listening */
  start(): Promise<void>;
  /** nothing to release today: the HTTP server belongs to the caller */
  stop(): Promise<void>;
  /**
   * Proactive posts over this bot's credentials, to the conversations in `conversations`
   * (createTeamsNotifier makes the same without a bot, e.g. for the command line).
   */
  notifier: Notifier;
}

function appCredentials(mode: AuthMode, tokenProvider: TokenProvider | undefined) {
  if (mode.kind === 'local') {
    // Empty strings, not undefined: the SDK would otherwise fall back to CLIENT_ID and
    // friends in the environment, and configuration is read in one place only.
    return { clientId: '', clientSecret: '', tenantId: '' };
  }
  return {
    clientId: mode.clientId,
    tenantId: mode.tenantId,
    ...(tokenProvider ? { token: tokenProvider } : { clientSecret: mode.clientSecret ?? '' }),
  };
}

function endpointAuth(mode: AuthMode, keysUrl: string | undefined): EndpointAuth {
  if (mode.kind === 'local') return { kind: 'local' };
  return {
    kind: 'authenticated',
    check: botTokenChecker({ appId: mode.clientId, ...(keysUrl ? { keysUrl } : {}) }),
  };
}

/**
 * The Teams front door: the Teams SDK app on the shared express app, its routes
 * wired to the core, and a notifier for proactive posts.
 * @throws TeamsStartError (code teams_credentials_incomplete | teams_auth_required)
 * @example
 * const teams = createTeamsBot({ deps, teams: config.teams, http, host, logger,
 *   conversations: store.conversations, briefings: { store } });
 * await teams.start(); await listen(http, { host, port });
 */
export function createTeamsBot(options: TeamsBotOptions): TeamsBot {
  const mode = decideAuthMode(options.teams, options.host, options.tokenProvider !== undefined);
  const logger = options.logger.child({ frontDoor: 'teams' });
  for (const warning of mode.warnings) logger.warn(warning);
  const app = new App({
    ...appCredentials(mode, options.tokenProvider),
    dangerouslyAllowUnauthenticatedRequests: mode.kind === 'local',
    httpServerAdapter: messagingEndpoint({
      http: options.http,
      auth: endpointAuth(mode, options.teams.keysUrl),
      logger,
    }),
    client: { logger: sdkLogger(logger, 'client') },
    logger: sdkLogger(logger),
    ...(options.serviceUrl ? { serviceUrl: options.serviceUrl } : {}),
    telemetry: { agent365: false },
  });
  const deps: RouteDeps = {
    commands: options.deps,
    logger,
    conversations: options.conversations,
    // No token vouches for anyone in local mode: there, the command line is the admin's tool.
    isAdmin: (mode.kind === 'local' ? undefined : options.isAdmin) ?? (() => false),
    now: options.now ?? (() => new Date()),
    acknowledgements: options.briefings?.store,
    subscriptions: options.briefings?.store,
    ...(options.chatImport
      ? { drafts: { chatImport: options.chatImport, fileOrigins: options.fileOrigins ?? [] } }
      : {}),
  };
  app.use(captureRefs(deps));
  app.on('message', onMessage(deps));
  app.on('install.add', onInstallAdd(deps));
  app.on('install.remove', onInstallRemove(deps));
  app.on('conversationUpdate', onConversationUpdate(deps));
  app.on('message.ext.query', onSearchQuery(deps));
  return {
    app,
    mode: mode.kind,
    start: async () => {
      await app.initialize();
      logger.info('Teams endpoint ready', { path: '/api/messages', mode: mode.kind });
    },
    stop: async () => {},
    notifier: teamsNotifier(proactiveApiOf(app), {
      conversations: options.conversations,
      logger,
      ...(options.metrics ? { metrics: options.metrics } : {}),
    }),
  };
}
