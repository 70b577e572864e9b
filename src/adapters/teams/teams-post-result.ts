/**
 * What a Bot Framework connector failure means for the delivery runner: `paused` (403/404
 * with the connector's error code, e.g. BotNotInConversationRoster: the app was removed, or
 * the conversation deleted; the subscription resumes when the app is installed or spoken to
 * there again), `retry` (429 with its Retry-After, 407, 412, 5xx, a 403/404 the connector
 * did not explain, no answer at all) or `failed` (anything else, e.g. 400 or 413). Only
 * statuses and the connector's error codes are kept.
 */
import type { PostResult } from '../../core/index.ts';

type Failure = Extract<PostResult, { ok: false }>;

interface AxiosLike {
  code?: unknown;
  name?: unknown;
  response?: { status?: unknown; headers?: Record<string, unknown>; data?: unknown };
}

const PASSING_STATUSES = new Set([407, 412, 429, 500, 502, 503, 504]);

function safeCode(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Za-z0-9_.]{1,64}$/.test(value) ? value : undefined;
}

/** The connector's own code, e.g. "BotNotInConversationRoster", from `{ error: { code } }`. */
function connectorCode(data: unknown): string | undefined {
  const error = (data as { error?: { code?: unknown } } | null | undefined)?.error;
  return safeCode(error?.code);
}

/** Retry-After in seconds or as an HTTP date, in milliseconds from `now`. */
export function retryAfterMs(header: unknown, now = Date.now()): number | undefined {
  if (typeof header !== 'string' && typeof header !== 'number') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const at = Date.parse(String(header));
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function httpFailure(status: number, response: NonNullable<AxiosLike['response']>): Failure {
  const code = connectorCode(response.data);
  const error = `HTTP ${status}${code ? ` ${code}` : ''}`;
  if (status === 403 || status === 404) {
    // Without the connector's code the refusal came from something in between, such as an
    // outbound proxy that does not allow the connector's host: the channel is not gone.
    return { ok: false, outcome: code ? 'paused' : 'retry', error };
  }
  if (status === 429) {
    const wait = retryAfterMs(response.headers?.['retry-after']);
    return {
      ok: false,
      outcome: 'retry',
      error,
      ...(wait === undefined ? {} : { retryAfterMs: wait }),
    };
  }
  if (PASSING_STATUSES.has(status) || status >= 500) return { ok: false, outcome: 'retry', error };
  return { ok: false, outcome: 'failed', error };
}

/** Sorts anything a connector call threw into a PostResult. */
export function teamsFailure(thrown: unknown): Failure {
  const e = (thrown ?? {}) as AxiosLike;
  const status = e.response?.status;
  if (e.response && typeof status === 'number') return httpFailure(status, e.response);
  // No answer: refused, reset, timed out, or the token could not be fetched. Try again later.
  const cause = safeCode(e.code)?.toLowerCase() ?? safeCode(e.name) ?? 'network';
  return { ok: false, outcome: 'retry', error: `request failed (${cause})` };
}

/** The label for Metrics.platformError: "http_403", "network", "no_reference", … */
export function metricLabel(failure: Failure): string {
  const http = /^HTTP (\d{3})/.exec(failure.error);
  if (http) return `http_${http[1]}`;
  if (failure.error.startsWith('request failed')) return 'network';
  return failure.error.split(':')[0] ?? 'other';
}
