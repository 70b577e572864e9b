import type { Notifier, Platform, PostResult } from '../core/index.ts';

const SETTINGS: Record<Platform, string> = {
  slack: 'Slack is not configured in this process: set SLACK_BOT_TOKEN',
  teams:
    'Teams is not configured in this process: set TEAMS_CLIENT_ID, TEAMS_CLIENT_SECRET and TEAMS_TENANT_ID',
};

/**
 * One Notifier over the platforms' own, routed by the target's platform. A platform
 * that is not configured here answers `retry`, not `failed`: a process started without
 * its credentials must not use up a channel's week.
 */
export function routeNotifier(byPlatform: Partial<Record<Platform, Notifier>>): Notifier {
  const missing = (platform: Platform): PostResult => ({
    ok: false,
    outcome: 'retry',
    error: SETTINGS[platform],
  });
  return {
    // The hooks go through: the platform's notifier marks the ledger row just before sending.
    post: (target, message, hooks) =>
      byPlatform[target.platform]?.post(target, message, hooks) ??
      Promise.resolve(missing(target.platform)),
    update: (target, ref, message) =>
      byPlatform[target.platform]?.update(target, ref, message) ??
      Promise.resolve(missing(target.platform)),
  };
}
