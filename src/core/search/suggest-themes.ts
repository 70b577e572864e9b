import { distance } from 'fastest-levenshtein';
import type { Corpus } from '../lessons/index.ts';
import { stem } from './stem.ts';
import { isContentWord, splitWords } from './tokenize.ts';
import type { ThemeSuggestion } from './types.ts';

type Themes = Pick<Corpus, 'themes'>;

export interface SuggestOptions {
  limit?: number;
  /**
   * true (default): themes whose names share a word with the question, or nearly (a
   * typo), else the themes with most lessons; false: only themes sharing a word, for a
   * question whose topic is known to have no lesson (a near spelling is a coincidence).
   */
  fallback?: boolean;
}

/**
 * Themes worth trying when a question found nothing: those whose label or synonyms
 * share a word (or nearly) with the question, else (unless `fallback` is false) the
 * themes with most lessons. `counts[i]` is the number of lessons with `corpus.themes[i]`.
 */
export function suggestThemesWith(
  corpus: Themes,
  counts: ArrayLike<number>,
  query: string,
  { limit = 5, fallback = true }: SuggestOptions = {},
): ThemeSuggestion[] {
  const words = contentWords(query);
  const names = themeWords(corpus.themes);
  const scored = corpus.themes.map((theme, i) => ({
    theme,
    count: counts[i] ?? 0,
    closeness: closeness(words, names[i] ?? [], fallback),
  }));
  const used = scored.filter((s) => s.count > 0);
  const close = used.filter((s) => s.closeness > 0);
  const pool = close.length > 0 || !fallback ? close : used;
  pool.sort(
    (a, b) =>
      b.closeness - a.closeness || b.count - a.count || a.theme.label.localeCompare(b.theme.label),
  );
  return pool
    .slice(0, limit)
    .map((s) => ({ id: s.theme.id, label: s.theme.label, count: s.count }));
}

/**
 * {@link suggestThemesWith}, counting lessons per theme from the corpus.
 * @example suggestThemes(corpus, 'neglct') // → [{ id: 'neglect', label: 'Neglect', count: 9 }, …]
 */
export function suggestThemes(corpus: Corpus, query: string, limit = 5): ThemeSuggestion[] {
  return suggestThemesWith(corpus, themeCounts(corpus), query, { limit });
}

/** How many lessons have each theme, in the order of `corpus.themes`. */
export function themeCounts(corpus: Pick<Corpus, 'themes' | 'lessons'>): number[] {
  const position = new Map(corpus.themes.map((t, i) => [t.id, i]));
  const counts = new Array<number>(corpus.themes.length).fill(0);
  for (const lesson of corpus.lessons) {
    for (const id of lesson.themes) {
      const i = position.get(id);
      if (i !== undefined) counts[i] = (counts[i] ?? 0) + 1;
    }
  }
  return counts;
}

interface QueryWord {
  word: string;
  stem: string;
}

function contentWords(text: string): QueryWord[] {
  return splitWords(text)
    .flatMap((w) => (w.parts.length > 0 ? w.parts : [w.word]))
    .filter(isContentWord)
    .map((word) => ({ word, stem: stem(word) }));
}

// The words of each theme's names, worked out once per list of themes.
const wordsOfThemes = new WeakMap<Themes['themes'], QueryWord[][]>();

/**
 * The words of each theme's names, remembered for this list of themes. Indexing calls it,
 * so that the first question with no answer does not pay for stemming them.
 */
export function themeWords(themes: Themes['themes']): QueryWord[][] {
  let found = wordsOfThemes.get(themes);
  if (found === undefined) {
    found = themes.map((t) => contentWords([t.label, t.id, ...t.synonyms].join('\n')));
    wordsOfThemes.set(themes, found);
  }
  return found;
}

/** Words of the question that a theme's names use too: same stem 2, one or two edits 1. */
function closeness(
  query: readonly QueryWord[],
  theirs: readonly QueryWord[],
  nearToo: boolean,
): number {
  if (query.length === 0) return 0;
  let score = 0;
  for (const q of query) {
    let best = 0;
    for (const t of theirs) {
      if (t.stem === q.stem) best = 2;
      else if (nearToo && best === 0 && q.word.length >= 4 && near(q.word, t.word)) best = 1;
    }
    score += best;
  }
  return score;
}

function near(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 2) return false;
  return distance(a, b) <= (Math.min(a.length, b.length) >= 7 ? 2 : 1);
}
