import porter2 from 'wink-porter2-stemmer';
import type { Agency, GlossaryEntry, Theme } from '../lessons/index.ts';

/**
 * Suggested themes and agencies for a lesson: the vocabulary entries whose label, id or
 * synonyms the lesson's text uses, after the glossary has been applied (a lesson that
 * says "LAC Review" also says "child in care review"). Suggestions only: a person checks
 * them, and the draft says so.
 */
export interface Vocabulary {
  themes: readonly Theme[];
  agencies: readonly Agency[];
  glossary: readonly GlossaryEntry[];
}

export interface TagSuggester {
  suggest(text: string): { themes: string[]; agencies: string[] };
}

export const MAX_SUGGESTED_THEMES = 3;
export const MAX_SUGGESTED_AGENCIES = 4;

interface Phrase {
  /** stemmed words joined by spaces, padded: " child protect plan " */
  key: string;
  /** short capitals ("DV", "CP") match only when the text writes them in capitals */
  caps: boolean;
  weight: number;
}

interface Entry {
  id: string;
  phrases: Phrase[];
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

function stems(text: string): string[] {
  return [...text.toLowerCase().replace(/-/g, ' ').matchAll(WORD)].map((m) =>
    porter2(m[0].replace(/['’]s$/, '')),
  );
}

function phrase(text: string, weight: number): Phrase {
  const caps = /^[A-Z&]{2,5}$/.test(text.trim());
  return { key: ` ${stems(text).join(' ')} `, caps, weight };
}

function entries(list: readonly (Theme | Agency)[]): Entry[] {
  return list.map((entry) => ({
    id: entry.id,
    phrases: [
      phrase(entry.label, 2),
      phrase(entry.id.replace(/-/g, ' '), 2),
      ...entry.synonyms.map((s) => phrase(s, 1)),
    ].filter((p) => p.key.trim() !== ''),
  }));
}

export function createTagSuggester(vocabulary: Vocabulary): TagSuggester {
  const themes = entries(vocabulary.themes);
  const agencies = entries(vocabulary.agencies);
  const glossary = vocabulary.glossary.map((entry) =>
    [entry.term, ...entry.also, ...entry.formerly].map((form) => phrase(form, 1)),
  );
  return {
    suggest(text) {
      const read = readText(text);
      // Every form of a glossary entry the text uses counts as written.
      const extra = glossary
        .filter((forms) => forms.some((form) => matches(read, form)))
        .flatMap((forms) => forms.map((form) => form.key.trim()));
      const widened = { ...read, words: `${read.words}| ${extra.join(' | ')} ` };
      return {
        themes: best(themes, widened, MAX_SUGGESTED_THEMES),
        agencies: best(agencies, widened, MAX_SUGGESTED_AGENCIES),
      };
    },
  };
}

interface ReadText {
  words: string;
  capitals: Set<string>;
}

function readText(text: string): ReadText {
  const capitals = new Set(
    [...text.matchAll(/\b[A-Z&]{2,5}\b/g)].map((m) => porter2(m[0].toLowerCase())),
  );
  return { words: ` ${stems(text).join(' ')} `, capitals };
}

function matches(text: ReadText, p: Phrase): boolean {
  if (p.caps) return text.capitals.has(p.key.trim());
  return text.words.includes(p.key);
}

function best(list: readonly Entry[], text: ReadText, limit: number): string[] {
  return list
    .map((entry, order) => ({
      id: entry.id,
      order,
      score: entry.phrases.reduce((sum, p) => sum + (matches(text, p) ? p.weight : 0), 0),
    }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map((s) => s.id);
}
