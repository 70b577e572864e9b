/**
 * Undoing what layout does to text: line breaks inside a paragraph, words broken at the
 * end of a line, and the stray space some publishing tools leave after a hyphen
 * ("multi- agency"). Lesson texts must come out word for word as published.
 */

/** Whitespace of every kind (no-break spaces, tabs, line breaks) to single spaces. */
export function collapseSpace(text: string): string {
  return text
    .replace(/\u200b|\u200c|\u200d|\u2060|\ufeff/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words a line-break hyphen never splits: these prefixes keep their hyphen ("multi-agency"). */
const HYPHEN_PREFIXES = new Set([
  'anti',
  'co',
  'cross',
  'ex',
  'full',
  'half',
  'inter',
  'intra',
  'long',
  'multi',
  'non',
  'over',
  'part',
  'post',
  'pre',
  'self',
  'semi',
  'short',
  'step',
  'sub',
  'under',
  'well',
]);

/** Words that follow a hyphen in "pre- and post-natal": the space there is real. */
const SUSPENDED = new Set(['and', 'or', 'nor', 'to', 'as', 'but', 'than']);

/**
 * Decides whether "assess-" + "ment" was one word broken by the layout (join without
 * the hyphen) or a hyphenated word (keep it). The document itself is the best witness:
 * a form it prints unbroken elsewhere wins; otherwise known prefixes keep their hyphen.
 */
export interface HyphenJudge {
  keepHyphen(left: string, right: string): boolean;
}

const WORD = /[\p{L}\p{N}]+(?:[-\u2010][\p{L}\p{N}]+)*/gu;

/** Learns from every line of a document which hyphenated and joined forms it uses. */
export function hyphenJudge(lines: Iterable<string>): HyphenJudge {
  const hyphenated = new Set<string>();
  const joined = new Set<string>();
  for (const line of lines)
    for (const [word] of line.toLowerCase().matchAll(WORD)) {
      if (/[-\u2010]/.test(word)) hyphenated.add(word.replace(/\u2010/g, '-'));
      else joined.add(word);
    }
  return {
    keepHyphen(left, right) {
      const l = left.toLowerCase();
      const r = right.toLowerCase();
      if (hyphenated.has(`${l}-${r}`)) return true;
      if (joined.has(`${l}${r}`)) return false;
      return HYPHEN_PREFIXES.has(l) || /\d$/.test(l) || /^\d/.test(r);
    },
  };
}

const LINE_END_HYPHEN = /([\p{L}\p{N}]+)[-\u2010\u00ad]$/u;
const FIRST_WORD = /^([\p{L}\p{N}]+)/u;

/**
 * Joins the lines of one paragraph into one line. A line that ends in a hyphen before a
 * line that starts with a small letter is a word broken by the layout unless the judge
 * says the hyphen is part of the word; a soft hyphen (U+00AD) is always a break.
 */
export function joinLines(lines: readonly string[], judge: HyphenJudge): string {
  let text = '';
  for (const raw of lines) {
    const line = collapseSpace(raw);
    if (line === '') continue;
    const broken = LINE_END_HYPHEN.exec(text);
    const next = FIRST_WORD.exec(line)?.[1];
    if (broken?.[1] !== undefined && next !== undefined && /^[\p{Ll}\p{N}]/u.test(next)) {
      const soft = text.endsWith('\u00ad');
      const keep = !soft && judge.keepHyphen(broken[1], next);
      text = keep ? `${text.slice(0, -1)}-${line}` : `${text.slice(0, -1)}${line}`;
    } else {
      text = text === '' ? line : `${text} ${line}`;
    }
  }
  return fixSpacedHyphens(text.replace(/\u00ad/g, ''));
}

/** "multi- agency" → "multi-agency", leaving "pre- and post-natal" alone. */
export function fixSpacedHyphens(text: string): string {
  return text.replace(/(\p{L}{2,})- (\p{Ll}+)/gu, (whole, left: string, right: string) =>
    SUSPENDED.has(right) ? whole : `${left}-${right}`,
  );
}

/** The text for comparing two renderings of one passage: spacing and quote styles aside. */
export function comparable(text: string): string {
  return collapseSpace(text).replace(/[‘’]/g, "'").replace(/[“”]/g, '"').toLowerCase();
}
