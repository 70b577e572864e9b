import type { Platform, Target } from '../model/index.ts';
import type { ResumableStore } from '../ports.ts';

/** What brings a paused subscription back, in its platform's words. */
export function howToResume(platform: Platform): string {
  return platform === 'slack'
    ? 'invite me with /invite @lessons-bot and the weekly lesson starts by itself'
    : 'add lessons-bot to this team or chat again (or @mention it here) and the weekly lesson starts by itself';
}

/**
 * The bot is back in a channel (invited in Slack; installed or spoken to in Teams): the
 * channel's paused subscription, if it has one, is active again from its next slot. True
 * when one was resumed.
 */
export async function resumeSubscription(
  store: ResumableStore,
  target: Pick<Target, 'platform' | 'workspace' | 'channel'>,
  actor: string,
  now: Date,
): Promise<boolean> {
  const subscription = await store.findSubscription(target);
  if (subscription?.status !== 'paused') return false;
  await store.setSubscriptionStatus(subscription.id, 'active', undefined, now);
  await store.audit({
    at: now,
    actor,
    action: 'subscriptions.resume',
    detail: {
      subscriptionId: subscription.id,
      platform: target.platform,
      workspace: target.workspace,
      channel: target.channel,
      pausedFor: subscription.statusReason ?? null,
    },
  });
  return true;
}
