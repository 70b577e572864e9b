import { buildBriefing, chooseLesson } from '../../briefing/index.ts';
import type { Conversation } from '../../commands/index.ts';
import type { Reply, Subscription } from '../../model/index.ts';
import { howToResume } from '../resume.ts';
import { formatLocalTime, periodOf } from '../schedule-time.ts';
import { upcomingQuoting } from '../upcoming-quoting.ts';
import type { BriefingCommandsDeps } from './command-deps.ts';
import { DEFAULT_SCHEDULE, NEXT_STEPS } from './subscribe-command.ts';
import {
  describeSchedule,
  describeThemes,
  nextPostTime,
  toSubscriptionCard,
} from './subscription-card.ts';

const NOT_SUBSCRIBED: Reply = {
  kind: 'subscription',
  change: 'not-subscribed',
  subscription: null,
  text: 'This channel does not get the weekly lesson. Type “subscribe” for one every Monday at 09:00 (Europe/London), or choose your day, time and themes.',
  examples: ['subscribe', 'subscribe tue 10:30 Europe/London themes neglect,escalation'],
};

async function briefingHistory(deps: BriefingCommandsDeps, subscription: Subscription) {
  return deps.store.listDeliveries({ subscriptionId: subscription.id, kind: 'briefing' });
}

/** `subscription`: what this channel gets and when the next one comes. */
export async function showSubscription(
  deps: BriefingCommandsDeps,
  where: Conversation,
): Promise<Reply> {
  const subscription = await deps.store.findSubscription(where.target);
  if (!subscription) return NOT_SUBSCRIBED;
  const corpus = deps.corpus();
  const next = nextPostTime(subscription, await briefingHistory(deps, subscription), deps.clock());
  const view = toSubscriptionCard(corpus, subscription, next);
  const what = `${describeSchedule(subscription.schedule)}, on ${describeThemes(corpus, subscription.themes)}`;
  const reason = subscription.statusReason ?? 'no reason given';
  const text =
    subscription.status === 'active'
      ? `This channel gets a lesson to discuss ${what}. The next comes on ${view.nextPost}.`
      : subscription.status === 'paused'
        ? `This channel’s weekly lesson (${what}) is paused: the bot cannot post here (${reason}). To fix it, ${howToResume(where.target.platform)}.`
        : `This channel’s weekly lesson stopped because the bot could not post here (${reason}). Type “subscribe” to start it again.`;
  return {
    kind: 'subscription',
    change: 'current',
    subscription: view,
    text,
    examples: NEXT_STEPS,
  };
}

/** `unsubscribe`: no more weekly lessons here; what was posted stays in the ledger as evidence. */
export async function unsubscribe(deps: BriefingCommandsDeps, where: Conversation): Promise<Reply> {
  const subscription = await deps.store.findSubscription(where.target);
  if (!subscription) return NOT_SUBSCRIBED;
  const now = deps.clock();
  await deps.store.setSubscriptionStatus(subscription.id, 'removed', 'unsubscribed', now);
  await deps.store.audit({
    at: now,
    actor: where.userId,
    action: 'subscriptions.remove',
    detail: { subscriptionId: subscription.id, ...where.target },
  });
  const removed: Subscription = {
    ...subscription,
    status: 'removed',
    statusReason: 'unsubscribed',
    updatedAt: now,
  };
  return {
    kind: 'subscription',
    change: 'unsubscribed',
    subscription: toSubscriptionCard(deps.corpus(), removed, undefined),
    text: 'Unsubscribed: this channel will not get the weekly lesson any more. What it has had stays in the partnership’s report. Type “subscribe” to start again.',
    examples: ['subscribe'],
  };
}

/**
 * `preview`: the briefing this channel would get next, chosen as the runner will choose
 * it, without claiming anything. A channel that is not subscribed sees what a new
 * subscription would get first.
 */
export async function preview(deps: BriefingCommandsDeps, where: Conversation): Promise<Reply> {
  const found = await deps.store.findSubscription(where.target);
  const subscription = found ?? { themes: [], schedule: DEFAULT_SCHEDULE };
  const history = found ? await briefingHistory(deps, found) : [];
  const corpus = deps.corpus();
  const lesson = chooseLesson(corpus, subscription, history);
  if (!lesson) return { kind: 'notice', text: 'There are no lessons in the corpus yet.' };
  const when = nextPostTime(subscription, history, deps.clock());
  const period = periodOf(subscription.schedule, when);
  const briefing = buildBriefing(corpus, { id: '', period, lessonId: lesson.id }, 0);
  const active = found?.status === 'active';
  const coming =
    active && deps.followUps
      ? await upcomingQuoting(deps.store, corpus, found, deps.clock(), deps.followUps)
      : [];
  return {
    kind: 'briefing',
    preview: true,
    briefing,
    nextPost: active ? formatLocalTime(when, subscription.schedule.timezone) : null,
    notices: active
      ? coming
      : [
          {
            kind: 'info',
            text: 'This channel does not get the weekly lesson: this is what it would get first. Type “subscribe” to start.',
          },
        ],
  };
}
