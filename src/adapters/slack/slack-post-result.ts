/**
 * What a Web API call's failure means for the delivery runner: `paused` (the bot is not in
 * the channel), `gone` (the channel or the installation is no more), `retry` (try again
 * later) or `failed` (refused for good). Only Slack's error codes and HTTP statuses are
 * kept: never a token or a body.
 */
import type { PostResult } from '../../core/index.ts';

type Failure = Extract<PostResult, { ok: false }>;

/**
 * The bot is not in the channel: never invited, or removed. A private channel the bot is
 * not in is invisible to it, so Slack says channel_not_found there. The subscription waits
 * for the bot to be invited (member_joined_channel).
 */
export const WITHOUT_THE_BOT = new Set(['not_in_channel', 'channel_not_found']);

/** The channel or the workspace's installation is gone: the subscription stops. */
const GONE = new Set([
  'is_archived',
  'account_inactive',
  'token_revoked',
  'team_access_not_granted',
  'team_not_found',
]);

/** Slack's own trouble, worth another try later. */
const PASSING = new Set([
  'ratelimited',
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
]);

interface SlackErrorShape {
  code?: unknown;
  data?: { error?: unknown };
  retryAfter?: unknown;
  statusCode?: unknown;
  original?: { code?: unknown };
}

/** A fixed vocabulary for logs and metrics: Slack's snake_case codes, else a class of error. */
function safeCode(code: unknown, fallback: string): string {
  return typeof code === 'string' && /^[a-z0-9_.]{1,64}$/.test(code) ? code : fallback;
}

function platformFailure(slackError: string): Failure {
  if (WITHOUT_THE_BOT.has(slackError)) return { ok: false, outcome: 'paused', error: slackError };
  if (GONE.has(slackError)) return { ok: false, outcome: 'gone', error: slackError };
  if (PASSING.has(slackError)) return { ok: false, outcome: 'retry', error: slackError };
  return { ok: false, outcome: 'failed', error: slackError };
}

function httpFailure(status: number): Failure {
  const error = `HTTP ${status}`;
  return { ok: false, outcome: status >= 500 ? 'retry' : 'failed', error };
}

/** Sorts anything a WebClient call threw into a PostResult. */
export function slackFailure(thrown: unknown): Failure {
  const e = (thrown ?? {}) as SlackErrorShape;
  switch (e.code) {
    case 'slack_webapi_platform_error':
      return platformFailure(safeCode(e.data?.error, 'unknown_error'));
    case 'slack_webapi_rate_limited_error': {
      const seconds = typeof e.retryAfter === 'number' && e.retryAfter >= 0 ? e.retryAfter : 1;
      return { ok: false, outcome: 'retry', error: 'ratelimited', retryAfterMs: seconds * 1000 };
    }
    case 'slack_webapi_http_error':
      return httpFailure(typeof e.statusCode === 'number' ? e.statusCode : 0);
    case 'slack_webapi_request_error': {
      // No answer at all (refused, reset, timed out): the post may be retried.
      const code = e.original?.code;
      const cause = safeCode(typeof code === 'string' ? code.toLowerCase() : code, 'network');
      return { ok: false, outcome: 'retry', error: `request failed (${cause})` };
    }
    default:
      return { ok: false, outcome: 'failed', error: 'unexpected error from the Slack client' };
  }
}

/** The label for Metrics.platformError: Slack's code, or "http_503", "network", "ratelimited". */
export function metricLabel(failure: Failure): string {
  if (failure.error.startsWith('HTTP ')) return `http_${failure.error.slice(5)}`;
  if (failure.error.startsWith('request failed')) return 'network';
  if (failure.error.startsWith('unexpected')) return 'unexpected';
  return failure.error;
}
