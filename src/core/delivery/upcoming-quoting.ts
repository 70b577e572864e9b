import type { Corpus } from '../lessons/index.ts';
import type { Delivery, Notice, Subscription } from '../model/index.ts';
import type { Store } from '../ports.ts';
import { followUpDue, type IsWorkingDay, reminderDue } from './quoting-due.ts';
import { formatLocalTime } from './schedule-time.ts';

/** What follow-ups and reminders need to be foreseen: main.ts passes the runner's own. */
export interface FollowUpSettings {
  weeks: number;
  isWorkingDay: IsWorkingDay;
}

const DAY_MS = 24 * 60 * 60_000;

function titleOf(corpus: Corpus, lesson: Delivery): string {
  return corpus.lessonById.get(lesson.lessonId ?? '')?.title ?? 'a lesson';
}

/**
 * The follow-ups and reminders still to come for a channel, from now, in words for
 * `preview`: each lesson its team planned a change for and not yet followed up, and the
 * latest lesson nobody marked discussed, if its reminder is not past.
 */
export async function upcomingQuoting(
  store: Pick<Store, 'listDeliveries' | 'listTeamDiscussions'>,
  corpus: Corpus,
  subscription: Subscription,
  now: Date,
  settings: FollowUpSettings,
): Promise<Notice[]> {
  const since = new Date(now.getTime() - (settings.weeks + 2) * 7 * DAY_MS);
  const posted = await store.listDeliveries({ subscriptionId: subscription.id, since });
  const lessons = posted.filter((d) => d.kind === 'briefing' && d.status === 'sent');
  if (lessons.length === 0) return [];
  const done = new Set(
    posted.filter((d) => d.kind !== 'briefing').map((d) => `${d.kind}:${d.period}`),
  );
  const discussions = new Map(
    (await store.listTeamDiscussions({ since })).map((d) => [d.deliveryId, d]),
  );
  const zone = subscription.schedule.timezone;
  const notices: Notice[] = [];
  for (const lesson of lessons) {
    const discussion = discussions.get(lesson.id);
    const title = titleOf(corpus, lesson);
    if (discussion?.plan !== undefined && !done.has(`follow_up:${lesson.id}`)) {
      const when = followUpDue(lesson, subscription, settings.weeks);
      if (when >= now)
        notices.push({
          kind: 'info',
          text: `Follow-up of “${title}” (has your plan made a difference?): ${formatLocalTime(when, zone)}.`,
        });
    }
    if (!discussion && subscription.reminders !== false && !done.has(`reminder:${lesson.id}`)) {
      const when = reminderDue(lesson, subscription, settings.isWorkingDay);
      if (when >= now)
        notices.push({
          kind: 'info',
          text: `Reminder of “${title}”, not yet marked discussed: ${formatLocalTime(when, zone)}.`,
        });
    }
  }
  return notices;
}
