/** A lesson as Block Kit: short in a list of results, full on its own or when shared. */
import {
  type ButtonAction,
  type LessonCard,
  type ReviewCard,
  readAction,
} from '../../core/index.ts';
import { actionId, encodeAction } from './action-value.ts';
import { actions, type Block, type ButtonElement, button, context, section } from './blocks.ts';
import { escapeMrkdwn, escapeTrim, link } from './mrkdwn.ts';
import { FULL_TEXT_CHARS, LIMITS, SUMMARY_CHARS } from './slack-limits.ts';

/** A button for a core Action; null when its value is too long to send. */
/**
 * `spoken`: what a screen reader says instead, for a label that is ambiguous on its own
 * ("Full lesson", "Share to channel": of which lesson?).
 */
export function actionButton(
  label: string,
  action: ButtonAction,
  index: number,
  style?: 'primary',
  spoken?: string,
): ButtonElement | null {
  // A button whose action would not be read back (a blank id, say) would only fail when pressed.
  if (readAction(action) === null) return null;
  return button(label, actionId(action, index), encodeAction(action), style, spoken);
}

/** "Share to channel" names its lesson for a screen reader. */
export function shareButton(lesson: LessonCard, index: number): ButtonElement | null {
  const action = { kind: 'share', id: lesson.id } as const;
  return actionButton(
    'Share to channel',
    action,
    index,
    'primary',
    `Share to channel: ${lesson.title}`,
  );
}

/** "Full lesson" names its lesson for a screen reader. */
export function fullLessonButton(lesson: Pick<LessonCard, 'id' | 'title'>, index: number) {
  const action = { kind: 'lesson', id: lesson.id } as const;
  return actionButton('Full lesson', action, index, undefined, `Full lesson: ${lesson.title}`);
}

/** "Child R · Southwark · 2015", linked to the review when it has a (safe) URL. */
export function reviewSource(review: ReviewCard): string {
  return link(review.url, `${review.title} · ${review.area} · ${review.year}`);
}

function themesLine(lesson: LessonCard): string {
  if (lesson.themes.length === 0) return '';
  return `Themes: ${escapeTrim(lesson.themes.map((t) => t.label).join(', '), 500)}`;
}

/** Why a search result matched, briefly: "Matched: chronology (from 'chronologies')". */
function matchedLine(lesson: LessonCard): string {
  if (!lesson.matched?.length) return '';
  return `Matched: ${escapeTrim(lesson.matched.join(', '), 300)}`;
}

/** One result: bold title with the start of the text, its source, themes and why it matched, its buttons. */
export function lessonSummaryBlocks(lesson: LessonCard, n: number, index: number): Block[] {
  const title = escapeTrim(`${n}. ${lesson.title}`, 300);
  const text = escapeTrim(lesson.text, SUMMARY_CHARS);
  return [
    section(`*${title}*\n${text}`),
    context(reviewSource(lesson.review), themesLine(lesson), matchedLine(lesson)),
    ...actions([shareButton(lesson, index * 2), fullLessonButton(lesson, index * 2 + 1)]),
  ];
}

/** The whole text, in as many sections as it needs, cut (with a pointer to the review) if huge. */
function fullTextBlocks(lesson: LessonCard): Block[] {
  const text = escapeTrim(lesson.text, FULL_TEXT_CHARS);
  const blocks: Block[] = [];
  for (let start = 0; start < text.length; ) {
    const piece = sliceSafely(text, start, LIMITS.sectionText - 10);
    blocks.push(section(piece));
    start += piece.length;
  }
  if (escapeMrkdwn(lesson.text).length > FULL_TEXT_CHARS) {
    blocks.push(context(`The rest is in the review: ${reviewSource(lesson.review)}`));
  }
  return blocks;
}

/** A slice of escaped text that does not end inside an entity such as `&amp;`. */
function sliceSafely(text: string, start: number, max: number): string {
  let end = Math.min(text.length, start + max);
  const amp = text.lastIndexOf('&', end - 1);
  if (amp >= start && amp > end - 5 && text.indexOf(';', amp) >= end) end = amp;
  const code = text.charCodeAt(end - 1);
  if (end < text.length && code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(start, Math.max(end, start + 1));
}

function questionsBlock(lesson: LessonCard): Block[] {
  if (lesson.questions.length === 0) return [];
  const lines = lesson.questions.slice(0, 10).map((q) => `• ${escapeTrim(q, 250)}`);
  return [section(`*Questions to discuss*\n${lines.join('\n')}`)];
}

function detailsLine(lesson: LessonCard): string {
  const agencies = lesson.agencies.map((a) => a.label).join(', ');
  return agencies === '' ? '' : `Agencies: ${escapeTrim(agencies, 500)}`;
}

/** The full lesson. `share` adds the Share button; a shared copy in the channel has none. */
export function lessonFullBlocks(lesson: LessonCard, share: boolean): Block[] {
  const source = lesson.review.source ? escapeTrim(lesson.review.source, 400) : '';
  return [
    section(`*${escapeTrim(lesson.title, 300)}*`),
    ...fullTextBlocks(lesson),
    ...questionsBlock(lesson),
    context(reviewSource(lesson.review), themesLine(lesson), detailsLine(lesson)),
    context(`Lesson ${escapeTrim(lesson.id, 200)}`, source),
    ...(share ? actions([shareButton(lesson, 0)]) : []),
  ];
}
