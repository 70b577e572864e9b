import { type Accumulator, clearAccumulator, keepBest } from './accumulator.ts';
import type { IndexedCorpus } from './build-index.ts';
import type { QueryGroup } from './query-plan.ts';
import { type PreparedTerm, prepareTerm, probeTerm, scanTerm } from './score-terms.ts';

interface PreparedAlternative {
  /** rarest first */
  terms: PreparedTerm[];
  /** per term: its weight, the phrase's mean with a little extra for length */
  scale: number;
}

/** A query group with its terms looked up, and what scanning or checking it costs. */
export interface PreparedGroup {
  alternatives: PreparedAlternative[];
  strong: boolean;
  /** postings a scan reads (the rarest term of each alternative) */
  estimate: number;
  /** term checks per lesson to probe it */
  probeWork: number;
}

/** Looks each term up once, and orders groups rarest first. */
export function prepareGroups(
  index: IndexedCorpus,
  groups: readonly QueryGroup[],
): PreparedGroup[] {
  const cache = new Map<string, PreparedTerm>();
  const lookup = (term: string): PreparedTerm => {
    let found = cache.get(term);
    if (found === undefined) {
      found = prepareTerm(index, term);
      cache.set(term, found);
    }
    return found;
  };
  const universal = UNIVERSAL_SHARE * index.corpus.lessons.length;
  const prepared = groups.map((group) => {
    const alternatives = distinct(group.alternatives).map(({ terms, weight }) => {
      const looked = terms.map(lookup).sort((a, b) => a.frequency - b.frequency);
      // A word in nearly every lesson ("child" in "child sexual exploitation") neither
      // narrows a phrase's matches nor adds to its score (its idf is ~0), but would cost
      // a scan of the whole corpus.
      const useful = looked.filter((t, i) => i === 0 || t.frequency < universal);
      return { terms: useful, scale: (weight * (1 + 0.15 * (terms.length - 1))) / terms.length };
    });
    return {
      alternatives,
      strong: group.strong,
      estimate: alternatives.reduce((sum, a) => sum + (a.terms[0]?.frequency ?? 0), 0),
      probeWork: alternatives.reduce((sum, a) => sum + a.terms.length, 0),
    };
  });
  return prepared.sort((a, b) => a.estimate - b.estimate);
}

/** Share of lessons above which a word is left out of phrases: see {@link prepareGroups}. */
const UNIVERSAL_SHARE = 0.9;

type Alternatives = QueryGroup['alternatives'];

/**
 * Alternatives worth scanning: the same words in another order ("looked after child",
 * "child looked after") are one, and one that adds words to another of at least its
 * weight ("children's social work" next to "social work") matches nothing more.
 */
function distinct(alternatives: Alternatives): Alternatives {
  const best = new Map<string, Alternatives[number]>();
  for (const alt of alternatives) {
    const key = [...new Set(alt.terms)].sort().join(' ');
    const had = best.get(key);
    if (had === undefined || had.weight < alt.weight) best.set(key, alt);
  }
  const kept = [...best.values()];
  return kept.filter(
    (alt) =>
      !kept.some(
        (other) =>
          other !== alt &&
          other.weight >= alt.weight &&
          other.terms.length < alt.terms.length &&
          other.terms.every((t) => alt.terms.includes(t)),
      ),
  );
}

let serial = 0;
const nextSerial = (): number => {
  serial = (serial + 1) & 0x3fffffff;
  return serial;
};

/**
 * Scores every lesson matching the group into `into` (the best alternative counts).
 * An alternative's rarest term is scanned; its other terms are checked only on the
 * lessons found, or scanned when that is cheaper.
 */
export function scanGroup(
  index: IndexedCorpus,
  group: PreparedGroup,
  into: Accumulator,
  work: Accumulator,
  only?: Uint8Array,
): void {
  for (const { terms, scale } of group.alternatives) {
    const first = terms[0];
    if (first === undefined) continue;
    if (terms.length === 1 && group.alternatives.length === 1) {
      scanTerm(index, first, scale, into, nextSerial(), only);
      return;
    }
    scanTerm(index, first, scale, work, nextSerial(), only);
    for (let t = 1; t < terms.length; t++) {
      const term = terms[t] as PreparedTerm;
      const serialOfTerm = nextSerial();
      if (work.size * 24 < term.frequency) {
        for (let k = 0; k < work.size; k++) {
          const lesson = work.list[k] ?? 0;
          if (work.hits[lesson] !== t) continue;
          const s = probeTerm(index, term, lesson);
          if (s > 0) addTo(work, lesson, s * scale, serialOfTerm);
        }
      } else {
        scanTerm(index, term, scale, work, serialOfTerm, work.seen);
      }
    }
    for (let k = 0; k < work.size; k++) {
      const lesson = work.list[k] ?? 0;
      if (work.hits[lesson] === terms.length) keepBest(into, lesson, work.score[lesson] ?? 0);
    }
    clearAccumulator(work);
  }
}

function addTo(acc: Accumulator, lesson: number, score: number, serial: number): void {
  acc.score[lesson] = (acc.score[lesson] ?? 0) + score;
  if (acc.stamp[lesson] !== serial) {
    acc.stamp[lesson] = serial;
    acc.hits[lesson] = (acc.hits[lesson] ?? 0) + 1;
  }
}

/** The group's score in one lesson: its best alternative with every term present, or 0. */
export function probeGroup(index: IndexedCorpus, group: PreparedGroup, lesson: number): number {
  let best = 0;
  for (const { terms, scale } of group.alternatives) {
    let sum = 0;
    for (const term of terms) {
      const s = probeTerm(index, term, lesson);
      if (s === 0) {
        sum = 0;
        break;
      }
      sum += s;
    }
    best = Math.max(best, sum * scale);
  }
  return best;
}
