/**
 * The Notifier for Slack: posts weekly briefings and review announcements with
 * chat.postMessage and re-renders them with chat.update, through its own quiet WebClient
 * (slack-web-client.ts). It never throws for Slack's answer: every outcome is a PostResult.
 * Preparing a post only renders it; sending calls chat.postMessage, which issues its
 * request in that same turn.
 */
import {
  type Logger,
  type Metrics,
  type Notifier,
  noMetrics,
  type OutgoingMessage,
  type PostResult,
  silentLogger,
  type Target,
} from '../../core/index.ts';
import { renderOutgoing } from './render-blocks.ts';
import { metricLabel, slackFailure } from './slack-post-result.ts';
import { quietSlackClient } from './slack-web-client.ts';

export interface SlackNotifierOptions {
  /** SLACK_BOT_TOKEN, xoxb-… */
  botToken: string;
  /** SLACK_API_URL: the Web API base, e.g. a local fake; default https://slack.com/api/ */
  apiUrl?: string | undefined;
  /** a post that takes longer is given up and retried later; default 30 s (the lease is 2 min) */
  timeoutMs?: number;
  metrics?: Metrics;
  logger?: Logger;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** "C123/1700000000.000100": where a posted message is, for chat.update later. */
export function slackMessageRef(channel: string, ts: string): string {
  return `${channel}/${ts}`;
}

export function parseSlackMessageRef(ref: string): { channel: string; ts: string } | undefined {
  const cut = ref.indexOf('/');
  if (cut <= 0 || cut === ref.length - 1) return undefined;
  return { channel: ref.slice(0, cut), ts: ref.slice(cut + 1) };
}

/**
 * @example
 * const slackNotifier = createSlackNotifier({ botToken: config.slack.botToken, apiUrl: config.slack.apiUrl, metrics, logger });
 */
export function createSlackNotifier(options: SlackNotifierOptions): Notifier {
  const client = quietSlackClient({
    botToken: options.botToken,
    apiUrl: options.apiUrl,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  });
  const metrics = options.metrics ?? noMetrics;
  const logger = (options.logger ?? silentLogger).child({ component: 'slack-notifier' });
  const fail = (thrown: unknown, call: string): PostResult => {
    const failure = slackFailure(thrown);
    metrics.platformError('slack', metricLabel(failure));
    logger.warn('slack call failed', { call, outcome: failure.outcome, error: failure.error });
    return failure;
  };
  return {
    async prepare(target: Target, message: OutgoingMessage) {
      // A reminder goes in the lesson's thread (its ts from the ledger's messageRef).
      const thread =
        message.kind === 'reminder' ? parseSlackMessageRef(message.reminder.replyTo) : undefined;
      const args = {
        channel: target.channel,
        ...renderOutgoing(message),
        ...(thread ? { thread_ts: thread.ts } : {}),
        unfurl_links: false,
        unfurl_media: false,
      };
      return {
        ok: true,
        async send(): Promise<PostResult> {
          try {
            const sent = await client.chat.postMessage(args);
            return {
              ok: true,
              messageRef: slackMessageRef(sent.channel ?? target.channel, sent.ts ?? ''),
            };
          } catch (thrown) {
            return fail(thrown, 'chat.postMessage');
          }
        },
      };
    },
    async update(
      target: Target,
      messageRef: string,
      message: OutgoingMessage,
    ): Promise<PostResult> {
      const ref = parseSlackMessageRef(messageRef);
      if (!ref) return { ok: false, outcome: 'failed', error: 'not a Slack message reference' };
      try {
        await client.chat.update({ channel: ref.channel, ts: ref.ts, ...renderOutgoing(message) });
        return { ok: true, messageRef };
      } catch (thrown) {
        return fail(
          thrown,
          `chat.update in ${target.channel === ref.channel ? 'its channel' : 'another channel'}`,
        );
      }
    },
    /** conversations.info: a channel that says the bot is not a member, or that the bot cannot see. */
    async unreachable(target: Target): Promise<string | undefined> {
      try {
        const info = await client.conversations.info({ channel: target.channel });
        return info.channel?.is_member === false ? 'not_in_channel' : undefined;
      } catch (thrown) {
        // A DM or an unknown scope, say: the bot cannot tell, and the first post will.
        const failure = slackFailure(thrown);
        return failure.outcome === 'paused' ? failure.error : undefined;
      }
    },
  };
}
