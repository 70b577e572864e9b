/**
 * A deterministic query set: the same queries, in the same order, for every engine.
 * Mostly 1–3 Zipf-drawn words (so common words appear), plus natural-language questions,
 * typos, glossary abbreviations, theme names and queries with one-letter tokens.
 */

import { ABBREVIATIONS, THEMES } from './field-data.ts';
import { createRandom, createZipf, type Random } from './random.ts';
import { buildVocabulary, FUNCTION_WORDS } from './vocabulary.ts';

export const QUERY_CATEGORIES = [
  'words',
  'natural',
  'typo',
  'abbreviation',
  'theme',
  'short-token',
] as const;
export type QueryCategory = (typeof QUERY_CATEGORIES)[number];

export interface BenchQuery {
  text: string;
  category: QueryCategory;
}

/** Share of each category in the set. */
const MIX: readonly (readonly [QueryCategory, number])[] = [
  ['words', 0.55],
  ['natural', 0.12],
  ['typo', 0.1],
  ['abbreviation', 0.08],
  ['theme', 0.08],
  ['short-token', 0.07],
];

const SHORT_TOKEN_QUERIES: readonly string[] = [
  'a&e',
  'A&E attendance',
  "children's social care",
  "child's voice",
  's47 enquiry',
  'x-ray fracture',
  "mother's partner",
  'a&e bruising',
  "baby's injuries",
  'CP plan',
];

const NATURAL_TEMPLATES: readonly ((x: string, y: string) => string)[] = [
  (x) => `lessons on ${x}`,
  (x) => `what have reviews said about ${x}?`,
  (x, y) => `lessons about ${x} and ${y}`,
  (x) => `show me learning on ${x}`,
  (x, y) => `${x} in ${y}`,
  (x) => `anything about ${x}`,
];

function typo(w: string, random: Random): string {
  const i = random.int(1, w.length - 2);
  const letter = String.fromCharCode(97 + random.int(0, 25));
  switch (random.int(0, 3)) {
    case 0:
      return w.slice(0, i) + w.slice(i + 1); // deletion
    case 1:
      return w.slice(0, i) + (w[i + 1] ?? '') + (w[i] ?? '') + w.slice(i + 2); // transposition
    case 2:
      return w.slice(0, i) + letter + w.slice(i + 1); // substitution
    default:
      return w.slice(0, i) + letter + w.slice(i); // insertion
  }
}

function distinct(count: number, draw: () => string): string[] {
  const out = new Set<string>();
  for (let tries = 0; out.size < count && tries < 50; tries++) out.add(draw());
  return [...out];
}

export function generateQueries(count: number, seed: string): BenchQuery[] {
  const random = createRandom(`${seed}:queries:${count}`);
  const vocabulary = buildVocabulary();
  const content = vocabulary.contentWords;
  const contentZipf = createZipf(content.length, 1, FUNCTION_WORDS.length);
  const functionZipf = createZipf(FUNCTION_WORDS.length, 1);
  const contentWord = (): string => content[contentZipf.draw(random)] ?? 'lesson';
  const queryWord = (): string =>
    random.chance(0.05) ? (FUNCTION_WORDS[functionZipf.draw(random)] ?? 'the') : contentWord();
  const longWord = (): string => {
    for (;;) {
      const w = contentWord();
      if (w.length >= 5 && /^[a-z]+$/.test(w)) return w;
    }
  };
  const topic = (): string =>
    random.chance(0.3) ? random.pick(THEMES).label.toLowerCase() : contentWord();

  const make: Record<QueryCategory, () => string> = {
    words: () => distinct(random.int(1, 3), queryWord).join(' '),
    natural: () => random.pick(NATURAL_TEMPLATES)(topic(), topic()),
    typo: () =>
      random.chance(0.7)
        ? typo(longWord(), random)
        : `${typo(longWord(), random)} ${contentWord()}`,
    abbreviation: () =>
      random.chance(0.5)
        ? random.pick(ABBREVIATIONS)
        : `${random.pick(ABBREVIATIONS)} ${contentWord()}`,
    theme: () => {
      const t = random.pick(THEMES);
      const name = random.pick([t.label, ...t.synonyms]).toLowerCase();
      return random.chance(0.3) ? `lessons on ${name}` : name;
    },
    'short-token': () => random.pick(SHORT_TOKEN_QUERIES),
  };

  const queries: BenchQuery[] = [];
  for (const [category, share] of MIX) {
    const n = category === 'words' ? 0 : Math.round(count * share);
    for (let i = 0; i < n; i++) queries.push({ text: make[category](), category });
  }
  while (queries.length < count) queries.push({ text: make.words(), category: 'words' });
  // Interleave categories deterministically so that no engine sees all typos at the end.
  for (let i = queries.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    const a = queries[i] as BenchQuery;
    queries[i] = queries[j] as BenchQuery;
    queries[j] = a;
  }
  return queries.slice(0, count);
}
