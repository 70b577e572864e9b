import { themeRef } from '../../commands/index.ts';
import type { Corpus } from '../../lessons/index.ts';
import type { Delivery, Schedule, Subscription, SubscriptionCard } from '../../model/index.ts';
import { formatLocalTime, nextOccurrence, periodOf } from '../schedule-time.ts';
import { weekdayName } from '../subscribe/weekday.ts';

/** "every Monday at 09:00 (Europe/London)" */
export function describeSchedule(schedule: Schedule): string {
  return `every ${weekdayName(schedule.day)} at ${schedule.time} (${schedule.timezone})`;
}

/** "every theme", "Neglect", "Neglect and Escalation", "A, B and C" */
export function describeThemes(corpus: Corpus, themes: readonly string[]): string {
  const labels = themes.map((id) => themeRef(corpus, id).label);
  if (labels.length === 0) return 'every theme';
  if (labels.length === 1) return labels[0] ?? '';
  return `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
}

/**
 * When the next weekly post will be made: the next occurrence whose week has no post yet
 * (a week already posted, say after a change of time, is skipped).
 */
export function nextPostTime(
  subscription: Pick<Subscription, 'schedule'>,
  history: readonly Delivery[],
  now: Date,
): Date {
  const posted = new Set(history.filter((d) => d.kind === 'briefing').map((d) => d.period));
  let next = nextOccurrence(subscription.schedule, now);
  for (let i = 0; i < 3 && posted.has(periodOf(subscription.schedule, next)); i++) {
    next = nextOccurrence(subscription.schedule, next);
  }
  return next;
}

export function toSubscriptionCard(
  corpus: Corpus,
  subscription: Subscription,
  nextPost: Date | undefined,
): SubscriptionCard {
  const { schedule, target } = subscription;
  const next = subscription.status === 'active' ? nextPost : undefined;
  return {
    id: subscription.id,
    platform: target.platform,
    channel: target.label ?? target.channel,
    day: weekdayName(schedule.day),
    time: schedule.time,
    timezone: schedule.timezone,
    schedule: describeSchedule(schedule),
    themes: subscription.themes.map((id) => themeRef(corpus, id)),
    status: subscription.status,
    statusReason: subscription.statusReason ?? null,
    nextPost: next ? formatLocalTime(next, schedule.timezone) : null,
    nextPostAt: next ? next.toISOString() : null,
  };
}
