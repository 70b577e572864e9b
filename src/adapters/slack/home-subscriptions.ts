/** The Home tab's "Channel subscriptions": this workspace's channels, from the store. */
import {
  type Clock,
  type Corpus,
  describeSchedule,
  formatLocalTime,
  nextPostTime,
  type Store,
  type Subscription,
  themeRef,
} from '../../core/index.ts';
import type { HomeSubscription } from './render-home.ts';
import type { SubscriptionLister } from './slack-context.ts';

/** Enough history to know whether this week's lesson was already posted. */
const RECENT_MS = 8 * 24 * 60 * 60_000;
const MAX_LISTED = 100;

async function toHome(
  store: Pick<Store, 'listDeliveries'>,
  corpus: Corpus,
  subscription: Subscription,
  now: Date,
): Promise<HomeSubscription> {
  const { target, schedule, themes } = subscription;
  const base: HomeSubscription = {
    channelId: target.channel,
    ...(target.label ? { label: target.label } : {}),
    schedule: describeSchedule(schedule),
    focus:
      themes.length === 0
        ? ''
        : `themes: ${themes.map((id) => themeRef(corpus, id).label).join(', ')}`,
  };
  if (subscription.status === 'paused') {
    return { ...base, paused: subscription.statusReason ?? 'the bot is not in the channel' };
  }
  if (subscription.status !== 'active') {
    return { ...base, stopped: subscription.statusReason ?? 'the bot could not post there' };
  }
  const history = await store.listDeliveries({
    subscriptionId: subscription.id,
    kind: 'briefing',
    since: new Date(now.getTime() - RECENT_MS),
  });
  const next = nextPostTime(subscription, history, now);
  return { ...base, nextPost: formatLocalTime(next, schedule.timezone) };
}

/**
 * Lists the Slack workspace's subscriptions (active first, then paused and stopped ones), each with
 * its schedule, focus and next post. Every user of the workspace sees the same list;
 * channel links show private channels' names only to their members.
 */
export function storeSubscriptionLister(
  store: Pick<Store, 'listSubscriptions' | 'listDeliveries'>,
  corpus: () => Corpus,
  clock: Clock,
): SubscriptionLister {
  return async ({ teamId }) => {
    const now = clock();
    const all = await store.listSubscriptions({ status: ['active', 'paused', 'inactive'] });
    const here = all
      .filter((s) => s.target.platform === 'slack' && s.target.workspace === teamId)
      .sort((a, b) => Number(a.status !== 'active') - Number(b.status !== 'active'))
      // The Home tab shows at most about this many; no need to look up the rest.
      .slice(0, MAX_LISTED);
    return Promise.all(here.map((s) => toHome(store, corpus(), s, now)));
  };
}
