import { distance } from 'fastest-levenshtein';

/** What a misspelt name most likely meant. */
export interface NameSuggestion {
  /** the id (or field name) to use instead */
  name: string;
  /** the input matched a label or synonym exactly, not just closely */
  exact: boolean;
}

/**
 * Compare names loosely: case, hyphens, underscores and spacing do not make two
 * theme names different to a reader.
 */
export function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[-_\s]+/g, ' ')
    .trim();
}

/**
 * The closest candidate, if it is close enough to be a likely typo. `candidates` maps
 * each spelling (id, label, synonym) to the name to suggest.
 */
export function suggestName(
  input: string,
  candidates: ReadonlyMap<string, string>,
): NameSuggestion | undefined {
  const wanted = normaliseName(input);
  const exact = candidates.get(wanted);
  if (exact !== undefined) return { name: exact, exact: true };
  let best: { name: string; score: number } | undefined;
  for (const [spelling, name] of candidates) {
    const score = distance(wanted, spelling);
    if (score <= allowedDistance(wanted, spelling) && (best === undefined || score < best.score))
      best = { name, score };
  }
  return best && { name: best.name, exact: false };
}

/** About one edit in three; none for words so short that one edit makes another word. */
function allowedDistance(a: string, b: string): number {
  const shorter = Math.min(a.length, b.length);
  const longer = Math.max(a.length, b.length);
  if (shorter <= 3) return 0;
  return Math.min(Math.max(1, Math.floor(longer * 0.35)), shorter - 2);
}

/** A candidates map built from names and their spellings. */
export function candidateMap(entries: Iterable<readonly [name: string, spellings: string[]]>) {
  const map = new Map<string, string>();
  for (const [name, spellings] of entries) {
    for (const spelling of [name, ...spellings]) {
      const key = normaliseName(spelling);
      if (key !== '' && !map.has(key)) map.set(key, name);
    }
  }
  return map;
}
