/** Browsing the corpus: the themes, the reviews, one review and its lessons. */
import type { Reply, ReviewCard } from '../../core/index.ts';
import { type Block, context, type SlackMessage, section, sectionsOf } from './blocks.ts';
import { fitBlocks } from './fit-blocks.ts';
import { code, escapeTrim, link } from './mrkdwn.ts';
import { fullLessonButton, reviewSource } from './render-lesson.ts';
import { LIMITS } from './slack-limits.ts';

type Themes = Extract<Reply, { kind: 'themes' }>;
type Reviews = Extract<Reply, { kind: 'reviews' }>;
type OneReview = Extract<Reply, { kind: 'review' }>;

const MESSAGE = { maxBlocks: LIMITS.messageBlocks, maxJson: LIMITS.messageJson };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function themeLines(themes: Themes['themes'], withDescription: boolean): string[] {
  return themes.map((t) => {
    const head = `• *${escapeTrim(t.label, 100)}* (${t.count})`;
    return withDescription && t.description !== ''
      ? `${head} — ${escapeTrim(t.description, 160)}`
      : head;
  });
}

export function renderThemes(reply: Themes, command: string): SlackMessage {
  const head: Block[] = [
    section(`*Themes* — ${plural(reply.themes.length, 'theme')}, most lessons first`),
  ];
  const fitted = fitBlocks(
    {
      head,
      body: sectionsOf(themeLines(reply.themes, true)).map((block) => [block]),
      tail: () => [context(`${code(`${command} theme neglect`)} shows a theme's lessons.`)],
    },
    MESSAGE,
    'parts of the list',
  );
  return { text: `Themes: ${plural(reply.themes.length, 'theme')}`, blocks: fitted.blocks };
}

/** "Child R — Southwark Safeguarding Children Board, Southwark, 2015-07 · SCR · 12 lessons" */
export function reviewLine(review: ReviewCard): string {
  const where = `${review.partnership}, ${review.area}, ${review.published}`;
  return [
    `• *${link(review.url, review.title, 200)}* — ${escapeTrim(where, 400)}`,
    `${escapeTrim(review.kind.toUpperCase(), 20)} · ${plural(review.lessonCount, 'lesson')} · ${code(review.id, 100)}`,
  ].join(' · ');
}

export function renderReviews(reply: Reviews, command: string): SlackMessage {
  const fitted = fitBlocks(
    {
      head: [section(`*Reviews* — ${plural(reply.reviews.length, 'review')}, newest first`)],
      body: sectionsOf(reply.reviews.map(reviewLine)).map((block) => [block]),
      tail: () => [context(`${code(`${command} review Child R`)} shows a review's lessons.`)],
    },
    MESSAGE,
    'parts of the list',
  );
  return { text: `Reviews: ${plural(reply.reviews.length, 'review')}`, blocks: fitted.blocks };
}

export function renderReview(reply: OneReview): SlackMessage {
  const r = reply.review;
  const head: Block[] = [
    section(`*${link(r.url, r.title, 200)}*\n${escapeTrim(r.summary, 1500)}`),
    context(reviewSource(r), escapeTrim(r.partnership, 300), escapeTrim(r.kind.toUpperCase(), 20)),
  ];
  if (r.source) head.push(context(`Source: ${escapeTrim(r.source, 600)}`));
  head.push(section(`*${plural(reply.lessons.length, 'lesson')}*`));
  const body = reply.lessons.map((lesson, i) => [
    section(
      `*${escapeTrim(lesson.title, 300)}*\n${code(lesson.id, 200)}`,
      fullLessonButton(lesson, i),
    ),
  ]);
  const fitted = fitBlocks({ head, body }, MESSAGE, 'more lessons');
  return {
    text: `${escapeTrim(r.title, 200)}: ${plural(reply.lessons.length, 'lesson')}`,
    blocks: fitted.blocks,
  };
}
