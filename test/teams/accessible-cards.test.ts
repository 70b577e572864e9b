/**
 * Adaptive Cards a screen reader can use: every card has fallbackText (read where the
 * card cannot be drawn, and in notifications), every input has a label of its own (a
 * placeholder disappears as soon as someone types), and a briefing reads in order: the
 * lesson, its questions, then what the team will do differently and its Save button.
 * A button whose title alone does not say what it acts on ("Full lesson": which?) has a
 * tooltip that does: Adaptive Cards 1.5 reads it to narration software.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  renderCard,
  renderOutgoingCard,
  renderWelcomeCard,
} from '../../src/adapters/teams/index.ts';
import { deliveryReplyArb, outgoingArb, replyArb } from '../fixtures/slack/arbitraries.ts';
import { OUTGOING, REPLIES } from '../helpers/teams-replies.ts';

const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 150) };

type Node = Record<string, unknown>;

/** Every element and action of a card, in document order (submit data left out). */
function nodesOf(card: unknown): Node[] {
  const found: Node[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const r = node as Node;
      if (typeof r.type === 'string') found.push(r);
      for (const [key, value] of Object.entries(r)) if (key !== 'data') walk(value);
    }
  };
  walk(card);
  return found;
}

/** Button titles that are the same on every card or result, whatever they act on. */
const AMBIGUOUS = [
  /^Full lesson$/,
  /^More on this theme$/,
  /^More from this review$/,
  /^Its lessons$/,
  /^Open the review$/,
  /^Save our plan$/,
  /^Discussed (in our team|by this team)/,
  /^See (all \d+ lessons|the lesson)$/,
  /^(Yes, our practice has changed|Partly|Not yet|We decided against it)$/,
];

/** Ambiguous buttons without a spoken label of their own (at most 100 code points). */
function unlabelled(card: unknown): string[] {
  return nodesOf(card)
    .filter((n) => String(n.type).startsWith('Action.'))
    .filter((n) => AMBIGUOUS.some((re) => re.test(String(n.title))))
    .filter(
      (n) =>
        typeof n.tooltip !== 'string' ||
        n.tooltip.trim() === '' ||
        [...n.tooltip].length > 100 ||
        n.tooltip === n.title,
    )
    .map((n) => String(n.title));
}

/** What makes a card unusable without sight, as readable lines; none when it is fine. */
function problems(card: unknown): string[] {
  const out: string[] = [];
  const { fallbackText } = card as { fallbackText?: unknown };
  if (typeof fallbackText !== 'string' || !/\p{L}{2,}/u.test(fallbackText)) {
    out.push(`fallbackText ${JSON.stringify(fallbackText)}`);
  }
  for (const node of nodesOf(card)) {
    const type = String(node.type);
    if (type.startsWith('Input.') && (typeof node.label !== 'string' || node.label.trim() === ''))
      out.push(`${type} ${String(node.id)} has no label`);
  }
  out.push(...unlabelled(card).map((title) => `"${title}" has no spoken label`));
  return out;
}

const cards: [string, unknown][] = [
  ...Object.entries(REPLIES).map(([name, reply]): [string, unknown] => [name, renderCard(reply)]),
  ...Object.entries(OUTGOING).map(([name, message]): [string, unknown] => [
    `posted ${name}`,
    renderOutgoingCard(message),
  ]),
  ['welcome (personal)', renderWelcomeCard('personal')],
  ['welcome (shared)', renderWelcomeCard('shared')],
];

describe('Adaptive Cards for screen readers', () => {
  it.each(cards)(
    '%s has fallbackText, labelled inputs and spoken labels for ambiguous buttons',
    (_, card) => {
      expect(problems(card)).toEqual([]);
    },
  );

  it('keeps to that for any reply or posted card, however hostile', () => {
    for (const arb of [replyArb, deliveryReplyArb]) {
      fc.assert(
        fc.property(arb, (reply) => problems(renderCard(reply)).length === 0),
        RUNS,
      );
    }
    fc.assert(
      fc.property(outgoingArb, (message) => problems(renderOutgoingCard(message)).length === 0),
      RUNS,
    );
  });

  it('names the lesson, theme or review in the spoken label', () => {
    const spoken = (card: unknown) => nodesOf(card).flatMap((n) => n.tooltip ?? []);
    const title = OUTGOING.briefing.briefing.lesson.title;
    expect(spoken(renderOutgoingCard(OUTGOING.briefing))).toEqual([
      `Save our plan for: ${title}`,
      expect.stringMatching(/^Discussed by this team \(2 confirmed\): Keep a genogram, .+…$/),
      'More lessons on Chronologies',
      'Open the review: Child R',
    ]);
    expect(spoken(renderOutgoingCard(OUTGOING['follow-up']))).toContain(`Partly: ${title}`);
  });

  it('reads a briefing in order: lesson, questions, the plan and its Save, then the card’s buttons', () => {
    const nodes = nodesOf(renderOutgoingCard(OUTGOING.briefing));
    const names = nodes.map((n) =>
      n.type === 'Input.Text' ? `input: ${String(n.label)}` : String(n.text ?? n.title ?? n.type),
    );
    const at = (name: string) => names.findIndex((n) => n.startsWith(name));
    expect(at('Lesson of the week')).toBe(1);
    expect(at('Questions for your team')).toBeGreaterThan(at('What happened'));
    expect(at('input: What will we do differently?')).toBeGreaterThan(at('1. '));
    expect(names[at('input: What will we do differently?') + 1]).toBe('ActionSet');
    expect(names[at('input: What will we do differently?') + 2]).toBe('Save our plan');
    expect(at('Discussed by this team')).toBeGreaterThan(at('Save our plan'));
  });
});
