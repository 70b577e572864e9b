import SearchableMap from 'minisearch/SearchableMap';

/** A misspelt word's likely meaning: the word as written in the corpus, and its stem. */
export interface Correction {
  word: string;
  stem: string;
}

export interface Speller {
  /** the closest known word, for words of 5+ letters; null if none is close */
  correct(word: string): Correction | null;
  /** known words starting with `prefix` (3+ letters), most frequent first */
  complete(prefix: string, limit: number): Correction[];
}

/** Shortest word that is corrected: shorter words have too many neighbours one edit away. */
export const MIN_FUZZY_LENGTH = 5;
export const MIN_PREFIX_LENGTH = 3;

/** Corrections and completions remembered per index: people repeat their misspellings. */
const REMEMBERED = 4096;

/**
 * Spelling correction over the words of the corpus as written (not stems: "escalaton"
 * is one edit from "escalation" but four from "escal"), using MiniSearch's radix tree
 * for edit distance. Swapped neighbours ("negelct") count as one edit, as people make
 * them. The closest words win, then the word found in more lessons. Answers are
 * remembered for the life of the index.
 */
export function createSpeller(
  words: ReadonlyMap<string, string>,
  frequency: (stem: string) => number,
): Speller {
  const tree = new SearchableMap<string>();
  for (const [word, stem] of words) tree.set(word, stem);
  const corrections = new Map<string, Correction | null>();
  const completions = new Map<string, Correction[]>();

  const best = (found: Iterable<[string, string, number]>): Correction | null => {
    let pick: { word: string; stem: string; d: number; f: number } | null = null;
    for (const [word, stem, d] of found) {
      const f = frequency(stem);
      const better =
        pick === null ||
        d < pick.d ||
        (d === pick.d && (f > pick.f || (f === pick.f && word < pick.word)));
      if (better) pick = { word, stem, d, f };
    }
    return pick && { word: pick.word, stem: pick.stem };
  };

  /** The best word at most one edit (or one swap) away. */
  const near = (word: string): Correction | null => {
    const found: [string, string, number][] = [];
    for (const [w, [stem, d]] of tree.fuzzyGet(word, 1)) found.push([w, stem, d]);
    for (const swapped of transpositions(word)) {
      const stem = words.get(swapped);
      if (stem !== undefined) found.push([swapped, stem, 1]);
    }
    return best(found);
  };

  /** The best word two edits away; asked only when none is one edit away. */
  const far = (word: string): Correction | null => {
    const found: [string, string, number][] = [];
    for (const [w, [stem, d]] of tree.fuzzyGet(word, 2)) found.push([w, stem, d]);
    return best(found);
  };

  const completeAll = (prefix: string): Correction[] =>
    [...tree.atPrefix(prefix)]
      .filter(([w]) => w !== prefix)
      .sort(([a, sa], [b, sb]) => frequency(sb) - frequency(sa) || a.length - b.length)
      .map(([word, stem]) => ({ word, stem }));

  return {
    correct(word) {
      if (word.length < MIN_FUZZY_LENGTH || !/^[a-z]+$/.test(word)) return null;
      let found = corrections.get(word);
      if (found === undefined) {
        // A search within two edits costs many times one within one edit, and any word
        // one edit away beats every word two away: most misspellings never need it.
        found = near(word) ?? (word.length >= LONG_WORD ? far(word) : null);
        remember(corrections, word, found);
      }
      return found;
    },
    complete(prefix, limit) {
      if (prefix.length < MIN_PREFIX_LENGTH || !/^[a-z]+$/.test(prefix)) return [];
      if (limit > MAX_COMPLETIONS) return completeAll(prefix).slice(0, limit);
      let found = completions.get(prefix);
      if (found === undefined) {
        found = completeAll(prefix).slice(0, MAX_COMPLETIONS);
        remember(completions, prefix, found);
      }
      return found.slice(0, limit);
    },
  };
}

/** Words this long may be two edits from what was meant. */
const LONG_WORD = 8;
/** Completions remembered per beginning: as many as search asks for, and a few more. */
const MAX_COMPLETIONS = 10;

function remember<T>(map: Map<string, T>, key: string, value: T): void {
  // A flood of distinct misspellings must not grow memory for ever.
  if (map.size >= REMEMBERED) map.clear();
  map.set(key, value);
}

/** The word with each pair of neighbouring letters swapped. */
function transpositions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < word.length; i++) {
    if (word[i] === word[i + 1]) continue;
    out.push(word.slice(0, i) + (word[i + 1] ?? '') + (word[i] ?? '') + word.slice(i + 2));
  }
  return out;
}
