import { type Conversation, errorReply } from '../../commands/index.ts';
import type { Reply, Schedule, Subscription, SubscriptionChange } from '../../model/index.ts';
import { howToResume } from '../resume.ts';
import { parseSubscribe, type SubscribeRequest } from '../subscribe/parse-subscribe.ts';
import type { BriefingCommandsDeps } from './command-deps.ts';
import {
  describeSchedule,
  describeThemes,
  nextPostTime,
  toSubscriptionCard,
} from './subscription-card.ts';

/** Monday 09:00 in London, every theme: what `subscribe` alone asks for. */
export const DEFAULT_SCHEDULE: Schedule = { day: 1, time: '09:00', timezone: 'Europe/London' };

export const NEXT_STEPS = ['preview', 'subscription', 'unsubscribe'];

function merge(request: SubscribeRequest, existing: Subscription | undefined) {
  const base = existing?.schedule ?? DEFAULT_SCHEDULE;
  const schedule: Schedule = {
    day: request.day ?? base.day,
    time: request.time ?? base.time,
    timezone: request.timezone ?? base.timezone,
  };
  return {
    schedule,
    themes: request.themes ?? existing?.themes ?? [],
    ...(request.nation === undefined ? {} : { nation: request.nation }),
    ...(request.reminders === undefined ? {} : { reminders: request.reminders }),
  };
}

function sameAs(existing: Subscription, where: Conversation, wanted: ReturnType<typeof merge>) {
  const s = existing.schedule;
  return (
    existing.status === 'active' &&
    s.day === wanted.schedule.day &&
    s.time === wanted.schedule.time &&
    s.timezone === wanted.schedule.timezone &&
    existing.themes.join(',') === wanted.themes.join(',') &&
    (wanted.nation === undefined || (existing.nation ?? 'england') === wanted.nation) &&
    (wanted.reminders === undefined || (existing.reminders ?? true) === wanted.reminders) &&
    (where.target.label === undefined || existing.target.label === where.target.label)
  );
}

function confirmation(change: SubscriptionChange, what: string, next: string): string {
  switch (change) {
    case 'subscribed':
      return `Subscribed: this channel will get a lesson to discuss ${what}. The first comes on ${next}.`;
    case 'unchanged':
      return `This channel already gets a lesson ${what}. The next comes on ${next}.`;
    default:
      return `Updated: this channel now gets a lesson ${what}. The next comes on ${next}.`;
  }
}

async function save(
  deps: BriefingCommandsDeps,
  where: Conversation,
  wanted: ReturnType<typeof merge>,
  change: SubscriptionChange,
  now: Date,
): Promise<Subscription> {
  const subscription = await deps.store.saveSubscription(
    { target: where.target, ...wanted, by: where.userId },
    now,
  );
  await deps.store.audit({
    at: now,
    actor: where.userId,
    action: 'subscriptions.add',
    detail: {
      subscriptionId: subscription.id,
      change,
      ...where.target,
      ...wanted.schedule,
      themes: wanted.themes,
      ...(wanted.nation === undefined ? {} : { nation: wanted.nation }),
      ...(wanted.reminders === undefined ? {} : { reminders: wanted.reminders }),
    },
  });
  return subscription;
}

/** The bot is not in the channel: nothing is posted until it is (see resumeSubscription). */
async function pause(
  deps: BriefingCommandsDeps,
  subscription: Subscription,
  reason: string,
  now: Date,
): Promise<Subscription> {
  await deps.store.setSubscriptionStatus(subscription.id, 'paused', reason, now);
  return { ...subscription, status: 'paused', statusReason: reason, updatedAt: now };
}

/**
 * `subscribe [<day>] [<HH:MM>] [<Area/City>] [themes a,b]` for the channel it came from.
 * A first subscription takes Monday 09:00 Europe/London and every theme for what it leaves
 * out; subscribing again changes only what it names ("themes all" clears the focus).
 * Bad input stores nothing and says how to fix it.
 */
export async function subscribe(
  deps: BriefingCommandsDeps,
  where: Conversation,
  args: string,
): Promise<Reply> {
  const corpus = deps.corpus();
  const parsed = parseSubscribe(corpus, args);
  if (!parsed.ok) {
    const { message, themes } = parsed.problem;
    const tries = themes.map((t) => ({ label: t.label, action: { kind: 'theme' as const, ...t } }));
    return errorReply('subscribe_invalid', message, tries);
  }
  const existing = await deps.store.findSubscription(where.target);
  const wanted = merge(parsed.request, existing);
  const now = deps.clock();
  const change: SubscriptionChange = !existing
    ? 'subscribed'
    : sameAs(existing, where, wanted)
      ? 'unchanged'
      : 'updated';
  const saved =
    change === 'unchanged' && existing ? existing : await save(deps, where, wanted, change, now);
  const unreachable = await deps.notifier?.unreachable?.(where.target).catch(() => undefined);
  const subscription = unreachable ? await pause(deps, saved, unreachable, now) : saved;
  const history = await deps.store.listDeliveries({
    subscriptionId: subscription.id,
    kind: 'briefing',
  });
  const next = nextPostTime(subscription, history, now);
  const view = toSubscriptionCard(corpus, subscription, next);
  const what = `${describeSchedule(subscription.schedule)}, on ${describeThemes(corpus, subscription.themes)}`;
  return {
    kind: 'subscription',
    change,
    subscription: view,
    text: unreachable
      ? `${change === 'subscribed' ? 'Subscribed' : 'Saved'}: this channel will get a lesson ${what}, but the bot cannot post here yet (${unreachable}). To fix it, ${howToResume(where.target.platform)}.`
      : confirmation(change, what, view.nextPost ?? ''),
    examples: NEXT_STEPS,
  };
}
