import { webApi } from '@slack/bolt';

const QUIET: webApi.Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  setLevel() {},
  getLevel: () => webApi.LogLevel.ERROR,
  setName() {},
};

export interface SlackClientOptions {
  /** SLACK_BOT_TOKEN, xoxb-… */
  botToken: string;
  /** SLACK_API_URL: the Web API base, e.g. a local fake; default https://slack.com/api/ */
  apiUrl?: string | undefined;
  timeoutMs: number;
}

/**
 * A WebClient that never retries and rejects rate-limited calls at once: pacing and
 * retries are the delivery runner's (a client that waited for Retry-After itself would
 * hold the ledger's lease). Its queue never holds a call back (and, rejecting
 * rate-limited calls, is never paused): a call's request is issued in the turn it is made.
 */
export function quietSlackClient(options: SlackClientOptions): webApi.WebClient {
  return new webApi.WebClient(options.botToken, {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    retryConfig: { retries: 0 },
    maxRequestConcurrency: Number.POSITIVE_INFINITY,
    rejectRateLimitedCalls: true,
    timeout: options.timeoutMs,
    // The client's own logger would print request details; ours gets only error codes.
    logger: QUIET,
  });
}
