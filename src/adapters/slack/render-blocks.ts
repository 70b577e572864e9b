/**
 * Reply → Block Kit. Pure: the same Reply always gives the same message, and every
 * message is inside Block Kit's limits with all user and corpus text escaped.
 */
import { type LessonCard, type OutgoingMessage, type Reply, renderOnce } from '../../core/index.ts';
import { SLASH_COMMAND } from './app-surface.ts';
import { context, type SlackMessage } from './blocks.ts';
import { fitBlocks, wasFitted } from './fit-blocks.ts';
import { capMrkdwn, escapeTrim, mentionUser } from './mrkdwn.ts';
import { renderPublished, renderReport } from './render-admin.ts';
import { outgoingParts } from './render-briefing.ts';
import { renderReview, renderReviews, renderThemes } from './render-browse.ts';
import { renderError, renderHelp, renderNotice } from './render-help.ts';
import { lessonFullBlocks } from './render-lesson.ts';
import { noticeBlocks } from './render-notices.ts';
import { renderNoResults, renderResults } from './render-results.ts';
import { renderPreview, renderSubscription } from './render-subscription.ts';
import { LIMITS } from './slack-limits.ts';

const MESSAGE = { maxBlocks: LIMITS.messageBlocks, maxJson: LIMITS.messageJson };

// A repeated question's answer is one Reply object (core's recent answers): rendered once.
const render = renderOnce((reply, command) =>
  finish(renderAny(reply, command), SPOKEN_KIND[reply.kind]),
);

/**
 * The top-level text when a reply's own is blank or has no words (screen readers and
 * notifications read it, and Slack shows it where blocks cannot be).
 */
const SPOKEN_KIND: Record<Reply['kind'], string> = {
  results: 'Lessons found',
  'no-results': 'No lessons found',
  lesson: 'A lesson',
  themes: 'Themes',
  reviews: 'Reviews',
  review: 'A review',
  help: 'How to ask lessons-bot',
  error: 'lessons-bot could not do that',
  notice: 'A note from lessons-bot',
  subscription: 'This channel’s weekly lesson',
  briefing: 'Preview of the lesson of the week',
  published: 'Review published',
  report: 'Dissemination report',
};

export function renderReply(reply: Reply, command: string = SLASH_COMMAND): SlackMessage {
  return render(reply, command);
}

function renderAny(reply: Reply, command: string): SlackMessage {
  switch (reply.kind) {
    case 'results':
      return renderResults(reply, command);
    case 'no-results':
      return renderNoResults(reply, command);
    case 'lesson':
      return renderLesson(reply.lesson, reply.notices);
    case 'themes':
      return renderThemes(reply, command);
    case 'reviews':
      return renderReviews(reply, command);
    case 'review':
      return renderReview(reply);
    case 'help':
      return renderHelp(reply, command);
    case 'error':
      return renderError(reply);
    case 'notice':
      return renderNotice(reply.text);
    case 'subscription':
      return renderSubscription(reply, command);
    case 'briefing':
      return renderPreview(reply);
    case 'published':
      return renderPublished(reply);
    case 'report':
      return renderReport(reply);
  }
}

/** A weekly briefing or review announcement as posted in a channel (and re-rendered in place). */
export function renderOutgoing(message: OutgoingMessage): SlackMessage {
  return finish(outgoingParts(message));
}

function renderLesson(
  lesson: LessonCard,
  notices: Extract<Reply, { kind: 'lesson' }>['notices'],
): SlackMessage {
  const fitted = fitBlocks(
    { head: [...noticeBlocks(notices), ...lessonFullBlocks(lesson, true)], body: [] },
    MESSAGE,
  );
  // Said first, so that a notification or screen reader knows what it is even with no title.
  return { text: `Lesson: ${escapeTrim(lesson.title, 200)}`, blocks: fitted.blocks };
}

/** The copy of a lesson posted in the channel by "Share to channel": who shared it, then the lesson. */
export function renderSharedLesson(lesson: LessonCard, userId: string): SlackMessage {
  const who = mentionUser(userId) ?? 'Someone';
  const fitted = fitBlocks(
    {
      head: [
        context(`:books: Shared by ${who} from lessons-bot`),
        ...lessonFullBlocks(lesson, false),
      ],
      body: [],
    },
    MESSAGE,
  );
  return finish({
    text: `${who} shared a lesson: ${escapeTrim(lesson.title, 200)}`,
    blocks: fitted.blocks,
  });
}

/**
 * The last guard before Slack: whatever a renderer built, the message leaves within the
 * limits (each renderer already fits its own content; this catches what they missed).
 */
function finish(message: SlackMessage, spoken = 'A message from lessons-bot'): SlackMessage {
  const capped = capMrkdwn(message.text, LIMITS.fallbackText);
  const words = /\p{L}{2,}/u.test(capped.replace(/:[a-z0-9_+-]+:/g, ''));
  const text = words ? capped : spoken;
  // A message's own renderer fitted it within MESSAGE already: measuring again is waste.
  if (wasFitted(message.blocks, MESSAGE)) return { text, blocks: message.blocks };
  const fitted = fitBlocks({ head: [], body: message.blocks.map((b) => [b]) }, MESSAGE, 'parts');
  return { text, blocks: fitted.blocks };
}
