import type { IAdaptiveCard } from '@microsoft/teams.cards';
import { type OutgoingMessage, type Reply, renderOnce } from '../../../core/index.ts';
import {
  announcementParts,
  briefingParts,
  followUpParts,
  reminderParts,
} from './briefing-parts.ts';
import { BUDGETS, type Budget, cardBytes, MAX_CARD_BYTES } from './budget.ts';
import { line } from './card-text.ts';
import type { CardParts } from './elements.ts';
import { replyParts } from './reply-parts.ts';

export interface RenderOptions {
  /**
   * false for a card a person inserts into a chat from the search box: the bot may
   * not be in that chat, so only links are offered, no buttons that talk to the bot.
   */
  interactive?: boolean;
}

/** Teams' ceiling is 1.5; mobile checks the version, so it is always set. */
export const CARD_VERSION = '1.5';

export function toCard(parts: CardParts): IAdaptiveCard {
  return {
    type: 'AdaptiveCard',
    version: CARD_VERSION,
    // Shown by clients that cannot draw the card, and read out; it may be read as Markdown too.
    fallbackText: fallbackText(parts.summary),
    body: parts.body,
    ...(parts.actions.length > 0 ? { actions: parts.actions } : {}),
  };
}

/** The card's summary, or what it is when the summary has no words (a blank heading, say). */
function fallbackText(summary: string): string {
  const text = line(summary, 200);
  return /\p{L}{2,}/u.test(text) ? text : 'A card from lessons-bot';
}

/**
 * Builds a card with the roomiest budget first and tighter ones until it fits in
 * MAX_CARD_BYTES; a last-resort card says so rather than fail.
 */
export function fitCard(build: (budget: Budget) => CardParts): IAdaptiveCard {
  for (const budget of BUDGETS) {
    const card = toCard(build(budget));
    if (cardBytes(card) <= MAX_CARD_BYTES) return card;
  }
  return toCard({
    body: [
      {
        type: 'TextBlock',
        wrap: true,
        text: 'This answer is too long to show in Teams. Please ask a narrower question.',
      },
    ],
    actions: [],
    summary: 'This answer is too long to show in Teams.',
  });
}

// A repeated question's answer is one Reply object (core's recent answers): rendered once.
const render = renderOnce((reply, variant) => {
  const lessonOptions = { interactive: variant === 'interactive' };
  return fitCard((budget) => replyParts(reply, budget, lessonOptions));
});

/**
 * Reply → Adaptive Card 1.5. Pure, and always small enough to send (see fitCard).
 * @example renderCard(handleCommand(parseCommand('lessons on chronologies'), deps, { isAdmin: false }))
 */
export function renderCard(reply: Reply, options: RenderOptions = {}): IAdaptiveCard {
  return render(reply, options.interactive === false ? 'links only' : 'interactive');
}

/** A weekly briefing or review announcement as posted in a channel (and re-rendered in place). */
export function renderOutgoingCard(message: OutgoingMessage): IAdaptiveCard {
  return fitCard((budget) => {
    switch (message.kind) {
      case 'briefing':
        return briefingParts(message.briefing, budget, 'Lesson of the week');
      case 'announcement':
        return announcementParts(message.announcement, budget);
      case 'follow-up':
        return followUpParts(message.followUp, budget);
      case 'reminder':
        return reminderParts(message.reminder, budget);
    }
  });
}
