/** The chat import's answers as Adaptive Cards: the draft card and what follows it. */
import type { IAdaptiveCard, ISubmitAction } from '@microsoft/teams.cards';
import type { DraftAction, DraftCard, DraftReply } from '../../../core/index.ts';
import type { Budget } from './budget.ts';
import { line, plain } from './card-text.ts';
import {
  type CardParts,
  container,
  type Element,
  heading,
  submit,
  subtle,
  text,
} from './elements.ts';
import { fitCard } from './render-card.ts';

/** Draft buttons' data sits under its own key, apart from the other buttons' (action-data.ts). */
export const DRAFT_DATA_KEY = 'lessonsBotDraft';

export function draftButton(title: string, action: DraftAction): ISubmitAction {
  return submit(title, { [DRAFT_DATA_KEY]: action });
}

function list(title: string, items: readonly string[], budget: Budget): Element[] {
  if (items.length === 0) return [];
  const shown = items.slice(0, budget.items).map((item) => `- ${plain(item, budget.line * 2)}`);
  if (items.length > shown.length) shown.push(`… and ${items.length - shown.length} more`);
  return [text(`**${line(title, 80)}**`, { spacing: 'Medium' }), text(shown.join('\n'))];
}

function cardParts(card: DraftCard, budget: Budget): CardParts {
  const points = `${card.lessonCount} learning point${card.lessonCount === 1 ? '' : 's'}`;
  const lessons = card.lessons
    .slice(0, budget.items)
    .map(
      (lesson, i) =>
        `${i + 1}\\. **${line(lesson.title, budget.title)}**: ${line(lesson.start, budget.line)}`,
    );
  const rest = card.lessonCount - Math.min(card.lessons.length, budget.items);
  if (rest > 0) lessons.push(`… and ${rest} more in the draft`);
  const facts = [card.area ?? 'area not found', card.published ?? 'date not found'].join(' · ');
  return {
    summary: `Draft: ${card.title} (${points})`,
    body: [
      heading(`Draft: ${line(card.title, budget.title)}`),
      subtle(
        `${line(facts, budget.line)} · ${points} found in ${line(card.fileName, budget.line)}${
          card.replaced ? ' (your edited draft replaced the one kept)' : ''
        }`,
      ),
      ...(lessons.length > 0
        ? [container([text(lessons.join('\n\n'))], { spacing: 'Medium' })]
        : []),
      ...list('Check', card.warnings, budget),
      ...list('Before it can be approved', card.problems, budget),
      subtle(
        'Not served to anyone until it is approved. To change it, get the draft, edit it and send it back here as a .yaml file.',
      ),
    ],
    actions: [
      draftButton('Approve', { kind: 'draft-approve', id: card.id }),
      draftButton('Get the draft to edit', { kind: 'draft-edit', id: card.id }),
      draftButton('Discard', { kind: 'draft-discard', id: card.id }),
    ],
  };
}

function simple(summary: string, body: Element[], actions: ISubmitAction[] = []): CardParts {
  return { summary, body, actions };
}

function parts(reply: Exclude<DraftReply, { kind: 'draft-text' }>, budget: Budget): CardParts {
  switch (reply.kind) {
    case 'draft':
      return cardParts(reply.card, budget);
    case 'draft-problems': {
      const what =
        reply.what === 'approve'
          ? `The draft ${reply.id ?? ''} cannot go live yet`
          : `${reply.what} was not kept`;
      const count = `${reply.problems.length} problem${reply.problems.length === 1 ? '' : 's'}`;
      return simple(`${what}: ${count}`, [
        text(
          `⚠️ ${line(what, budget.title)}: ${count}. Fix them in the draft and send it back here.`,
        ),
        ...list('Problems', reply.problems, budget),
      ]);
    }
    case 'draft-live': {
      const summary = `${reply.title} is live: ${reply.lessons} lesson${reply.lessons === 1 ? '' : 's'} now in search and weekly briefings.`;
      const channels = `${reply.channels} channel${reply.channels === 1 ? '' : 's'}`;
      return reply.channels > 0
        ? simple(
            summary,
            [text(`✅ ${line(summary, budget.fullText)}`)],
            [
              draftButton(`Publish to ${channels}`, {
                kind: 'draft-publish',
                reviewId: reply.reviewId,
              }),
            ],
          )
        : simple(summary, [
            text(`✅ ${line(summary, budget.fullText)}`),
            subtle('No channel is subscribed yet, so there is nobody to announce it to.'),
          ]);
    }
    case 'draft-discarded':
      return simple(`The draft ${reply.id} is discarded.`, [
        text(`The draft ${line(reply.id, budget.title)} is discarded.`),
      ]);
  }
}

/** The draft-text answer is a plain message, not a card: see draftTextMessages. */
export function renderDraftCard(reply: Exclude<DraftReply, { kind: 'draft-text' }>): IAdaptiveCard {
  return fitCard((budget) => parts(reply, budget));
}

/** A part of the draft per message, under Teams' message size (about 28 KB). */
const DRAFT_CHUNK = 12_000;

/** The draft to copy: an introduction, then the YAML in code blocks, as many messages as it takes. */
export function draftTextMessages(reply: Extract<DraftReply, { kind: 'draft-text' }>): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const row of reply.text.split('\n')) {
    if (current !== '' && current.length + row.length + 1 > DRAFT_CHUNK) {
      chunks.push(current);
      current = '';
    }
    current = current === '' ? row : `${current}\n${row}`;
  }
  if (current !== '') chunks.push(current);
  return [
    `Here is the draft. Copy it into a text editor, make your changes, save it as ${line(reply.fileName, 120)} and send the file back here: it replaces the one kept, and the bot lists anything still to fix.`,
    // A fence of backticks longer than any run inside the text cannot be closed early.
    ...chunks.map((chunk) => {
      const fence = '`'.repeat(Math.max(3, longestRun(chunk) + 1));
      return `${fence}\n${chunk}\n${fence}`;
    }),
  ];
}

function longestRun(chunk: string): number {
  return Math.max(0, ...Array.from(chunk.matchAll(/`+/g), (m) => m[0].length));
}
