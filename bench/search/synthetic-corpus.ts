/**
 * A deterministic synthetic corpus of the real Corpus type, for benchmarks: the same
 * (size, seed) gives the same reviews, lessons and hash on every run and machine.
 *
 * Shape: reviews ≈ lessons / 8; lesson texts of 20–60 words drawn Zipf-wise from a
 * ~2,000-word field vocabulary (with word forms, so stemming matters), sometimes carrying
 * a theme's synonym or a glossary abbreviation; 1–4 themes and 0–3 agencies per lesson;
 * titles of 4–10 words.
 */

import { createHash } from 'node:crypto';
import { REVIEW_KINDS } from '../../src/core/lessons/schema.ts';
import type { Corpus, Lesson, Review, ReviewKind } from '../../src/core/lessons/types.ts';
import { ABBREVIATIONS, AGENCIES, AREAS, GLOSSARY, THEMES } from './field-data.ts';
import { createRandom, createZipf, type Random, shuffled, type Zipf } from './random.ts';
import { buildVocabulary, FUNCTION_WORDS, type Vocabulary } from './vocabulary.ts';

export const DEFAULT_SEED = 'lessons-bot-bench-v1';

export interface SyntheticCorpusOptions {
  lessons: number;
  seed?: string;
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

interface Drawers {
  random: Random;
  vocabulary: Vocabulary;
  anyWord: Zipf;
  contentWord: Zipf;
  themeOrder: readonly string[];
  themeZipf: Zipf;
  agencyOrder: readonly string[];
  agencyZipf: Zipf;
}

function word(d: Drawers): string {
  return d.vocabulary.words[d.anyWord.draw(d.random)] ?? 'the';
}

function contentWord(d: Drawers): string {
  return d.vocabulary.contentWords[d.contentWord.draw(d.random)] ?? 'lesson';
}

function distinct(count: number, draw: () => string): string[] {
  const out = new Set<string>();
  for (let tries = 0; out.size < count && tries < count * 20; tries++) out.add(draw());
  return [...out];
}

function lessonText(d: Drawers, themes: readonly string[]): string {
  const { random } = d;
  const total = random.int(20, 60);
  const phrases: string[][] = [];
  if (random.chance(0.3)) {
    const t = THEMES.find((x) => x.id === random.pick(themes));
    if (t !== undefined) phrases.push(random.pick([t.label, ...t.synonyms]).split(' '));
  }
  if (random.chance(0.25)) phrases.push([random.pick(ABBREVIATIONS)]);
  const words: string[] = [];
  let fill = total - phrases.reduce((n, p) => n + p.length, 0);
  while (fill-- > 0) words.push(word(d));
  for (const p of phrases) words.splice(random.int(0, words.length), 0, p.join(' '));
  // Sentences of 6–16 words, capitalised, ending in a full stop.
  const sentences: string[] = [];
  for (let i = 0; i < words.length; ) {
    const n = random.int(6, 16);
    sentences.push(`${capitalise(words.slice(i, i + n).join(' '))}.`);
    i += n;
  }
  return sentences.join(' ');
}

function lessonTitle(d: Drawers, themes: readonly string[]): string {
  const { random } = d;
  const n = random.int(4, 10);
  const words: string[] = [];
  if (random.chance(0.3)) {
    const t = THEMES.find((x) => x.id === random.pick(themes));
    if (t !== undefined) words.push(...t.label.toLowerCase().split(' ').slice(0, n));
  }
  while (words.length < n) words.push(contentWord(d));
  return capitalise(words.join(' '));
}

function makeReview(d: Drawers, index: number, lessonIds: string[]): Review {
  const { random } = d;
  const area = random.pick(AREAS);
  const letter = String.fromCharCode(65 + random.int(0, 25));
  const id = `${area.toLowerCase()}-child-${letter.toLowerCase()}-${index + 1}`;
  const kind: ReviewKind = random.chance(0.7) ? 'lcspr' : random.pick(REVIEW_KINDS);
  const year = random.int(2008, 2026);
  const month = String(random.int(1, 12)).padStart(2, '0');
  const summary = Array.from({ length: random.int(15, 25) }, () => word(d)).join(' ');
  const review: Review = {
    id,
    title: `Child ${letter}: ${kind === 'scr' ? 'serious case review' : 'child safeguarding practice review'}`,
    kind,
    partnership: `${area} Safeguarding Children Partnership`,
    area,
    published: `${year}-${month}`,
    year,
    summary: `${capitalise(summary)}.`,
    aliases: [],
    lessonIds,
    file: `${id}.yaml`,
  };
  if (random.chance(0.5)) review.url = `https://example.org/reviews/${id}`;
  return review;
}

function makeLesson(d: Drawers, id: string, reviewId: string, n: number): Lesson {
  const { random } = d;
  const themes = distinct(random.int(1, 4), () => d.themeOrder[d.themeZipf.draw(random)] ?? '');
  const agencies = distinct(random.int(0, 3), () => d.agencyOrder[d.agencyZipf.draw(random)] ?? '');
  const title = lessonTitle(d, themes);
  const text = lessonText(d, themes);
  const questions = random.chance(0.1)
    ? [`How does your team make sure that ${contentWord(d)} is ${contentWord(d)}?`]
    : [];
  return { id, reviewId, n, title, text, themes, agencies, questions };
}

function hashCorpus(seed: string, reviews: readonly Review[], lessons: readonly Lesson[]): string {
  const h = createHash('sha256');
  h.update(`synthetic-corpus-v1\0${seed}\0${lessons.length}\0`);
  // Reviews gained aliases (none here) after the first benchmarks: hashed as before without.
  const withoutAliases = (key: string, value: unknown) => (key === 'aliases' ? undefined : value);
  for (const r of reviews) h.update(`${JSON.stringify(r, withoutAliases)}\n`);
  for (const l of lessons) h.update(`${JSON.stringify(l)}\n`);
  return h.digest('hex');
}

/** Generates the corpus. 100,000 lessons take about a second. */
export function generateCorpus(options: SyntheticCorpusOptions): Corpus {
  const seed = options.seed ?? DEFAULT_SEED;
  const size = options.lessons;
  const random = createRandom(`${seed}:${size}`);
  const vocabulary = buildVocabulary();
  const d: Drawers = {
    random,
    vocabulary,
    anyWord: createZipf(vocabulary.words.length, 1),
    // Content words continue the curve after the function words: the commonest content
    // word is then about as frequent as in real prose, not the 12 % of all draws a
    // Zipf curve of its own would give it.
    contentWord: createZipf(vocabulary.contentWords.length, 1, FUNCTION_WORDS.length),
    themeOrder: shuffled(
      THEMES.map((t) => t.id),
      random,
    ),
    themeZipf: createZipf(THEMES.length, 0.8),
    agencyOrder: shuffled(
      AGENCIES.map((a) => a.id),
      random,
    ),
    agencyZipf: createZipf(AGENCIES.length, 0.8),
  };

  const reviews: Review[] = [];
  const lessons: Lesson[] = [];
  while (lessons.length < size) {
    const count = Math.min(random.int(1, 15), size - lessons.length);
    const ids: string[] = [];
    const review = makeReview(d, reviews.length, ids);
    for (let n = 1; n <= count; n++) {
      const id = `${review.id}/${n}`;
      ids.push(id);
      lessons.push(makeLesson(d, id, review.id, n));
    }
    reviews.push(review);
  }

  return {
    reviews,
    lessons,
    themes: THEMES,
    agencies: AGENCIES,
    glossary: GLOSSARY,
    concepts: [],
    reviewById: new Map(reviews.map((r) => [r.id, r])),
    lessonById: new Map(lessons.map((l) => [l.id, l])),
    themeById: new Map(THEMES.map((t) => [t.id, t])),
    agencyById: new Map(AGENCIES.map((a) => [a.id, a])),
    hash: hashCorpus(seed, reviews, lessons),
  };
}
