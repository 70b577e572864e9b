/**
 * The cards the bot posts in channels, as card parts: the weekly "Lesson of the week"
 * and "New review published". Short TextBlocks, one idea each, and at most three
 * buttons, so that Teams desktop and mobile show them alike.
 */
import {
  type Announcement,
  type Briefing,
  discussedLabel,
  FOLLOW_UP_ANSWERS,
  type FollowUp,
  followUpLabel,
  MAX_PLAN_LENGTH,
  publishedOn,
  type Reminder,
  type ReviewCard,
} from '../../../core/index.ts';
import { PLAN_INPUT_ID } from '../action-data.ts';
import type { Budget } from './budget.ts';
import { line, plain, truncate } from './card-text.ts';
import {
  actionSet,
  botButton,
  type CardAction,
  type CardParts,
  container,
  type Element,
  present,
  subtle,
  text,
} from './elements.ts';
import { kindLabel, openReview, sourceLine } from './lesson-blocks.ts';

/** None for a preview, whose delivery id is '': nothing was posted to acknowledge. */
function discussedButton(deliveryId: string, count: number, of: string): CardAction | null {
  if (deliveryId === '') return null;
  const title = discussedLabel(count);
  return botButton(title, { action: { kind: 'ack', deliveryId } }, `${title}: ${of}`);
}

/**
 * "What will we do differently?": a labelled one-line input and its own Save button, at
 * the end of the body so they are read after the questions. None for a preview.
 */
function planParts(deliveryId: string, of: string): Element[] {
  if (deliveryId === '') return [];
  const save = botButton(
    'Save our plan',
    { action: { kind: 'plan', deliveryId } },
    `Save our plan for: ${of}`,
  );
  if (!save) return [];
  return [
    {
      type: 'Input.Text',
      id: PLAN_INPUT_ID,
      label: 'What will we do differently?',
      placeholder: 'One line, no names or case details',
      maxLength: MAX_PLAN_LENGTH,
      isMultiline: false,
      isRequired: false,
      spacing: 'Medium',
    },
    actionSet([save]),
  ];
}

function label(safe: string): Element {
  return text(safe, { size: 'Small', weight: 'Bolder', color: 'Accent', spacing: 'None' });
}

function sectionTitle(safe: string): Element {
  return text(safe, { weight: 'Bolder', spacing: 'Medium' });
}

/** The weekly briefing's body and buttons; `heading` says whether it is posted or previewed. */
export function briefingParts(briefing: Briefing, budget: Budget, heading: string): CardParts {
  const { lesson } = briefing;
  const questions = briefing.questions.slice(0, Math.min(6, budget.items));
  const theme = lesson.themes[0];
  const themes = lesson.themes
    .slice(0, budget.items)
    .map((t) => t.label)
    .join(', ');
  return {
    body: present<Element>([
      label(heading),
      text(line(lesson.title, budget.title), { size: 'Large', weight: 'Bolder', spacing: 'Small' }),
      subtle(sourceLine(lesson.review, budget)),
      text(plain(lesson.text, budget.fullText)),
      briefing.whatHappened.trim() !== '' && sectionTitle('What happened'),
      briefing.whatHappened.trim() !== '' && text(plain(briefing.whatHappened, budget.fullText)),
      questions.length > 0 && sectionTitle('Questions for your team'),
      ...questions.map((q, i) => text(`${i + 1}. ${plain(q, budget.line)}`, { spacing: 'Small' })),
      themes !== '' && subtle(line(`Themes: ${themes}`, budget.line)),
      ...planParts(briefing.deliveryId, lesson.title),
    ]),
    actions: present<CardAction>([
      discussedButton(briefing.deliveryId, briefing.acknowledgements, lesson.title),
      theme &&
        botButton(
          'More on this theme',
          { action: { kind: 'theme', id: theme.id, label: theme.label } },
          `More lessons on ${theme.label}`,
        ),
      openReview(lesson.review),
    ]),
    summary: truncate(`${heading}: ${lesson.title}`, 200),
  };
}

function reviewFacts(review: ReviewCard, budget: Budget): string {
  return line(
    `${review.area} · published ${publishedOn(review.published)} · ${kindLabel(review)}`,
    budget.line,
  );
}

export function announcementParts(announcement: Announcement, budget: Budget): CardParts {
  const { review, totalLessons } = announcement;
  const lessons = announcement.keyLessons.slice(0, Math.min(3, budget.items));
  const all = totalLessons === 1 ? 'See the lesson' : `See all ${totalLessons} lessons`;
  return {
    body: present<Element>([
      label('New review published'),
      text(line(review.title, budget.title), { size: 'Large', weight: 'Bolder', spacing: 'Small' }),
      subtle(reviewFacts(review, budget)),
      text(plain(review.summary, budget.fullText)),
      lessons.length > 0 && sectionTitle('Key lessons'),
      ...lessons.map((l) =>
        container(
          [
            text(line(l.title, budget.title), { weight: 'Bolder' }),
            text(plain(l.text, budget.text), { spacing: 'Small' }),
          ],
          { separator: true },
        ),
      ),
    ]),
    actions: present<CardAction>([
      discussedButton(announcement.deliveryId, announcement.acknowledgements, review.title),
      totalLessons > 0 &&
        botButton(all, { action: { kind: 'review', id: review.id } }, `${all} of ${review.title}`),
      openReview(review),
    ]),
    summary: truncate(`New review published: ${review.title} (${review.area})`, 200),
  };
}

/** "What changed (optional)" and the four answers, or, once answered, what the team said. */
function followUpAnswerParts(followUp: FollowUp, budget: Budget): Element[] {
  if (followUp.answer !== undefined) {
    const changed = followUp.whatChanged;
    return present<Element>([
      sectionTitle(`Your team answered: ${followUpLabel(followUp.answer)}`),
      changed !== undefined && text(`What changed: ${plain(changed, budget.line)}`),
    ]);
  }
  const buttons = FOLLOW_UP_ANSWERS.map(({ answer, label }) =>
    botButton(
      label,
      { action: { kind: 'follow-up', deliveryId: followUp.deliveryId, answer } },
      `${label}: ${followUp.lesson.title}`,
    ),
  );
  return [
    {
      type: 'Input.Text',
      id: PLAN_INPUT_ID,
      label: 'What changed (optional)',
      placeholder: 'One line, no names or case details',
      maxLength: MAX_PLAN_LENGTH,
      isMultiline: false,
      isRequired: false,
      spacing: 'Medium',
    },
    actionSet(present<CardAction>(buttons)),
  ];
}

/** "Has it made a difference?": the lesson and the team's plan quoted, and the answers. */
export function followUpParts(followUp: FollowUp, budget: Budget): CardParts {
  const weeks = `${followUp.weeks} week${followUp.weeks === 1 ? '' : 's'} ago`;
  return {
    body: [
      label('Has it made a difference?'),
      text(line(followUp.lesson.title, budget.title), { size: 'Large', weight: 'Bolder' }),
      subtle(sourceLine(followUp.lesson.review, budget)),
      text(`${weeks} your team planned: “${plain(followUp.plan, budget.line)}”`),
      ...followUpAnswerParts(followUp, budget),
    ],
    actions: [],
    summary: truncate(`Has it made a difference? ${followUp.lesson.title}`, 200),
  };
}

/** One short reply to a lesson nobody marked discussed. */
export function reminderParts(reminder: Reminder, budget: Budget): CardParts {
  const said = `A reminder: has your team discussed “${line(reminder.lessonTitle, budget.title)}”? When you have, press “Discussed in our team” on its card.`;
  return { body: [text(said)], actions: [], summary: truncate(said, 200) };
}
