/**
 * What the fake platforms enforce, and why. The figures are the platforms' own where
 * they publish one, and the cautious reading of their words where they do not; see
 * docs/architecture.md ("Platform limits") and docs/benchmarks.md.
 */
import type { BucketLimit, WindowLimit } from './rate-limiter.ts';

export interface SlackLimits {
  /** chat.postMessage to one channel */
  channel: BucketLimit;
  /** chat.postMessage by one app across one workspace */
  workspace: BucketLimit;
}

export interface TeamsLimits {
  /** posts by one bot to one conversation ("per bot per thread"), every window at once */
  conversation: WindowLimit[];
  /** every request by one app in one tenant */
  tenant: WindowLimit;
}

export interface PlatformLimits {
  slack: SlackLimits;
  teams: TeamsLimits;
}

/**
 * - Slack, https://docs.slack.dev/reference/methods/chat.postMessage ("Rate limiting"):
 *   "generally allow an app to post 1 message per second to a specific channel … limiting
 *   posting to several hundred messages per minute" per workspace, "generous burst
 *   behavior"; https://api.slack.com/docs/rate-limits: "1 per second, short bursts >1
 *   allowed". Per channel: 1/s with a burst of 3. Per workspace: 300 a minute (the low
 *   reading of "several hundred") with a burst of 20, since Slack gives no figure.
 * - Teams, https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit:
 *   "The global limit per app per tenant is 50 Requests Per Second", and per bot per
 *   thread "Send to conversation" 7 in 1 s, 8 in 2 s, 60 in 30 s, 1,800 in 3,600 s.
 */
export const PLATFORM_LIMITS: PlatformLimits = {
  slack: {
    channel: { kind: 'bucket', perSecond: 1, burst: 3 },
    workspace: { kind: 'bucket', perSecond: 300 / 60, burst: 20 },
  },
  teams: {
    conversation: [
      { kind: 'window', max: 7, windowMs: 1_000 },
      { kind: 'window', max: 8, windowMs: 2_000 },
      { kind: 'window', max: 60, windowMs: 30_000 },
      { kind: 'window', max: 1_800, windowMs: 3_600_000 },
    ],
    tenant: { kind: 'window', max: 50, windowMs: 1_000 },
  },
};

/** The platform limits with a stricter (or looser) workspace or tenant rate, to see 429s handled. */
export function limitsWith(overrides: {
  slackPerMinute?: number | undefined;
  teamsPerSecond?: number | undefined;
}): PlatformLimits {
  const { slack, teams } = PLATFORM_LIMITS;
  return {
    slack: overrides.slackPerMinute
      ? { ...slack, workspace: { ...slack.workspace, perSecond: overrides.slackPerMinute / 60 } }
      : slack,
    teams: overrides.teamsPerSecond
      ? { ...teams, tenant: { ...teams.tenant, max: overrides.teamsPerSecond } }
      : teams,
  };
}
