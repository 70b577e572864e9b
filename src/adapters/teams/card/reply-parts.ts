/** Each kind of Reply as card parts: a body, card-level buttons and a plain summary. */
import type { Notice, Reply } from '../../../core/index.ts';
import { error, help, review, reviews, themes } from './browse-parts.ts';
import type { Budget } from './budget.ts';
import { line, plain, truncate } from './card-text.ts';
import { preview, published, report, subscription } from './delivery-parts.ts';
import {
  actionSet,
  botButton,
  type CardParts,
  type Element,
  heading,
  present,
  subtle,
  text,
} from './elements.ts';
import { type LessonOptions, lessonActions, lessonDetail, lessonSummary } from './lesson-blocks.ts';

function noticeBlocks(notices: readonly Notice[], budget: Budget): Element[] {
  return notices
    .slice(0, budget.items)
    .map((notice) =>
      notice.kind === 'privacy'
        ? text(plain(notice.text, budget.line), { color: 'Attention' })
        : subtle(plain(notice.text, budget.line)),
    );
}

function results(
  reply: Extract<Reply, { kind: 'results' }>,
  budget: Budget,
  options: LessonOptions,
): CardParts {
  const lessons = reply.lessons.slice(0, budget.items);
  const first = reply.offset + 1;
  const last = reply.offset + lessons.length;
  const more =
    reply.more && options.interactive ? botButton('More results', { action: reply.more }) : null;
  return {
    body: [
      ...noticeBlocks(reply.notices, budget),
      heading(line(reply.heading, budget.title)),
      subtle(`Showing ${first}–${last} of ${reply.total}`),
      ...lessons.map((lesson) => lessonSummary(lesson, budget, options)),
    ],
    actions: present([more]),
    summary: truncate(`${reply.heading}: ${lessons.map((l) => l.title).join('; ')}`, 200),
  };
}

function noResults(
  reply: Extract<Reply, { kind: 'no-results' }>,
  budget: Budget,
  options: LessonOptions,
): CardParts {
  const asked = reply.query === '' ? 'your question' : `“${line(reply.query, budget.title)}”`;
  const themes = reply.suggestions
    .slice(0, Math.min(5, budget.items))
    .map((s) =>
      botButton(`${s.label} (${s.count})`, { action: { kind: 'theme', id: s.id, label: s.label } }),
    );
  return {
    body: present<Element>([
      ...noticeBlocks(reply.notices, budget),
      heading(`No lessons match ${asked}`),
      text('Try other words, or one of these themes. Type **help** to see what you can ask.'),
      options.interactive && present(themes).length > 0 && actionSet(present(themes)),
    ]),
    actions: [],
    summary: 'No lessons matched. Try other words, or type help.',
  };
}

function lesson(
  reply: Extract<Reply, { kind: 'lesson' }>,
  budget: Budget,
  options: LessonOptions,
): CardParts {
  return {
    body: [...noticeBlocks(reply.notices, budget), ...lessonDetail(reply.lesson, budget)],
    actions: lessonActions(reply.lesson, options),
    summary: truncate(`${reply.lesson.title} (${reply.lesson.review.title})`, 200),
  };
}

export function replyParts(reply: Reply, budget: Budget, options: LessonOptions): CardParts {
  switch (reply.kind) {
    case 'results':
      return results(reply, budget, options);
    case 'no-results':
      return noResults(reply, budget, options);
    case 'lesson':
      return lesson(reply, budget, options);
    case 'themes':
      return themes(reply, budget);
    case 'reviews':
      return reviews(reply, budget);
    case 'review':
      return review(reply, budget, options);
    case 'help':
      return help(reply, budget);
    case 'error':
      return error(reply, budget, options);
    case 'notice':
      return {
        body: [text(plain(reply.text, budget.fullText))],
        actions: [],
        summary: truncate(reply.text, 200),
      };
    case 'subscription':
      return subscription(reply, budget, options);
    case 'briefing':
      return preview(reply, budget, noticeBlocks(reply.notices, budget));
    case 'published':
      return published(reply, budget, noticeBlocks(reply.notices, budget));
    case 'report':
      return report(reply, budget, noticeBlocks(reply.notices, budget));
  }
}
