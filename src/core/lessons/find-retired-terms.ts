import { rawEntries, rawStrings } from './read-raw-entries.ts';

/** An old term found in text, and the current term to write instead. */
export interface RetiredTerm {
  retired: string;
  current: string;
}

interface Retired {
  term: string;
  current: string;
  /** written in capitals ("LAC"): matches only in capitals, so that "lac" is not flagged */
  abbreviation: boolean;
}

/**
 * A finder for the glossary's `formerly` terms in a piece of text. Phrases match in
 * any case. One regular expression, longest terms first, keeps it fast on big files and
 * lets "LAC review" win over "LAC".
 */
export function retiredTermFinder(glossary: Record<string, unknown> | undefined) {
  const retired = new Map<string, Retired>();
  for (const { path, entry } of glossary ? rawEntries(glossary, 'terms') : []) {
    if (typeof entry.term !== 'string') continue;
    for (const { value } of rawStrings(entry, path, 'formerly')) {
      const abbreviation = value === value.toUpperCase();
      retired.set(value.toLowerCase(), { term: value, current: entry.term, abbreviation });
    }
  }
  const pattern = wholeWords([...retired.values()].map((entry) => entry.term));
  return (text: string): RetiredTerm[] => {
    if (pattern === undefined) return [];
    return [...text.matchAll(pattern)].flatMap(([match]) => {
      const found = retired.get(match.toLowerCase());
      if (found === undefined || (found.abbreviation && match !== found.term)) return [];
      return [{ retired: match, current: found.current }];
    });
  };
}

function wholeWords(terms: string[]): RegExp | undefined {
  if (terms.length === 0) return undefined;
  const alternatives = [...terms].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
