import type { Platform, Target } from '../model/index.ts';
import type { Clock } from '../ports.ts';

/** A token bucket: `limit` posts per `perMs` on average, up to `burst` at once. */
export interface Rate {
  limit: number;
  perMs: number;
  burst: number;
}

/** Rates per channel and per workspace (Slack team, Teams tenant), for each platform. */
export type PacingLimits = Record<Platform, { channel: Rate; workspace: Rate }>;

/**
 * Defaults: the platforms' limits for posting, with a margin (docs/architecture.md,
 * "Platform limits"; the fakes of `npm run bench:broadcast` enforce the same figures).
 * - Slack chat.postMessage (https://docs.slack.dev/reference/methods/chat.postMessage,
 *   "Rate limiting"): "1 message per second to a specific channel", and per workspace
 *   "several hundred messages per minute", with bursts. Slack gives no workspace figure,
 *   so we read "several hundred" as 300 a minute and pace at 90 % of it, 270 a minute,
 *   with bursts of 10: at most 280 in any minute. Per channel 1 a second, no burst.
 *   chat.postMessage has its own limit, apart from chat.update (Tier 3) and response_urls,
 *   so a broadcast leaves the bot's other Slack calls alone.
 * - Teams (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit):
 *   "The global limit per app per tenant is 50 Requests Per Second", shared with the
 *   bot's replies and card updates in that tenant, so we pace posts at 40 a second with
 *   bursts of 5: at most 45 in any second, leaving 5 to 10 for replies. Per conversation
 *   ("per bot per thread") 7 in 1 s, 8 in 2 s, 60 in 30 s and 1,800 in an hour: we
 *   allow 4 in 10 s with bursts of 3, at most 1,443 an hour (80 %).
 * Each process paces only itself: with two replicas, or a platform stricter than this,
 * the 429s' Retry-After holds the workspace (pause) and the ledger retries the post.
 */
export const DEFAULT_PACING: PacingLimits = {
  slack: {
    channel: { limit: 1, perMs: 1_000, burst: 1 },
    workspace: { limit: 270, perMs: 60_000, burst: 10 },
  },
  teams: {
    channel: { limit: 4, perMs: 10_000, burst: 3 },
    workspace: { limit: 40, perMs: 1_000, burst: 5 },
  },
};

/** Spaces posts out within the platforms' rate limits. */
export interface Pacer {
  /** Waits until a post to the target keeps within every limit, then counts it. */
  acquire(target: Target): Promise<void>;
  /** The platform asked us to wait (429 Retry-After): hold the target's workspace that long. */
  pause(target: Target, ms: number): void;
}

interface Bucket {
  rate: Rate;
  tokens: number;
  at: number;
  pausedUntil: number;
}

function refill(bucket: Bucket, now: number): void {
  const earned = ((now - bucket.at) * bucket.rate.limit) / bucket.rate.perMs;
  bucket.tokens = Math.min(bucket.rate.burst, bucket.tokens + Math.max(0, earned));
  bucket.at = Math.max(bucket.at, now);
}

/** How long until the bucket has a whole token and is not paused; 0 when it has. */
function waitFor(bucket: Bucket, now: number): number {
  refill(bucket, now);
  const pause = Math.max(0, bucket.pausedUntil - now);
  const short = Math.max(0, 1 - bucket.tokens);
  return Math.max(pause, Math.ceil((short * bucket.rate.perMs) / bucket.rate.limit));
}

/**
 * A pacer over in-memory token buckets, one per channel and one per workspace. Each
 * process paces itself: two replicas may together go faster, which the 429 handling covers.
 */
export function createPacer(options: {
  limits?: PacingLimits;
  clock: Clock;
  sleep: (ms: number) => Promise<void>;
}): Pacer {
  const limits = options.limits ?? DEFAULT_PACING;
  const buckets = new Map<string, Bucket>();
  const bucket = (key: string, rate: Rate): Bucket => {
    let found = buckets.get(key);
    if (!found) {
      found = { rate, tokens: rate.burst, at: options.clock().getTime(), pausedUntil: 0 };
      buckets.set(key, found);
    }
    return found;
  };
  const bucketsOf = (target: Target): Bucket[] => {
    const rates = limits[target.platform];
    const workspace = `${target.platform}|${target.workspace}`;
    return [
      bucket(`${workspace}|${target.channel}`, rates.channel),
      bucket(workspace, rates.workspace),
    ];
  };
  return {
    async acquire(target) {
      const needed = bucketsOf(target);
      for (;;) {
        const now = options.clock().getTime();
        const wait = Math.max(...needed.map((b) => waitFor(b, now)));
        if (wait <= 0) {
          for (const b of needed) b.tokens -= 1;
          return;
        }
        await options.sleep(wait);
      }
    },
    pause(target, ms) {
      const [, workspace] = bucketsOf(target);
      if (workspace) {
        const until = options.clock().getTime() + ms;
        workspace.pausedUntil = Math.max(workspace.pausedUntil, until);
      }
    },
  };
}
