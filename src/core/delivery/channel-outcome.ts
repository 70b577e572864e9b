import type { ChannelOutcome, Subscription } from '../model/index.ts';

export function channelOutcome(subscription: Subscription, reason: string): ChannelOutcome {
  const { platform, workspace, channel, label } = subscription.target;
  return {
    subscriptionId: subscription.id,
    platform,
    workspace,
    channel,
    label: label ?? channel,
    reason,
  };
}
