import type { Subscription } from '../model/index.ts';

/** The rate-limit domain a subscription posts into: its platform and workspace (or tenant). */
export function workspaceOf(subscription: Pick<Subscription, 'target'>): string {
  return `${subscription.target.platform}|${subscription.target.workspace}`;
}
