import { splitSentences } from '../briefing/index.ts';

/** Titles are read on a card at a glance; the schema allows 120 characters. */
export const MAX_TITLE_LENGTH = 80;

/** Openings that carry no meaning in a title. */
const FILLER = [
  /^(?:this|the)\s+(?:case|review)\s+(?:highlights|demonstrates|shows|illustrates)\s+(?:that\s+)?(?:the\s+)?(?=(?:importance|need)\b)/i,
  /^(?:this|the)\s+(?:case|review)\s+(?:highlights|demonstrates|shows|illustrates|found)\s+that\s+/i,
  /^(?:in addition|also|however|thus|therefore|furthermore|moreover|finally|firstly|secondly),?\s+/i,
  /^(?:it is|it was)\s+(?=(?:essential|important|vital|crucial)\b)/i,
];

/**
 * A first draft of a lesson's title from its text: the first sentence, without filler,
 * cut at a clause or word boundary. A person rewrites it in plain, current words.
 * @example shortTitle('This case highlights the need for practitioners to understand …')
 *   // 'Need for practitioners to understand …'
 */
export function shortTitle(text: string): string {
  let title = (splitSentences(text)[0] ?? text).trim();
  for (const filler of FILLER) title = title.replace(filler, '');
  title = title.replace(/[.;:,]+$/, '');
  if (title.length > MAX_TITLE_LENGTH) title = cut(title);
  return title.charAt(0).toUpperCase() + title.slice(1);
}

function cut(title: string): string {
  const window = title.slice(0, MAX_TITLE_LENGTH);
  const clause = Math.max(
    window.lastIndexOf(', '),
    window.lastIndexOf('; '),
    window.lastIndexOf(' – '),
  );
  if (clause >= 30) return window.slice(0, clause);
  const space = window.lastIndexOf(' ');
  return `${window.slice(0, space > 20 ? space : MAX_TITLE_LENGTH - 1)}…`;
}
