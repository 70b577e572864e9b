/**
 * The cards the bot posts in channels, as Block Kit: the weekly "Lesson of the week"
 * and "New review published". Pure. Short sections, one idea each, so they read well on
 * a phone; the "Discussed in our team" button carries the ledger row and shows the count.
 */
import {
  type Announcement,
  type Briefing,
  discussedLabel,
  FOLLOW_UP_ANSWERS,
  type FollowUp,
  followUpLabel,
  MAX_PLAN_LENGTH,
  type OutgoingMessage,
  publishedOn,
  type Reminder,
  type ReviewCard,
} from '../../core/index.ts';
import {
  actions,
  type Block,
  type ButtonElement,
  context,
  header,
  lineInput,
  section,
} from './blocks.ts';
import { escapeTrim, link, safeUrl } from './mrkdwn.ts';
import { actionButton, reviewSource } from './render-lesson.ts';

/** The button that records an acknowledgement; none for a preview, whose id is ''. */
function discussedButton(deliveryId: string, count: number, of: string): ButtonElement | null {
  if (deliveryId === '') return null;
  const spoken = `${discussedLabel(count)}: ${of}`;
  return actionButton(discussedLabel(count), { kind: 'ack', deliveryId }, 0, 'primary', spoken);
}

/** "What will we do differently?": opens a modal for the team's plan; none for a preview. */
function planButton(deliveryId: string, of: string): ButtonElement | null {
  if (deliveryId === '') return null;
  const spoken = `What will we do differently after: ${of}`;
  return actionButton(
    'What will we do differently?',
    { kind: 'plan', deliveryId },
    2,
    undefined,
    spoken,
  );
}

function numbered(items: readonly string[], max: number, each: number): string {
  return items
    .slice(0, max)
    .map((item, i) => `${i + 1}. ${escapeTrim(item, each)}`)
    .join('\n');
}

/** The body of a weekly briefing; a preview (deliveryId '') has no acknowledgement button. */
export function briefingBlocks(briefing: Briefing): Block[] {
  const { lesson } = briefing;
  const themes = lesson.themes.map((t) => t.label).join(', ');
  const firstTheme = lesson.themes[0];
  return [
    section(`*${escapeTrim(lesson.title, 300)}*\n${escapeTrim(lesson.text, 2500)}`),
    context(`:books: ${reviewSource(lesson.review)}`),
    ...(briefing.whatHappened.trim() === ''
      ? []
      : [section(`*What happened*\n${escapeTrim(briefing.whatHappened, 1500)}`)]),
    ...(briefing.questions.length === 0
      ? []
      : [section(`*Questions for your team*\n${numbered(briefing.questions, 6, 400)}`)]),
    ...(themes === '' ? [] : [context(`Themes: ${escapeTrim(themes, 500)}`)]),
    ...actions([
      discussedButton(briefing.deliveryId, briefing.acknowledgements, lesson.title),
      planButton(briefing.deliveryId, lesson.title),
      firstTheme
        ? actionButton(
            'More on this theme',
            { kind: 'theme', id: firstTheme.id, label: firstTheme.label },
            1,
            undefined,
            `More lessons on ${firstTheme.label}`,
          )
        : null,
    ]),
  ];
}

function reviewHeading(review: ReviewCard): string {
  const where = `${review.area} · published ${publishedOn(review.published)}`;
  return `*${link(review.url, review.title, 250)}*\n${escapeTrim(where, 300)}`;
}

function keyLessonLines(announcement: Announcement): string {
  return announcement.keyLessons
    .slice(0, 3)
    .map((l) => `• *${escapeTrim(l.title, 250)}*\n${escapeTrim(l.text, 400)}`)
    .join('\n');
}

export function announcementBlocks(announcement: Announcement): Block[] {
  const { review, totalLessons } = announcement;
  const url = safeUrl(review.url);
  const all = totalLessons === 1 ? 'See the lesson' : `See all ${totalLessons} lessons`;
  return [
    section(reviewHeading(review)),
    section(escapeTrim(review.summary, 1500)),
    ...(announcement.keyLessons.length === 0
      ? []
      : [section(`*Key lessons*\n${keyLessonLines(announcement)}`)]),
    ...(url ? [context(`:page_facing_up: ${link(url, 'Read the full review')}`)] : []),
    ...actions([
      discussedButton(announcement.deliveryId, announcement.acknowledgements, review.title),
      totalLessons > 0
        ? actionButton(
            all,
            { kind: 'review', id: review.id },
            1,
            undefined,
            `${all} of ${review.title}`,
          )
        : null,
    ]),
  ];
}

/** A posted card: its heading, its body, and the fallback shown in notifications. */
export function outgoingParts(message: OutgoingMessage): {
  text: string;
  blocks: Block[];
} {
  if (message.kind === 'briefing') {
    const { briefing } = message;
    return {
      text: `Lesson of the week: ${escapeTrim(briefing.lesson.title, 200)}`,
      blocks: [header('Lesson of the week'), ...briefingBlocks(briefing)],
    };
  }
  if (message.kind === 'follow-up') return followUpParts(message.followUp);
  if (message.kind === 'reminder') return reminderParts(message.reminder);
  const { review } = message.announcement;
  return {
    text: `New review published: ${escapeTrim(`${review.title} (${review.area})`, 200)}`,
    blocks: [header('New review published'), ...announcementBlocks(message.announcement)],
  };
}

/** The follow-up's "What changed" input: its value comes with the answer pressed. */
export const WHAT_CHANGED_INPUT = 'what_changed';

/** "What changed (optional)" and the four answers, or, once answered, what the team said. */
function followUpAnswerBlocks(followUp: FollowUp): Block[] {
  if (followUp.answer !== undefined) {
    const changed =
      followUp.whatChanged === undefined
        ? ''
        : `\n*What changed:* ${escapeTrim(followUp.whatChanged, 300)}`;
    return [section(`*Your team answered:* ${followUpLabel(followUp.answer)}${changed}`)];
  }
  return [
    lineInput(
      WHAT_CHANGED_INPUT,
      {
        label: 'What changed (optional)',
        hint: `Type it before you answer. At most ${MAX_PLAN_LENGTH} characters; no names, dates of birth, addresses or NHS numbers.`,
        placeholder: 'One line on what your team does differently now',
      },
      MAX_PLAN_LENGTH,
    ),
    ...actions(
      FOLLOW_UP_ANSWERS.map(({ answer, label }, i) =>
        actionButton(
          label,
          { kind: 'follow-up', deliveryId: followUp.deliveryId, answer },
          i,
          undefined,
          `${label}: ${followUp.lesson.title}`,
        ),
      ),
    ),
  ];
}

/** "Has it made a difference?": the lesson and the team's plan quoted, and the four answers. */
function followUpParts(followUp: FollowUp): { text: string; blocks: Block[] } {
  const weeks = `${followUp.weeks} week${followUp.weeks === 1 ? '' : 's'} ago`;
  return {
    text: `Has it made a difference? ${escapeTrim(followUp.lesson.title, 200)}`,
    blocks: [
      header('Has it made a difference?'),
      section(
        `${weeks} your team discussed *${escapeTrim(followUp.lesson.title, 300)}* and planned:\n>${escapeTrim(followUp.plan, 300)}`,
      ),
      context(`:books: ${reviewSource(followUp.lesson.review)}`),
      ...followUpAnswerBlocks(followUp),
    ],
  };
}

/** One short line in the lesson's thread. */
function reminderParts(reminder: Reminder): { text: string; blocks: Block[] } {
  const text = `A reminder: has your team discussed “${escapeTrim(reminder.lessonTitle, 200)}”? When you have, press “Discussed in our team” on the card above.`;
  return { text, blocks: [section(text)] };
}
