import { collapseSpace, hyphenJudge, joinLines } from './clean-text.ts';
import type { ReadDocument, TextBlock } from './document.ts';

/**
 * Plain text and Markdown (plain text is read as Markdown: the two differ little) to blocks. Blank lines part paragraphs; a form feed parts
 * pages (as pdftotext writes them); `#` lines and lines that are wholly bold are
 * headings; a short line standing alone without closing punctuation is a heading too.
 */

/** "1.", "12)", "(a)", "b.", "iv)", "•", "-", "*", "–" at the start of a line, then a space. */
export const ITEM_MARKER =
  /^\s*(\(?\d{1,3}[.)]|\(?[a-z][.)]|\([a-z]{1,4}\)|[ivx]{1,5}[.)]|[•▪◦‣∙·●○■□➢►✓*–—-])\s+(?=\S)/u;

const MD_HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const BOLD_LINE = /^\s*(\*\*|__)(.+)\1\s*$/;

interface Pending {
  kind: TextBlock['kind'];
  lines: string[];
  indent: number;
  marker?: string;
  level?: number;
  page?: number;
}

export function readText(text: string): ReadDocument {
  const pages = text.split('\f');
  const judge = hyphenJudge(text.split('\n'));
  const blocks: TextBlock[] = [];
  const paged = pages.length > 1;
  pages.forEach((pageText, index) => {
    const page = paged ? index + 1 : undefined;
    for (const pending of pendingBlocks(pageText, page)) blocks.push(finish(pending, judge));
  });
  return {
    format: 'text',
    blocks: blocks.filter((block) => block.text !== ''),
    ...(paged ? { pages: pages.length } : {}),
    notes: [],
  };
}

function pendingBlocks(text: string, page: number | undefined): Pending[] {
  const found: Pending[] = [];
  let current: Pending | undefined;
  let blank = false;
  const start = (pending: Pending) => {
    current = page === undefined ? pending : { ...pending, page };
    found.push(current);
  };
  for (const line of text.split(/\r?\n|\r/)) {
    if (line.trim() === '') {
      blank = true;
      continue;
    }
    const indent = line.length - line.trimStart().length;
    const heading = headingOf(line);
    const marker = ITEM_MARKER.exec(line);
    if (heading) start({ kind: 'heading', lines: [heading.text], indent, level: heading.level });
    else if (marker?.[1] !== undefined)
      start({ kind: 'item', lines: [line.slice(marker[0].length)], indent, marker: marker[1] });
    else if (current && continues(current, indent, blank)) current.lines.push(line);
    else start({ kind: 'paragraph', lines: [line], indent });
    blank = false;
  }
  return found.map(promoteStandaloneHeading);
}

/** A line continues the block above unless a blank line came first; an item's indented text after one still does. */
function continues(current: Pending, indent: number, blank: boolean): boolean {
  if (current.kind === 'heading') return false;
  if (!blank) return true;
  return current.kind === 'item' && indent >= current.indent + 2;
}

function headingOf(line: string): { text: string; level: number } | undefined {
  const hashes = MD_HEADING.exec(line);
  if (hashes?.[1] !== undefined && hashes[2] !== undefined)
    return { text: stripBold(hashes[2]), level: hashes[1].length };
  const bold = BOLD_LINE.exec(line);
  if (bold?.[2] !== undefined && bold[2].length <= 120) return { text: bold[2], level: 3 };
  return undefined;
}

/** A one-line paragraph that reads like a title: short, capitalised, no closing punctuation. */
function promoteStandaloneHeading(pending: Pending): Pending {
  if (pending.kind !== 'paragraph' || pending.lines.length !== 1) return pending;
  const line = collapseSpace(pending.lines[0] ?? '');
  const words = line.split(' ').length;
  if (words > 12 || line.length > 90 || !/^[\p{Lu}\d‘'“"]/u.test(line)) return pending;
  if (/[.,;:!?]$/.test(line) || /\b(https?:|www\.)/i.test(line)) return pending;
  return { ...pending, kind: 'heading', level: 3 };
}

function stripBold(text: string): string {
  return text.replace(/(\*\*|__)(.+?)\1/g, '$2');
}

function finish(pending: Pending, judge: ReturnType<typeof hyphenJudge>): TextBlock {
  const block: TextBlock = {
    kind: pending.kind,
    text: stripBold(joinLines(pending.lines, judge)),
  };
  if (pending.page !== undefined) block.page = pending.page;
  if (pending.level !== undefined) block.level = pending.level;
  if (pending.marker !== undefined) block.marker = pending.marker;
  return block;
}
