/** The parts of a card that show one lesson or one review. */
import type { LessonCard, ReviewCard, ThemeRef } from '../../../core/index.ts';
import type { Budget } from './budget.ts';
import { line, plain, safeUrl } from './card-text.ts';
import {
  actionSet,
  botButton,
  type CardAction,
  container,
  type Element,
  openUrl,
  present,
  subtle,
  text,
} from './elements.ts';

export interface LessonOptions {
  /** false for cards that people insert into a chat the bot may not be part of */
  interactive: boolean;
}

const KIND_LABELS: Record<ReviewCard['kind'], string> = {
  scr: 'Serious case review',
  lcspr: 'Local child safeguarding practice review',
  national: 'National review',
  thematic: 'Thematic review',
};

/** "Child R · Southwark · 2019": the review, the area and the year, as plain text. */
export function sourceText(review: ReviewCard): string {
  return `${review.title} · ${review.area} · ${review.year}`;
}

export function sourceLine(review: ReviewCard, budget: Budget): string {
  return line(sourceText(review), budget.line);
}

export function kindLabel(review: ReviewCard): string {
  return KIND_LABELS[review.kind] ?? 'Case review';
}

function refsLine(prefix: string, refs: readonly ThemeRef[], budget: Budget): string | null {
  if (refs.length === 0) return null;
  const shown = refs.slice(0, budget.items).map((ref) => ref.label);
  const more = refs.length > shown.length ? `, and ${refs.length - shown.length} more` : '';
  return line(`${prefix}: ${shown.join(', ')}${more}`, budget.line);
}

export function openReview(review: ReviewCard): CardAction | null {
  const url = safeUrl(review.url);
  return url ? openUrl('Open the review', url, `Open the review: ${review.title}`) : null;
}

/** A lesson in a list of results: title, source, text, themes, why it matched, what to do next. */
export function lessonSummary(lesson: LessonCard, budget: Budget, options: LessonOptions): Element {
  const themes = refsLine('Themes', lesson.themes, budget);
  const matched = lesson.matched?.length
    ? line(`Matched: ${lesson.matched.join(', ')}`, budget.line)
    : null;
  const actions = present<CardAction>([
    options.interactive &&
      botButton(
        'Full lesson',
        { action: { kind: 'lesson', id: lesson.id } },
        `Full lesson: ${lesson.title}`,
      ),
    openReview(lesson.review),
  ]);
  return container(
    present<Element>([
      text(line(lesson.title, budget.title), { weight: 'Bolder' }),
      subtle(`Source: ${sourceLine(lesson.review, budget)}`),
      text(plain(lesson.text, budget.text)),
      themes ? subtle(themes) : null,
      matched ? subtle(matched) : null,
      actions.length > 0 && actionSet(actions),
    ]),
    { separator: true, spacing: 'Medium' },
  );
}

/** A lesson on its own: everything we know, with questions to discuss. */
export function lessonDetail(lesson: LessonCard, budget: Budget): Element[] {
  const questions = lesson.questions.slice(0, budget.items);
  return present<Element>([
    text(line(lesson.title, budget.title), { size: 'Medium', weight: 'Bolder', style: 'heading' }),
    subtle(line(`${kindLabel(lesson.review)}: ${sourceLine(lesson.review, budget)}`, budget.line)),
    text(plain(lesson.text, budget.fullText)),
    ...present([
      refsLine('Themes', lesson.themes, budget),
      refsLine('Agencies', lesson.agencies, budget),
    ]).map(subtle),
    questions.length > 0 && text('Questions to discuss', { weight: 'Bolder', spacing: 'Medium' }),
    ...questions.map((q) => text(`• ${plain(q, budget.line)}`, { spacing: 'Small' })),
  ]);
}

export function lessonActions(lesson: LessonCard, options: LessonOptions): CardAction[] {
  return present<CardAction>([
    openReview(lesson.review),
    options.interactive &&
      botButton(
        'More from this review',
        { action: { kind: 'review', id: lesson.review.id } },
        `More from ${lesson.review.title}`,
      ),
  ]);
}

/** A review in a list: title, what kind, where, when, how many lessons. */
export function reviewSummary(review: ReviewCard, budget: Budget): Element {
  const count = review.lessonCount === 1 ? '1 lesson' : `${review.lessonCount} lessons`;
  const actions = present<CardAction>([
    botButton(
      'Its lessons',
      { action: { kind: 'review', id: review.id } },
      `Lessons of ${review.title}`,
    ),
    openReview(review),
  ]);
  return container(
    [
      text(line(review.title, budget.title), { weight: 'Bolder' }),
      subtle(
        line(`${kindLabel(review)} · ${review.area} · ${review.year} · ${count}`, budget.line),
      ),
      actionSet(actions),
    ],
    { separator: true, spacing: 'Medium' },
  );
}
