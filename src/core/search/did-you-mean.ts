const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const NON_ASCII = /[^\p{ASCII}]/u;
const isWordChar = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);

/**
 * The question with each misspelt word replaced by its correction, keeping the rest
 * as the user wrote it: "lessons on escalaton" → "lessons on escalation".
 * Undefined when there is nothing to correct.
 */
export function didYouMean(
  query: string,
  corrections: ReadonlyMap<string, string>,
): string | undefined {
  if (corrections.size === 0) return undefined;
  let text = query.trim();
  for (const [wrong, right] of corrections) text = replaceWord(text, wrong, right);
  return text === query.trim() ? undefined : text;
}

/** Replaces the first whole-word occurrence of `wrong` (any case) with `right`. */
function replaceWord(text: string, wrong: string, right: string): string {
  // Compiling a Unicode regex for every misspelling costs more than the rest of a typo's
  // search; plain ASCII (nearly every question) is matched by hand, the same way.
  if (NON_ASCII.test(text) || NON_ASCII.test(wrong)) {
    const word = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(wrong)}(?![\\p{L}\\p{N}])`, 'iu');
    return text.replace(word, () => right);
  }
  const lower = text.toLowerCase();
  const target = wrong.toLowerCase();
  for (let at = lower.indexOf(target); at >= 0; at = lower.indexOf(target, at + 1)) {
    const end = at + target.length;
    if (isWordChar(lower.charCodeAt(at - 1)) || isWordChar(lower.charCodeAt(end))) continue;
    return text.slice(0, at) + right + text.slice(end);
  }
  return text;
}
