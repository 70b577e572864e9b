import { describe, expect, it } from 'vitest';
import { cardBytes, MAX_CARD_BYTES } from '../../src/adapters/teams/card/budget.ts';
import { renderWelcomeCard } from '../../src/adapters/teams/card/welcome-card.ts';
import { renderCard } from '../../src/adapters/teams/index.ts';
import type { Reply } from '../../src/core/index.ts';
import { deepFreeze } from '../helpers/deep-freeze.ts';
import { ALLOWED_TYPES, cardSchemaErrors, typesIn } from '../helpers/teams-card-schema.ts';
import { LESSON, REPLIES } from '../helpers/teams-replies.ts';

function expectSendable(card: unknown) {
  expect(cardSchemaErrors(card)).toEqual([]);
  expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
  for (const type of typesIn(card)) expect(ALLOWED_TYPES).toContain(type);
}

function buttons(card: unknown): string[] {
  return JSON.stringify(card).match(/"title":"[^"]*"/g) ?? [];
}

describe('renderCard', () => {
  for (const [name, reply] of Object.entries(REPLIES)) {
    it(`renders ${name} as a valid Adaptive Card 1.5`, () => {
      const card = renderCard(reply);
      expect(card.version).toBe('1.5');
      expectSendable(card);
      expect(card).toMatchSnapshot();
    });
  }

  // A repeated question's answer is one shared Reply (core's recent answers).
  it.each(Object.keys(REPLIES))(
    'renders %s without changing it, once for the same object',
    (name) => {
      const original = REPLIES[name as keyof typeof REPLIES] as Reply;
      const reply = deepFreeze(structuredClone(original));
      const card = renderCard(reply);
      expect(card).toEqual(renderCard(original));
      expect(renderCard(reply)).toBe(card);
      expect(renderCard(reply, { interactive: false })).not.toBe(card);
    },
  );

  it('shows each result with its title, text, source, themes, why it matched and actions', () => {
    const json = JSON.stringify(renderCard(REPLIES.results as Reply));
    expect(json).toContain(LESSON.title);
    expect(json).toContain(LESSON.text);
    expect(json).toContain('Source: Child R · Southwark · 2015');
    expect(json).toContain('Themes: Chronologies, Case recording');
    expect(json).toContain("Matched: chronology (from 'chronologies')");
    expect(buttons(renderCard(REPLIES.results as Reply))).toEqual(
      expect.arrayContaining([
        '"title":"Full lesson"',
        '"title":"Open the review"',
        '"title":"More results"',
      ]),
    );
  });

  it('offers "Open the review" only when the review has a link', () => {
    const card = renderCard(REPLIES.results as Reply);
    const opens = JSON.stringify(card).match(/"type":"Action.OpenUrl"/g) ?? [];
    expect(opens).toHaveLength(1);
  });

  it('carries the Reply’s own "more" action in the More results button', () => {
    const card = renderCard(REPLIES.results as Reply);
    expect(card.actions).toEqual([
      {
        type: 'Action.Submit',
        title: 'More results',
        data: { lessonsBot: { v: 1, action: { kind: 'more', query: 'chronologies', offset: 2 } } },
      },
    ]);
  });

  it('leaves out every button that talks to the bot when the card is not interactive', () => {
    const card = renderCard(
      { kind: 'lesson', lesson: LESSON, notices: [] },
      { interactive: false },
    );
    expect(JSON.stringify(card)).not.toContain('Action.Submit');
    expect(JSON.stringify(card)).toContain('Action.OpenUrl');
  });

  it('shows a question as typed, never as a link or formatting', () => {
    const reply: Reply = {
      kind: 'no-results',
      query: '[click me](https://evil.example) **now** <at>everyone</at>',
      suggestions: [],
      notices: [],
    };
    const text = JSON.stringify(renderCard(reply));
    expect(text).not.toContain('[click me](');
    expect(text).toContain('\\\\[click me\\\\](https://evil.example) \\\\*\\\\*now\\\\*\\\\*');
  });

  it('never offers a link that is not http(s)', () => {
    const reply: Reply = {
      kind: 'lesson',
      lesson: { ...LESSON, review: { ...LESSON.review, url: 'javascript:alert(1)' } },
      notices: [],
    };
    expect(JSON.stringify(renderCard(reply))).not.toContain('javascript:');
  });

  it('shortens the longest lesson to fit, rather than producing a card Teams refuses', () => {
    const long = 'A very long lesson text. '.repeat(5000);
    const reply: Reply = {
      ...(REPLIES.results as Extract<Reply, { kind: 'results' }>),
      lessons: Array(10).fill({ ...LESSON, text: long }),
    };
    const card = renderCard(reply);
    expectSendable(card);
    expect(JSON.stringify(card)).toContain('…');
  });
});

describe('renderWelcomeCard', () => {
  it('explains how to ask in a personal chat', () => {
    const card = renderWelcomeCard('personal');
    expectSendable(card);
    expect(card).toMatchSnapshot();
  });

  it('explains @mentions in a team or group chat', () => {
    const card = renderWelcomeCard('shared');
    expectSendable(card);
    expect(JSON.stringify(card)).toContain('@lessons-bot lessons on chronologies');
  });
});
