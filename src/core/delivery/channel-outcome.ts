import type { Platform, Subscription } from './model.ts';

/** A channel a post did not reach, as listed in run summaries, publish results and replies. */
export interface ChannelOutcome {
  subscriptionId: string;
  platform: Platform;
  workspace: string;
  channel: string;
  /** what people call it: the target's label, else the channel id */
  label: string;
  /** what the platform said, in words an operator can act on */
  reason: string;
}

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
