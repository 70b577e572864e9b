import type { Agency, Corpus, Lesson, Review, Theme } from '../lessons/types.ts';
import type { Lexicon } from './build-lexicon.ts';
import { buildPostings, type FieldText } from './build-postings.ts';
import { buildFacet, type Facet, type ValuesOf } from './facets.ts';
import type { Postings } from './postings.ts';

/** Fields of a lesson, in index order, and how much a match in each counts. */
export const FIELDS = ['title', 'text', 'questions'] as const;
export const FIELD_BOOSTS: readonly number[] = [2.5, 1, 0.5];

/** How much a match in a theme, agency or review name counts. */
export const FACET_BOOSTS = { theme: 1.5, agency: 0.7, review: 0.6 } as const;

/** Everything a search reads, built once per corpus. Arrays are indexed by lesson position. */
export interface IndexedCorpus {
  corpus: Corpus;
  postings: Postings;
  facets: { theme: Facet; agency: Facet; review: Facet };
  /** the same facets, as a list to loop over without allocating */
  facetList: readonly Facet[];
  themePosition: ReadonlyMap<string, number>;
  agencyPosition: ReadonlyMap<string, number>;
  reviewPosition: ReadonlyMap<string, number>;
  /** per lesson: its review's year and position */
  lessonYear: Int16Array;
  lessonReview: Int32Array;
  /** per lesson: its rank when scores tie (newer review first, then id) */
  tieRank: Int32Array;
  /** every content word of the lessons as written → its stem, for spelling correction */
  words: ReadonlyMap<string, string>;
}

/** The lesson's own field `f`, in the order of {@link FIELDS}: read in place, not copied. */
export function lessonField(lesson: Lesson, f: number): FieldText {
  return f === 0 ? lesson.title : f === 1 ? lesson.text : lesson.questions;
}

/**
 * Indexes the lessons' own fields, with the word pairs of the lexicon's phrases;
 * `words` collects their vocabulary as written.
 */
export function buildLessonPostings(
  corpus: Corpus,
  lexicon: Lexicon,
  words: Map<string, string>,
): Postings {
  const { lessons } = corpus;
  const fieldOf = (i: number, f: number): FieldText => lessonField(lessons[i] as Lesson, f);
  return buildPostings(lessons.length, FIELDS.length, fieldOf, words, lexicon.pairs);
}

/** Puts the postings (built, or loaded from the cache) together with the corpus's facets. */
export function indexCorpus(
  corpus: Corpus,
  lexicon: Lexicon,
  postings: Postings,
  words: ReadonlyMap<string, string>,
): IndexedCorpus {
  const themePosition = positions(corpus.themes);
  const agencyPosition = positions(corpus.agencies);
  const reviewPosition = positions(corpus.reviews);
  const n = corpus.lessons.length;
  const lessonReview = new Int32Array(n);
  const lessonYear = new Int16Array(n);
  for (let i = 0; i < n; i++) {
    const review = reviewPosition.get(corpus.lessons[i]?.reviewId ?? '') ?? -1;
    lessonReview[i] = review;
    lessonYear[i] = corpus.reviews[review]?.year ?? 0;
  }
  const facets = buildFacets(corpus, lexicon, { themePosition, agencyPosition, lessonReview });
  return {
    corpus,
    postings,
    facets,
    facetList: [facets.theme, facets.agency, facets.review],
    themePosition,
    agencyPosition,
    reviewPosition,
    lessonYear,
    lessonReview,
    tieRank: tieRanks(corpus, lessonReview),
    words,
  };
}

/** id → position, filled in a loop: `new Map(list.map(…))` makes an array per item. */
function positions(list: readonly { id: string }[]): Map<string, number> {
  const map = new Map<string, number>();
  for (let i = 0; i < list.length; i++) map.set((list[i] as { id: string }).id, i);
  return map;
}

interface Joins {
  themePosition: ReadonlyMap<string, number>;
  agencyPosition: ReadonlyMap<string, number>;
  lessonReview: Int32Array;
}

function buildFacets(corpus: Corpus, lexicon: Lexicon, joins: Joins): IndexedCorpus['facets'] {
  const { lessons, themes, agencies, reviews } = corpus;
  const n = lessons.length;
  const ids =
    (of: ReadonlyMap<string, number>, pick: (l: Lesson) => readonly string[]): ValuesOf =>
    (i, add) => {
      const list = pick(lessons[i] as Lesson);
      for (let k = 0; k < list.length; k++) add(of.get(list[k] ?? '') ?? -1);
    };
  const { pairs } = lexicon;
  const named = (t: Theme | Agency): string[] => [t.label, t.id, ...t.synonyms];
  return {
    theme: buildFacet(
      themes.length,
      (v) => named(themes[v] as Theme),
      n,
      ids(joins.themePosition, (l) => l.themes),
      FACET_BOOSTS.theme,
      pairs,
    ),
    agency: buildFacet(
      agencies.length,
      (v) => named(agencies[v] as Agency),
      n,
      ids(joins.agencyPosition, (l) => l.agencies),
      FACET_BOOSTS.agency,
      pairs,
    ),
    review: buildFacet(
      reviews.length,
      (v) => reviewText(reviews[v] as Review),
      n,
      (i, add) => add(joins.lessonReview[i] ?? -1),
      FACET_BOOSTS.review,
      pairs,
    ),
  };
}

const reviewText = (r: Review): string[] => [r.title, r.area, r.partnership];

/** Newer reviews first, then review id, then lesson number: a total, stable order. */
function tieRanks(corpus: Corpus, lessonReview: Int32Array): Int32Array {
  const reviewRank = rankReviews(corpus.reviews);
  const n = corpus.lessons.length;
  // Positions fit in 20 bits, lesson numbers in 14 (ids allow 4 digits), review ranks in 19.
  if (n >= 2 ** 20 || corpus.reviews.length >= 2 ** 19) {
    throw new Error(`search indexes at most ${2 ** 20 - 1} lessons in ${2 ** 19 - 1} reviews`);
  }
  // (review rank, lesson number, position), packed in one number so that a typed-array
  // sort orders the lessons, without an object or a comparison callback per lesson.
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const number = Math.min(corpus.lessons[i]?.n ?? 0, 2 ** 14 - 1);
    keys[i] = ((reviewRank[lessonReview[i] ?? 0] ?? 0) * 2 ** 14 + number) * 2 ** 20 + i;
  }
  keys.sort();
  const rank = new Int32Array(n);
  for (let r = 0; r < n; r++) rank[(keys[r] ?? 0) % 2 ** 20] = r;
  return rank;
}

/** Each review's rank: newer first, then by id (string comparisons, but per review only). */
function rankReviews(reviews: readonly Review[]): Int32Array {
  const order = new Int32Array(reviews.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => {
    const x = reviews[a] as Review;
    const y = reviews[b] as Review;
    return (
      (x.published < y.published ? 1 : x.published > y.published ? -1 : 0) ||
      (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)
    );
  });
  const rank = new Int32Array(reviews.length);
  for (let r = 0; r < order.length; r++) rank[order[r] ?? 0] = r;
  return rank;
}
