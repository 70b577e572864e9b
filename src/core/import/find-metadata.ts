import { firstSentences } from '../briefing/index.ts';
import type { ReviewKind } from '../lessons/index.ts';
import { classifyHeading } from './classify-heading.ts';
import type { ReadDocument, TextBlock } from './document.ts';

/** A value the importer found, and where: for the draft's notes. */
export interface Found<T> {
  value: T;
  from: string;
}

export interface ReviewMetadata {
  /** the child's or family's review name: "Child R", "Children P", "Claire" */
  name?: Found<string>;
  kind?: Found<ReviewKind>;
  partnership?: Found<string>;
  area?: Found<string>;
  /** YYYY, YYYY-MM or YYYY-MM-DD */
  published?: Found<string>;
  url?: Found<string>;
  summary?: Found<string>;
  /** the document's own title, for the source line */
  documentTitle?: Found<string>;
  /** a kind the schema has no value for (a Welsh child practice review) */
  otherKind?: string;
}

/** Metadata is printed near the start; reading past this many characters finds only noise. */
const HEAD_CHARS = 60_000;

export function findMetadata(doc: ReadDocument): ReviewMetadata {
  const head = headOf(doc.blocks);
  const text = head.map((b) => b.text).join('\n');
  const found: ReviewMetadata = {};
  const name = findName(head, text);
  if (name) found.name = name;
  Object.assign(found, findKind(head));
  const partnership = findPartnership(head);
  if (partnership) {
    found.partnership = partnership.partnership;
    found.area = partnership.area;
  }
  const published = findPublished(head);
  if (published) found.published = published;
  const url = doc.url ? { value: doc.url, from: "the page's own address" } : findUrl(head);
  if (url) found.url = url;
  const summary = findSummary(head, name?.value);
  if (summary) found.summary = summary;
  const title = doc.title?.trim()
    ? { value: doc.title.trim(), from: "the document's title" }
    : firstHeading(head);
  if (title) found.documentTitle = title;
  return found;
}

function headOf(blocks: readonly TextBlock[]): TextBlock[] {
  const head: TextBlock[] = [];
  let size = 0;
  for (const block of blocks) {
    if (size > HEAD_CHARS) break;
    head.push({ ...block, text: block.text.slice(0, 5000) });
    size += block.text.length;
  }
  return head;
}

export function where(block: TextBlock | undefined, quote?: string): string {
  const page = block?.page === undefined ? '' : `page ${block.page}, `;
  const shown = (quote ?? block?.text ?? '').slice(0, 70);
  return `${page}"${shown}${(quote ?? block?.text ?? '').length > 70 ? '…' : ''}"`;
}

// --- the review's name -----------------------------------------------------------

const CHILD_NAME =
  /\b(Child|Children|Baby|Infant|Young Person|Siblings?|Family|Families)\s+([A-Z]{1,3}\d?|[A-Z][a-z]{2,})(?![\w’'-])/g;
const NOT_A_NAME = new Set(
  'Act Board Care Centre Court Death Exploitation Health Looked Mental Missing Panel Partnership Plan Practice Protection Review Safeguarding Services Sexual Social Support Trust Welfare Abuse Criminal And Of The In On For With Who Are Is Was Were'.split(
    ' ',
  ),
);
const QUOTED_NAME = /(?:review|SCR|LCSPR|named|called|known as)\s+[‘“'"]([A-Z][a-z]{2,})[’”'"]/g;

function findName(head: readonly TextBlock[], text: string): Found<string> | undefined {
  const counts = new Map<string, number>();
  for (const match of text.matchAll(CHILD_NAME)) {
    const word = match[2] ?? '';
    // A common noun ("Children Services") is also written in lower case somewhere.
    if (NOT_A_NAME.has(word) || (word.length > 3 && text.includes(` ${word.toLowerCase()} `)))
      continue;
    const name = `${match[1]} ${word}`;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const quoted = [...text.matchAll(QUOTED_NAME)].map((m) => m[1] ?? '');
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  const value = best && (best[1] >= 2 || quoted.length === 0) ? best[0] : quoted[0];
  if (!value) return undefined;
  const block = head.find((b) => b.text.includes(value));
  return { value, from: where(block, value) };
}

// --- the kind of review --------------------------------------------------------------

const KINDS: [RegExp, ReviewKind | 'cpr'][] = [
  [/\b(?:local child safeguarding practice reviews?|LCSPRs?|CSPRs?)\b/gi, 'lcspr'],
  [/\bserious case reviews?\b|\bSCRs?\b/gi, 'scr'],
  [/\bnational (?:review|child safeguarding practice review)\b/gi, 'national'],
  [/\bthematic (?:review|learning review)\b/gi, 'thematic'],
  [/\bchild practice reviews?\b/gi, 'cpr'],
];

function findKind(head: readonly TextBlock[]): Pick<ReviewMetadata, 'kind' | 'otherKind'> {
  let best: { kind: ReviewKind | 'cpr'; count: number; block: TextBlock; said: string } | undefined;
  for (const [pattern, kind] of KINDS) {
    let count = 0;
    let first: { block: TextBlock; said: string } | undefined;
    for (const block of head)
      for (const match of block.text.matchAll(pattern)) {
        count += 1;
        first ??= { block, said: match[0] };
      }
    if (first && count > (best?.count ?? 0)) best = { kind, count, ...first };
  }
  if (!best) return {};
  if (best.kind === 'cpr') return { otherKind: 'a child practice review (Wales)' };
  return { kind: { value: best.kind, from: where(best.block, best.said) } };
}

// --- partnership and area --------------------------------------------------------------

const PARTNERSHIP =
  /((?:[A-Z][\w’'&-]*\s+(?:(?:and|upon|on|of)\s+)?){1,5}?)(Local Safeguarding Children(?:’s|'s)? Board|Safeguarding Children(?:’s|'s)? (?:Partnership|Board)|Safeguarding (?:Children )?Partnership|Children(?:’s|'s)? Safeguarding (?:Board|Partnership))/g;
const NOT_A_PLACE = new Set(
  'The A An By Of This That Behalf Read Agreed Extract Statement Independent Chair Manager Our Your Their Its If In On And Email Contact Local'.split(
    ' ',
  ),
);

function findPartnership(
  head: readonly TextBlock[],
): { partnership: Found<string>; area: Found<string> } | undefined {
  const counts = new Map<string, { count: number; area: string; body: string }>();
  for (const match of head.flatMap((block) => [...block.text.matchAll(PARTNERSHIP)])) {
    const words = (match[1] ?? '').trim().split(/\s+/);
    while (words.length > 0 && NOT_A_PLACE.has(words[0] ?? '')) words.shift();
    const area = words.join(' ').replace(/\s+(?:and|upon|on|of)$/, '');
    if (area === '') continue;
    const full = `${area} ${match[2]}`;
    const seen = counts.get(full) ?? { count: 0, area, body: match[2] ?? '' };
    counts.set(full, { ...seen, count: seen.count + 1 });
  }
  const best = [...counts].sort((a, b) => b[1].count - a[1].count || b[0].length - a[0].length)[0];
  if (!best) return undefined;
  const [full, { area }] = best;
  const from = where(
    head.find((b) => b.text.includes(full)),
    full,
  );
  return { partnership: { value: full, from }, area: { value: area, from } };
}

// --- publication date ------------------------------------------------------------------

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH = `(?:${MONTHS.map((m) => `${m.slice(0, 3)}(?:${m.slice(3)})?`).join('|')})\\.?`;
const PUBLISHED = new RegExp(
  `\\b(?:published|publication date|date of publication|date published)\\b[^.\\d]{0,40}?\\b((\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH}),?\\s+((?:19|20)\\d\\d)|(${MONTH})\\s+((?:19|20)\\d\\d)|(\\d{1,2})[/.](\\d{1,2})[/.]((?:19|20)\\d\\d)|((?:19|20)\\d\\d)(?:-(\\d\\d)(?:-(\\d\\d))?)?)\\b`,
  'i',
);

function monthNumber(name: string | undefined): string {
  const index = MONTHS.findIndex((m) => m.startsWith((name ?? '').toLowerCase().slice(0, 3)));
  return String(index + 1).padStart(2, '0');
}

const pad = (n: string | undefined) => (n ?? '').padStart(2, '0');

function findPublished(head: readonly TextBlock[]): Found<string> | undefined {
  for (const block of head) {
    const m = PUBLISHED.exec(block.text);
    if (!m) continue;
    const value = m[2]
      ? `${m[4]}-${monthNumber(m[3])}-${pad(m[2])}`
      : m[5]
        ? `${m[6]}-${monthNumber(m[5])}`
        : m[7]
          ? `${m[9]}-${pad(m[8])}-${pad(m[7])}`
          : [m[10], m[11], m[12]].filter(Boolean).join('-');
    if (/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(value))
      return { value, from: where(block, m[0]) };
  }
  return undefined;
}

// --- web address, summary, title ----------------------------------------------------------

const URL = /\bhttps?:\/\/[^\s<>"'()]+[^\s<>"'().,;:!?]/g;
const REVIEW_URL = /review|scr|lcspr|cspr|learning|\.pdf/i;

function findUrl(head: readonly TextBlock[]): Found<string> | undefined {
  for (const block of head)
    for (const [url] of block.text.matchAll(URL))
      if (REVIEW_URL.test(url)) return { value: url, from: where(block, url) };
  return undefined;
}

const SUMMARY_SENTENCES = 3;
const MIN_SUMMARY_WORDS = 12;

/** The paragraph under a case-summary heading, else the first that tells of the child by name. */
function findSummary(
  head: readonly TextBlock[],
  name: string | undefined,
): Found<string> | undefined {
  let under: string | undefined;
  let fallback: TextBlock | undefined;
  for (const block of head) {
    if (block.kind === 'heading') {
      under = classifyHeading(block.text) === 'summary' ? block.text : undefined;
      continue;
    }
    if (block.kind !== 'paragraph' || block.text.split(/\s+/).length < MIN_SUMMARY_WORDS) continue;
    if (under !== undefined)
      return {
        value: firstSentences(block.text, SUMMARY_SENTENCES),
        from: `the paragraph under "${under}"${block.page ? ` on page ${block.page}` : ''}`,
      };
    if (fallback === undefined && name && startsWithName(block.text, name)) fallback = block;
  }
  if (!fallback) return undefined;
  return {
    value: firstSentences(fallback.text, SUMMARY_SENTENCES),
    from: `the first paragraph about ${name}${fallback.page ? ` (page ${fallback.page})` : ''}`,
  };
}

function startsWithName(text: string, name: string): boolean {
  const start = text.replace(/^[‘'"“]/, '');
  return start.startsWith(name) || start.startsWith(`${name}’`) || start.startsWith(`${name}'`);
}

/** The first block when it is short enough to be a title, else the first heading. */
function firstHeading(head: readonly TextBlock[]): Found<string> | undefined {
  const first = head[0];
  const short = first && first.text.split(' ').length <= 20 ? first : undefined;
  const block = short ?? head.find((b) => b.kind === 'heading') ?? first;
  if (!block) return undefined;
  return { value: block.text.slice(0, 200), from: where(block) };
}
