/**
 * Sentences of plain English prose, for "what happened in two sentences". A full stop
 * ends a sentence only when it is not part of an abbreviation ("Dr.", "e.g.", "No. 3")
 * or a number ("3.5"), and a closing quote or bracket after it
 * stays with its sentence ('She said "No." Then …').
 */

const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'sr',
  'jr',
  'rev',
  'hon',
  'cllr',
  'det',
  'insp',
  'sgt',
  'pc',
  'dc',
  'supt',
  'cf',
  'e.g',
  'i.e',
  'etc',
  'vs',
  'viz',
  'approx',
  'est',
  'dept',
  'govt',
  'inc',
  'ltd',
  'co',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'a.m',
  'p.m',
]);

/** Abbreviations only before a number: "No. 3", "para. 4.2"; "No." alone ends a sentence. */
const BEFORE_NUMBER = new Set(['no', 'nos', 'vol', 'para', 'paras', 'p', 'pp', 'ch', 'sec', 'fig']);

/** Where a sentence may end: terminal punctuation, closers, then space and a capital or opener. */
const BOUNDARY = /([.!?]+)(["'”’)\]]*)\s+(?=["'“‘([]?[\p{Lu}\d])/gu;

function wordBefore(text: string, end: number): string {
  const match = /(\S+)$/.exec(text.slice(0, end));
  return (match?.[1] ?? '').replace(/^["'“‘([]+/, '').toLowerCase();
}

function isAbbreviation(word: string, punctuation: string, next: string): boolean {
  if (punctuation !== '.') return false;
  if (ABBREVIATIONS.has(word)) return true;
  if (BEFORE_NUMBER.has(word)) return /\d/.test(next);
  // "e.g" and "U.K" are dotted abbreviations. A lone capital is not taken for an initial:
  // reviews anonymise people as letters ("Child R. She …"), and that full stop ends a sentence.
  return /^(\p{L}\.)+\p{L}$/u.test(word);
}

export function splitSentences(text: string): string[] {
  const prose = text.replace(/\s+/g, ' ').trim();
  const sentences: string[] = [];
  let start = 0;
  for (const match of prose.matchAll(BOUNDARY)) {
    const [whole, punctuation = '', closers = ''] = match;
    const at = match.index;
    const next = prose.charAt(at + whole.length);
    // A closing quote or bracket after the full stop ends a quoted sentence, whatever the word.
    if (closers === '' && isAbbreviation(wordBefore(prose, at), punctuation, next)) continue;
    const end = at + punctuation.length + closers.length;
    sentences.push(prose.slice(start, end));
    start = at + whole.length;
  }
  if (start < prose.length) sentences.push(prose.slice(start));
  return sentences.filter((s) => s !== '');
}

/** The first `count` sentences, joined as prose. */
export function firstSentences(text: string, count: number): string {
  return splitSentences(text).slice(0, count).join(' ');
}
