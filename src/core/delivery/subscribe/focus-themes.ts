import { distance } from 'fastest-levenshtein';
import type { Corpus, Theme } from '../../lessons/index.ts';

/** The themes a channel asked for, as ids; or why one of them could not be read. */
export type ThemesReading =
  | { themes: string[] }
  | { error: string; suggestions: { id: string; label: string }[] };

const ALL = new Set(['all', 'any', 'every', 'everything', 'none']);

function normalise(name: string): string {
  return name
    .toLowerCase()
    .replace(/[‘’'"“”]/g, '')
    .replace(/[-_\s]+/g, ' ')
    .trim();
}

function spellings(theme: Theme): string[] {
  return [theme.id, theme.label, ...theme.synonyms].map(normalise);
}

function exactTheme(corpus: Corpus, name: string): Theme | undefined {
  const wanted = normalise(name);
  return corpus.themes.find((t) => spellings(t).includes(wanted));
}

/** Themes within about one edit in four of the name, closest first: likely typos. */
function closeThemes(corpus: Corpus, name: string): Theme[] {
  const wanted = normalise(name);
  const budget = Math.max(1, Math.floor(wanted.length / 4));
  return corpus.themes
    .map((theme) => ({ theme, d: Math.min(...spellings(theme).map((s) => distance(wanted, s))) }))
    .filter((x) => x.d <= budget)
    .sort((a, b) => a.d - b.d || a.theme.id.localeCompare(b.theme.id))
    .slice(0, 3)
    .map((x) => x.theme);
}

function unknownTheme(corpus: Corpus, name: string): ThemesReading {
  const close = closeThemes(corpus, name);
  const hint =
    close.length > 0
      ? `Did you mean ${close.map((t) => `“${t.id}”`).join(' or ')}?`
      : 'Type “themes” to see them all.';
  return {
    error: `There is no theme called “${name}”. ${hint}`,
    suggestions: close.map((t) => ({ id: t.id, label: t.label })),
  };
}

/** "neglect escalation" (no comma) is two themes when it is not one and both words are. */
function splitUnlessTheme(corpus: Corpus, name: string): string[] {
  if (exactTheme(corpus, name)) return [name];
  const words = name.split(/\s+/);
  return words.length > 1 && words.every((w) => exactTheme(corpus, w)) ? words : [name];
}

function lessonCount(corpus: Corpus, id: string): number {
  return corpus.lessons.filter((l) => l.themes.includes(id)).length;
}

/**
 * Theme names (ids, labels or synonyms, any case) → theme ids, without duplicates.
 * "all" means every theme. A theme without lessons is refused: the channel would wait for ever.
 */
export function readFocusThemes(corpus: Corpus, names: readonly string[]): ThemesReading {
  const wanted = names.map((n) => n.trim()).filter((n) => n !== '');
  if (wanted.length === 0) {
    return {
      error: 'Name at least one theme after “themes”, e.g. themes neglect,escalation.',
      suggestions: [],
    };
  }
  if (wanted.every((n) => ALL.has(n.toLowerCase()))) return { themes: [] };
  const ids: string[] = [];
  for (const name of wanted.flatMap((n) => splitUnlessTheme(corpus, n))) {
    const theme = exactTheme(corpus, name);
    if (!theme) return unknownTheme(corpus, name);
    if (lessonCount(corpus, theme.id) === 0) {
      return {
        error: `No lesson is tagged “${theme.label}” yet, so this channel would get nothing on it. Choose another theme; “themes” lists those with lessons.`,
        suggestions: [],
      };
    }
    if (!ids.includes(theme.id)) ids.push(theme.id);
  }
  return { themes: ids };
}
