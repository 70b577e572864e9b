/**
 * The Notifier for Teams: proactive posts of weekly briefings and review announcements
 * to the conversations the bot has a reference for (captured on install and on messages,
 * kept by the store), through the connector at that conversation's own serviceUrl, and
 * in-place updates of them. It never throws for Teams' answer: every outcome is a
 * PostResult. No retries here: pacing and retries are the delivery runner's. Preparing a
 * post reads the conversation reference and renders the card; sending calls the connector.
 */
import type { ConversationClient, TokenProvider } from '@microsoft/teams.api';
import { App } from '@microsoft/teams.apps';
import type { ConversationRefs } from '../../core/index.ts';
import {
  type Logger,
  type Metrics,
  type Notifier,
  noMetrics,
  type OutgoingMessage,
  type PostFailure,
  silentLogger,
  type Target,
} from '../../core/index.ts';
import { renderOutgoingCard } from './card/render-card.ts';
import { toMessage } from './card/to-message.ts';
import type { TeamsCredentials } from './decide-auth-mode.ts';
import { sdkLogger } from './sdk-logger.ts';
import { metricLabel, teamsFailure } from './teams-post-result.ts';

/** What the notifier needs of the SDK: the bot's id and a connector client per serviceUrl. */
export interface ProactiveApi {
  /** the bot's app id; undefined without credentials (local mode), when nothing can be sent */
  readonly id: string | undefined;
  conversationsAt(
    serviceUrl: string,
  ): Pick<ConversationClient, 'createActivity' | 'updateActivity'>;
}

export interface TeamsNotifierOptions {
  /** where each conversation lives: the store's (store.conversations) in production */
  conversations: ConversationRefs;
  /** a post that takes longer is given up and retried later; default 30 s (the lease is 2 min) */
  timeoutMs?: number;
  metrics?: Metrics;
  logger?: Logger;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** The SDK app as a ProactiveApi: its token, a client scoped to each serviceUrl. */
export function proactiveApiOf(app: App): ProactiveApi {
  return {
    get id() {
      return app.id;
    },
    conversationsAt: (serviceUrl) => app.api.clone({ serviceUrl }).conversations,
  };
}

function deadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })),
      ms,
    );
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** A reminder is a reply in the lesson's thread: the conversation id names the message. */
function addressOf(conversationId: string, message: OutgoingMessage): string {
  if (message.kind !== 'reminder') return conversationId;
  return `${conversationId};messageid=${message.reminder.replyTo}`;
}

function outgoingActivity(botId: string, conversationId: string, message: OutgoingMessage) {
  return {
    ...toMessage(renderOutgoingCard(message)),
    from: { id: botId, role: 'bot' as const },
    conversation: { id: conversationId },
  };
}

/**
 * A Notifier over a ProactiveApi.
 * @example const notifier = teamsNotifier(proactiveApiOf(app), { conversations: store.conversations, metrics, logger });
 */
export function teamsNotifier(api: ProactiveApi, options: TeamsNotifierOptions): Notifier {
  const metrics = options.metrics ?? noMetrics;
  const logger = (options.logger ?? silentLogger).child({ component: 'teams-notifier' });
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const refuse = (failure: PostFailure, call: string): PostFailure => {
    metrics.platformError('teams', metricLabel(failure));
    logger.warn('teams call failed', { call, outcome: failure.outcome, error: failure.error });
    return failure;
  };
  /**
   * The connector for the target's conversation, or why there is none. Credentials come
   * first: a bot that cannot post must not mark every channel gone.
   */
  const resolve = async (target: Target, call: string) => {
    const botId = api.id;
    if (!botId) {
      const error =
        'not_configured: proactive Teams messages need TEAMS_CLIENT_ID, TEAMS_CLIENT_SECRET and TEAMS_TENANT_ID';
      return { failure: refuse({ ok: false, outcome: 'failed', error }, call) };
    }
    const ref = await options.conversations.get(target.channel).catch(() => null);
    if (ref === null) {
      const error = 'store_unavailable: the conversation references could not be read';
      return { failure: refuse({ ok: false, outcome: 'retry', error }, call) };
    }
    if (!ref) {
      const error =
        'no_reference: the bot has no conversation reference there (never installed, or removed)';
      return { failure: refuse({ ok: false, outcome: 'paused', error }, call) };
    }
    return { ref, botId, conversations: api.conversationsAt(ref.serviceUrl) };
  };
  return {
    async prepare(target, message) {
      const found = await resolve(target, 'create activity');
      if ('failure' in found) return found.failure;
      const { ref, botId, conversations } = found;
      const activity = outgoingActivity(botId, ref.conversationId, message);
      return {
        ok: true,
        async send() {
          try {
            const sent = await deadline(
              conversations.createActivity(addressOf(ref.conversationId, message), activity),
              timeoutMs,
            );
            return { ok: true, messageRef: sent.id };
          } catch (thrown) {
            return refuse(teamsFailure(thrown), 'create activity');
          }
        },
      };
    },
    async update(target, messageRef, message) {
      const found = await resolve(target, 'update activity');
      if ('failure' in found) return found.failure;
      const { ref, botId, conversations } = found;
      try {
        const activity = {
          ...outgoingActivity(botId, ref.conversationId, message),
          id: messageRef,
        };
        await deadline(
          conversations.updateActivity(ref.conversationId, messageRef, activity),
          timeoutMs,
        );
        return { ok: true, messageRef };
      } catch (thrown) {
        return refuse(teamsFailure(thrown), 'update activity');
      }
    },
  };
}

export interface StandaloneTeamsNotifierOptions extends TeamsNotifierOptions {
  /** TEAMS_CLIENT_ID, TEAMS_CLIENT_SECRET, TEAMS_TENANT_ID; without them every post fails as not configured */
  teams: TeamsCredentials;
  /** fetch Bot Framework tokens yourself instead of with the client secret (tests) */
  tokenProvider?: TokenProvider;
}

/**
 * A Teams notifier that needs no running bot: for the scheduler, `publish`, and the
 * command line's `deliver`. It makes its own SDK app (never listening) for tokens.
 * @example const notifier = createTeamsNotifier({ teams: config.teams, conversations: store.conversations, metrics, logger });
 */
export function createTeamsNotifier(options: StandaloneTeamsNotifierOptions): Notifier {
  const { clientId, clientSecret, tenantId } = options.teams;
  const credential = options.tokenProvider
    ? { token: options.tokenProvider }
    : clientSecret
      ? { clientSecret }
      : undefined;
  if (!clientId || !tenantId || !credential) {
    return teamsNotifier({ id: undefined, conversationsAt: () => unreachable() }, options);
  }
  const logger = options.logger ?? silentLogger;
  const app = new App({
    clientId,
    tenantId,
    ...credential,
    client: {
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      logger: sdkLogger(logger, 'teams-notifier/client'),
    },
    logger: sdkLogger(logger, 'teams-notifier'),
    telemetry: { agent365: false },
  });
  return teamsNotifier(proactiveApiOf(app), options);
}

function unreachable(): never {
  throw new Error('no Teams credentials: nothing can be sent');
}
