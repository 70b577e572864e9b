/**
 * Text for Adaptive Card TextBlocks. Teams renders a subset of Markdown in a
 * TextBlock, so anything we did not write ourselves (a question, corpus text) is
 * escaped: a question such as "[click](https://…)" must show as typed, never as a link.
 */

/** Characters that start Markdown inline formatting in Teams' renderer. */
const INLINE_MARKDOWN = /[\\`*_[\]~]/g;
/** Line starts that Markdown would turn into headings, quotes or lists ("1." is escaped as "1\."). */
const BLOCK_MARKDOWN = /^(\s*)([#>+-])/gm;
const ORDERED_LIST = /^(\s*\d+)([.)])/gm;
// Control characters other than newline render as boxes or break JSON consumers.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f]/g;

/** Cuts to at most `max` code points, never inside a surrogate pair, ending with "…" when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  // Look at a bounded prefix only: hostile input can be megabytes long.
  const points = Array.from(text.slice(0, max * 2 + 2));
  if (points.length <= max) return points.join('');
  return `${points
    .slice(0, Math.max(0, max - 1))
    .join('')
    .trimEnd()}…`;
}

/** Plain text made safe for a TextBlock: escaped, single-spaced lines, at most `max` code points. */
export function plain(text: string, max: number): string {
  const tidy = truncate(text.replace(/\r\n?/g, '\n').replace(CONTROL, ' '), max)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return tidy
    .replace(INLINE_MARKDOWN, '\\$&')
    .replace(BLOCK_MARKDOWN, '$1\\$2')
    .replace(ORDERED_LIST, '$1\\$2');
}

/** One line of plain text: newlines become spaces (titles, headings, button labels). */
export function line(text: string, max: number): string {
  return plain(text.replace(/\s+/g, ' '), max);
}

/**
 * Button labels are not Markdown in any renderer, so they are only trimmed.
 * Teams truncates long ones visually; 40 code points keeps them readable on a phone.
 */
export function label(text: string, max = 40): string {
  return truncate(text.replace(/\s+/g, ' ').trim(), max);
}

/** Links on cards open in a browser: only http(s) URLs of sane length are offered. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url || url.length > 2000) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
    // The URL parser leaves some characters RFC 3986 does not allow (such as "|"), which
    // the card schema then refuses; they are percent-encoded so the link still works.
    return parsed.href.replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/g, (c) =>
      encodeURIComponent(c),
    );
  } catch {
    return null;
  }
}
