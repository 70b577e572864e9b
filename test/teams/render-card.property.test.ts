import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardBytes, MAX_CARD_BYTES } from '../../src/adapters/teams/card/budget.ts';
import { renderSearchResults } from '../../src/adapters/teams/card/search-extension.ts';
import { renderCard, renderOutgoingCard } from '../../src/adapters/teams/index.ts';
import type {
  ErrorCode,
  LessonCard,
  Notice,
  Reply,
  ReviewCard,
  ThemeRef,
} from '../../src/core/index.ts';
import { deliveryReplyArb, outgoingArb } from '../fixtures/slack/arbitraries.ts';
import { ALLOWED_TYPES, cardSchemaErrors, typesIn } from '../helpers/teams-card-schema.ts';

/** Text a hostile or careless corpus could hold: any code point, Markdown, mentions, huge lengths. */
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom(
    '**bold** _x_ [link](https://e.example) `code` # heading\n> quote\n- item',
    '<at>everyone</at>',
    '😀'.repeat(50),
    '\u0000\u0007\u001b',
  ),
  fc
    .tuple(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }),
      fc.integer({ min: 100, max: 4000 }),
    )
    .map(([s, n]) => s.repeat(n)),
);

const url = fc.oneof(
  fc.constant(null),
  fc.webUrl(),
  fc.constantFrom('javascript:alert(1)', 'not a url', `https://e.example/${'x'.repeat(3000)}`),
);

const themeRef: fc.Arbitrary<ThemeRef> = fc.record({ id: hostileText, label: hostileText });

const review: fc.Arbitrary<ReviewCard> = fc.record({
  id: hostileText,
  title: hostileText,
  kind: fc.constantFrom('scr', 'lcspr', 'national', 'thematic'),
  partnership: hostileText,
  area: hostileText,
  published: fc.constant('2019-05'),
  year: fc.integer({ min: 1990, max: 2100 }),
  url,
  summary: hostileText,
  source: fc.oneof(fc.constant(null), hostileText),
  lessonCount: fc.nat(500),
});

const lesson: fc.Arbitrary<LessonCard> = fc.record({
  id: hostileText,
  title: hostileText,
  text: hostileText,
  review,
  themes: fc.array(themeRef, { maxLength: 40 }),
  agencies: fc.array(themeRef, { maxLength: 20 }),
  questions: fc.array(hostileText, { maxLength: 30 }),
});

const notice: fc.Arbitrary<Notice> = fc.record({
  kind: fc.constantFrom('privacy', 'corrected', 'info'),
  text: hostileText,
});

const reply: fc.Arbitrary<Reply> = fc.oneof(
  fc.record({
    kind: fc.constant('results' as const),
    query: hostileText,
    heading: hostileText,
    total: fc.nat(100_000),
    offset: fc.nat(10_000),
    lessons: fc.array(lesson, { maxLength: 12 }),
    more: fc.oneof(
      fc.constant(null),
      fc.record({ kind: fc.constant('more' as const), query: hostileText, offset: fc.nat(10_000) }),
    ),
    notices: fc.array(notice, { maxLength: 5 }),
  }),
  fc.record({
    kind: fc.constant('no-results' as const),
    query: hostileText,
    suggestions: fc.array(fc.record({ id: hostileText, label: hostileText, count: fc.nat() }), {
      maxLength: 10,
    }),
    notices: fc.array(notice, { maxLength: 5 }),
  }),
  fc.record({
    kind: fc.constant('lesson' as const),
    lesson,
    notices: fc.array(notice, { maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant('themes' as const),
    themes: fc.array(
      fc.record({ id: hostileText, label: hostileText, description: hostileText, count: fc.nat() }),
      { maxLength: 200 },
    ),
  }),
  fc.record({
    kind: fc.constant('reviews' as const),
    reviews: fc.array(review, { maxLength: 100 }),
  }),
  fc.record({
    kind: fc.constant('review' as const),
    review,
    lessons: fc.array(lesson, { maxLength: 40 }),
  }),
  fc.record({
    kind: fc.constant('help' as const),
    title: hostileText,
    sections: fc.array(
      fc.record({
        title: hostileText,
        lines: fc.array(hostileText, { maxLength: 5 }),
        examples: fc.array(hostileText, { maxLength: 8 }),
      }),
      { maxLength: 10 },
    ),
  }),
  fc.record({
    kind: fc.constant('error' as const),
    // Any text, not only the known codes: a renderer must survive whatever it is given.
    code: hostileText.map((code) => code as ErrorCode),
    message: hostileText,
    suggestions: fc.array(
      fc.record({
        label: hostileText,
        action: fc.record({ kind: fc.constant('lesson' as const), id: hostileText }),
      }),
      { maxLength: 10 },
    ),
  }),
  fc.record({ kind: fc.constant('notice' as const), text: hostileText }),
);

describe('renderCard, for any reply', () => {
  it('returns a valid Adaptive Card 1.5 under 28 KB, using only elements Teams renders everywhere', () => {
    fc.assert(
      fc.property(reply, fc.boolean(), (r, interactive) => {
        const card = renderCard(r, { interactive });
        expect(cardSchemaErrors(card)).toEqual([]);
        expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
        for (const type of typesIn(card)) expect(ALLOWED_TYPES.has(type)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('offers links only to http(s) addresses', () => {
    fc.assert(
      fc.property(reply, (r) => {
        for (const match of JSON.stringify(renderCard(r)).matchAll(/"url":"([^"]*)"/g)) {
          expect(match[1]).toMatch(/^https?:\/\//);
        }
      }),
    );
  });
});

function expectSendable(card: unknown) {
  expect(cardSchemaErrors(card)).toEqual([]);
  expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
  for (const type of typesIn(card)) expect(ALLOWED_TYPES.has(type)).toBe(true);
}

describe('the store-backed replies and the posted cards, for any input', () => {
  it('render subscription, preview, publish and report answers as valid cards under 28 KB', () => {
    fc.assert(
      fc.property(deliveryReplyArb, fc.boolean(), (r, interactive) => {
        expectSendable(renderCard(r, { interactive }));
      }),
      { numRuns: 150 },
    );
  });

  it('render weekly briefings and announcements as valid cards under 28 KB', () => {
    fc.assert(
      fc.property(outgoingArb, (message) => {
        const card = renderOutgoingCard(message);
        expectSendable(card);
        for (const match of JSON.stringify(card).matchAll(/"url":"([^"]*)"/g)) {
          expect(match[1]).toMatch(/^https?:\/\//);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('renderSearchResults, for any reply', () => {
  it('inserts only valid cards under 28 KB', () => {
    fc.assert(
      fc.property(reply, (r) => {
        for (const attachment of renderSearchResults(r).composeExtension?.attachments ?? []) {
          expect(cardSchemaErrors(attachment.content)).toEqual([]);
          expect(cardBytes(attachment.content)).toBeLessThanOrEqual(MAX_CARD_BYTES);
        }
      }),
      { numRuns: 50 },
    );
  });
});
