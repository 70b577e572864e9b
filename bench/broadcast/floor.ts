/**
 * The floor: the least time the fakes' limits allow for a broadcast, from fresh limits,
 * with every request answered at once. Each channel gets one post, so per channel only
 * the burst matters; the workspace (Slack) and tenant (Teams) rates set the pace.
 */
import type { PlatformLimits } from './limits.ts';
import type { Limit } from './rate-limiter.ts';

/** The least time `count` requests take under one limit and one key, in ms. */
export function limitFloorMs(limit: Limit, count: number): number {
  if (count <= 0) return 0;
  if (limit.kind === 'bucket') return (Math.max(0, count - limit.burst) * 1000) / limit.perSecond;
  return (Math.ceil(count / limit.max) - 1) * limit.windowMs;
}

export interface Floors {
  slackMs: number;
  teamsMs: number;
  /** both platforms are posted to at once, so the broadcast's floor is the larger */
  broadcastMs: number;
}

/** For `slack` channels in one workspace and `teams` conversations in one tenant, one post each. */
export function broadcastFloor(limits: PlatformLimits, slack: number, teams: number): Floors {
  const perChannel = (limit: Limit, channels: number) =>
    channels > 0 ? limitFloorMs(limit, 1) : 0;
  const slackMs = Math.max(
    limitFloorMs(limits.slack.workspace, slack),
    perChannel(limits.slack.channel, slack),
  );
  const teamsMs = Math.max(
    limitFloorMs(limits.teams.tenant, teams),
    ...limits.teams.conversation.map((limit) => perChannel(limit, teams)),
  );
  return { slackMs, teamsMs, broadcastMs: Math.max(slackMs, teamsMs) };
}
