/**
 * How much of each field a card may show. Cards are rendered with the roomiest
 * budget first and, should the result be too big for Teams, again with tighter
 * ones, so even the longest lesson or a hostile corpus entry yields a card that sends.
 */
export interface Budget {
  /** titles and headings, in code points */
  title: number;
  /** a lesson's text in a list of results */
  text: number;
  /** a lesson's text when it is shown on its own, a review's summary */
  fullText: number;
  /** one-line extras: source, themes, suggestions */
  line: number;
  /** lessons, questions, notices, help sections: things with a body of their own */
  items: number;
  /** one-line entries of a catalogue: themes, reviews */
  list: number;
}

export const BUDGETS: readonly Budget[] = [
  { title: 200, text: 1500, fullText: 5000, line: 300, items: 30, list: 100 },
  { title: 160, text: 700, fullText: 2000, line: 200, items: 15, list: 50 },
  { title: 120, text: 300, fullText: 800, line: 120, items: 8, list: 20 },
  { title: 80, text: 120, fullText: 300, line: 80, items: 4, list: 8 },
  { title: 60, text: 60, fullText: 120, line: 60, items: 2, list: 4 },
];

/**
 * Teams rejects big messages (413 MessageSizeTooBig); Graph and connector posts are
 * capped at about 28 KB, the strictest limit we know of, so every card stays under it.
 */
export const MAX_CARD_BYTES = 28 * 1024;

/** Size of a card as sent: UTF-8 bytes of its JSON. */
export function cardBytes(card: unknown): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}
