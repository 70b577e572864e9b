import type { Notifier, Platform, PostFailure } from '../core/index.ts';

const SETTINGS: Record<Platform, string> = {
  slack: 'Slack is not configured in this process: set SLACK_BOT_TOKEN',
  teams:
    'Teams is not configured in this process: set TEAMS_CLIENT_ID, TEAMS_CLIENT_SECRET and TEAMS_TENANT_ID',
};

/**
 * One Notifier over the platforms' own, routed by the target's platform. A platform that
 * is not configured here says so (notConfigured), so that the runner claims nothing for it:
 * a process started without its credentials must neither use up a channel's week nor
 * retry what cannot work. A post that reaches it anyway is refused as `failed`.
 */
export function routeNotifier(byPlatform: Partial<Record<Platform, Notifier>>): Notifier {
  const missing = (platform: Platform): PostFailure => ({
    ok: false,
    outcome: 'failed',
    error: SETTINGS[platform],
  });
  return {
    notConfigured: (platform) => (byPlatform[platform] ? undefined : SETTINGS[platform]),
    unreachable: async (target) => byPlatform[target.platform]?.unreachable?.(target),
    prepare: (target, message) =>
      byPlatform[target.platform]?.prepare(target, message) ??
      Promise.resolve(missing(target.platform)),
    update: (target, ref, message) =>
      byPlatform[target.platform]?.update(target, ref, message) ??
      Promise.resolve(missing(target.platform)),
  };
}
