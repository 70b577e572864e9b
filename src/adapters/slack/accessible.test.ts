/**
 * What screen readers and notifications get: every message has a meaningful top-level
 * `text`, and every button whose visible text does not say what it acts on ("Full
 * lesson": which one?) has an accessibility_label that does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outgoingArb, replyArb } from '../../../test/fixtures/slack/arbitraries.ts';
import {
  lesson,
  notAvailable,
  outgoing,
  replies,
  review,
} from '../../../test/fixtures/slack/replies.ts';
import type { ButtonElement, SlackMessage } from './blocks.ts';
import { renderOutgoing, renderReply, renderSharedLesson } from './render-blocks.ts';

const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 200) };

/** Labels that are the same on every card or result, whatever they act on. */
const AMBIGUOUS = [
  /^Share to channel$/,
  /^Full lesson$/,
  /^More on this theme$/,
  /^What will we do differently\?$/,
  /^Discussed (in our team|by this team)/,
  /^See (all \d+ lessons|the lesson)$/,
  /^(Yes, our practice has changed|Partly|Not yet|We decided against it)$/,
];

function buttonsOf(message: SlackMessage): ButtonElement[] {
  return message.blocks.flatMap((block) => {
    if (block.type === 'actions') return block.elements;
    if (block.type === 'section' && block.accessory) return [block.accessory];
    return [];
  });
}

function unlabelled(message: SlackMessage): string[] {
  return buttonsOf(message)
    .filter((b) => AMBIGUOUS.some((re) => re.test(b.text.text)))
    .filter(
      (b) =>
        !b.accessibility_label ||
        b.accessibility_label.trim() === '' ||
        b.accessibility_label.length > 75 ||
        b.accessibility_label === b.text.text,
    )
    .map((b) => b.text.text);
}

/** Text a screen reader would read as something: not blank, not only an emoji code or the bot's name. */
function meaningful(text: string): boolean {
  const words = text.replace(/:[a-z0-9_+-]+:/g, '').trim();
  return words !== '' && words !== 'lessons-bot' && /\p{L}{2,}/u.test(words);
}

const fixtures: [string, SlackMessage][] = [
  ...Object.entries(replies).map(([kind, reply]): [string, SlackMessage] => [
    kind,
    renderReply(reply, '/lessons'),
  ]),
  ['not available', renderReply(notAvailable, '/lessons')],
  ...Object.entries(outgoing).map(([name, message]): [string, SlackMessage] => [
    name,
    renderOutgoing(message),
  ]),
  ['shared lesson', renderSharedLesson(lesson, 'U123')],
];

describe('top-level text', () => {
  it.each(fixtures)('%s has a meaningful text of its own', (_, message) => {
    expect(meaningful(message.text), JSON.stringify(message.text)).toBe(true);
    expect(message.text.length).toBeLessThanOrEqual(300);
  });

  it('names the lesson or review a card is about', () => {
    expect(renderOutgoing(outgoing.briefing).text).toContain('Lesson of the week: Keep');
    expect(renderOutgoing(outgoing.announcement).text).toContain(review.title);
    expect(renderReply(replies.lesson, '/lessons').text).toContain('Keep a chronology');
  });

  it('is meaningful for any reply or card, however hostile', () => {
    fc.assert(
      fc.property(replyArb, (reply) => meaningful(renderReply(reply, '/lessons').text)),
      RUNS,
    );
    fc.assert(
      fc.property(outgoingArb, (message) => meaningful(renderOutgoing(message).text)),
      RUNS,
    );
  });
});

describe('buttons a screen reader can tell apart', () => {
  it.each(fixtures)('%s labels every ambiguous button', (_, message) => {
    expect(unlabelled(message)).toEqual([]);
  });

  it('names the lesson, theme or review in the label', () => {
    const results = renderReply(replies.results, '/lessons');
    const labels = buttonsOf(results).map((b) => b.accessibility_label);
    expect(labels).toContain(`Share to channel: ${lesson.title}`);
    expect(labels).toContain(`Full lesson: ${lesson.title}`);
    const card = buttonsOf(renderOutgoing(outgoing.briefing));
    expect(card.map((b) => b.accessibility_label)).toEqual([
      `Discussed by this team (3 confirmed): ${lesson.title}`,
      `What will we do differently after: ${lesson.title}`,
      'More lessons on Chronologies',
    ]);
  });

  it('labels every ambiguous button of any reply or card, within 75 characters', () => {
    fc.assert(
      fc.property(replyArb, (reply) => unlabelled(renderReply(reply, '/lessons')).length === 0),
      RUNS,
    );
    fc.assert(
      fc.property(outgoingArb, (message) => unlabelled(renderOutgoing(message)).length === 0),
      RUNS,
    );
  });
});
