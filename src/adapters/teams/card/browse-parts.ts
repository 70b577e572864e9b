/** Browsing replies as card parts: themes, reviews, one review, help and errors. */
import type { HelpSection, Reply } from '../../../core/index.ts';
import type { Budget } from './budget.ts';
import { line, plain, truncate } from './card-text.ts';
import {
  actionButtons,
  botButton,
  type CardParts,
  container,
  type Element,
  facts,
  heading,
  present,
  subtle,
  text,
} from './elements.ts';
import { type LessonOptions, openReview, reviewSummary, sourceLine } from './lesson-blocks.ts';

export function themes(reply: Extract<Reply, { kind: 'themes' }>, budget: Budget): CardParts {
  const shown = reply.themes.slice(0, budget.list);
  const rest = reply.themes.length - shown.length;
  return {
    body: present<Element>([
      heading('Themes'),
      subtle('Type **theme** and a name to see its lessons, e.g. theme neglect.'),
      facts(
        shown.map((t) => ({
          title: line(t.label, budget.line),
          value: `${t.count} · ${line(t.description, budget.line)}`,
        })),
      ),
      rest > 0 && subtle(`And ${rest} more.`),
    ]),
    actions: [],
    summary: `${reply.themes.length} themes`,
  };
}

export function reviews(reply: Extract<Reply, { kind: 'reviews' }>, budget: Budget): CardParts {
  const shown = reply.reviews.slice(0, budget.list);
  const rest = reply.reviews.length - shown.length;
  return {
    body: present<Element>([
      heading('Reviews'),
      ...shown.map((r) => reviewSummary(r, budget)),
      rest > 0 && subtle(`And ${rest} more: type **review** and a name.`),
    ]),
    actions: [],
    summary: `${reply.reviews.length} reviews`,
  };
}

export function review(
  reply: Extract<Reply, { kind: 'review' }>,
  budget: Budget,
  options: LessonOptions,
): CardParts {
  const r = reply.review;
  const lessons = reply.lessons.slice(0, budget.items);
  return {
    body: present<Element>([
      heading(line(r.title, budget.title)),
      subtle(sourceLine(r, budget)),
      text(plain(r.summary, budget.fullText)),
      r.source ? subtle(`Source: ${line(r.source, budget.line)}`) : null,
      text(reply.lessons.length === 1 ? '1 lesson' : `${reply.lessons.length} lessons`, {
        weight: 'Bolder',
        spacing: 'Medium',
      }),
      ...lessons.map((l) =>
        container(
          present<Element>([
            text(line(l.title, budget.title)),
            options.interactive &&
              actionButtons([
                botButton(
                  'Full lesson',
                  { action: { kind: 'lesson', id: l.id } },
                  `Full lesson: ${l.title}`,
                ),
              ]),
          ]),
          { separator: true },
        ),
      ),
    ]),
    actions: present([openReview(r)]),
    summary: truncate(`${r.title}: ${reply.lessons.length} lessons`, 200),
  };
}

function helpSection(section: HelpSection, budget: Budget): Element[] {
  const examples = section.examples.slice(0, budget.items).map((e) => line(e, budget.line));
  return present<Element>([
    text(line(section.title, budget.title), { weight: 'Bolder', spacing: 'Medium' }),
    ...section.lines
      .slice(0, budget.items)
      .map((l) => text(plain(l, budget.fullText), { spacing: 'Small' })),
    examples.length > 0 && subtle(`Try: ${examples.join(' · ')}`),
  ]);
}

export function help(reply: Extract<Reply, { kind: 'help' }>, budget: Budget): CardParts {
  return {
    body: [
      heading(line(reply.title, budget.title)),
      subtle('In a channel or group chat, @mention lessons-bot before your question.'),
      ...reply.sections.slice(0, budget.items).flatMap((s) => helpSection(s, budget)),
    ],
    actions: [],
    summary: truncate(reply.title, 200),
  };
}

export function error(
  reply: Extract<Reply, { kind: 'error' }>,
  budget: Budget,
  options: LessonOptions,
): CardParts {
  const suggestions = reply.suggestions.slice(0, budget.items);
  const buttons = options.interactive
    ? present(suggestions.map((s) => botButton(line(s.label, budget.line), { action: s.action })))
    : [];
  return {
    body: present<Element>([
      text(plain(reply.message, budget.fullText)),
      suggestions.length > 0 && subtle('Did you mean:'),
      !options.interactive &&
        suggestions.length > 0 &&
        subtle(suggestions.map((s) => line(s.label, budget.line)).join(', ')),
    ]),
    actions: buttons,
    summary: truncate(reply.message, 200),
  };
}
