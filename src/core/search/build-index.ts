import MiniSearch, { type Options } from 'minisearch';
import type { Corpus, Lesson } from '../lessons/index.ts';
import { findPhrases, type Lexicon } from './build-lexicon.ts';
import { FIELD_BOOSTS } from './ranking.ts';
import { facetTag, phraseTerm, TEXT_FIELDS } from './terms.ts';
import { scanWords, termsOfWord, textUnitsOfWord } from './tokenize.ts';

/** The fields of a lesson that search reads; their boosts are in ranking.ts. */
export const FIELDS = Object.keys(FIELD_BOOSTS) as (keyof typeof FIELD_BOOSTS)[];
const TEXT: ReadonlySet<string> = new Set(TEXT_FIELDS);

/** What MiniSearch indexes: a lesson, by its position in the corpus. */
export interface LessonDocument {
  id: number;
  lesson: Lesson;
}

/** A built index, and what query understanding needs to know about its words. */
export interface BuiltIndex {
  mini: MiniSearch<LessonDocument>;
  /** term → about how many lessons have it (summed over fields, so at most a little high) */
  frequencies: Map<string, number>;
  /** every word of the lessons as written → its stem, for spelling correction */
  words: Map<string, string>;
}

/**
 * The options an index is built and loaded with. `tokenize` is MiniSearch's hook for
 * turning a field into terms (see tokenizeField). Questions bring their own terms (see
 * to-minisearch-query.ts).
 */
export function miniSearchOptions(lexicon: Lexicon): Options<LessonDocument> {
  return {
    fields: FIELDS,
    extractField: (doc, field) => (field === 'id' ? doc.id : fieldText(doc.lesson, field)),
    tokenize: (text, field) => tokenizeField(text, field ?? '', lexicon),
    processTerm: (term) => term,
    // Lessons are never removed from a built index: a changed corpus gets a new one.
    autoVacuum: false,
  };
}

/**
 * A field's terms: for text, each word's stems (see termsOfWord) and each lexicon phrase
 * it holds, as one term; for tags, the tags. `written` hears each word as written.
 */
function tokenizeField(
  text: string,
  field: string,
  lexicon: Lexicon,
  written?: (term: string, word: string) => void,
): string[] {
  if (TEXT.has(field)) return analyse(text, lexicon, written);
  return text === '' ? [] : text.split(' ');
}

function fieldText(lesson: Lesson, field: string): string | number | undefined {
  switch (field) {
    case 'title':
      return lesson.title;
    case 'text':
      return lesson.text;
    case 'questions':
      return lesson.questions.join('\n');
    case 'themes':
      return tags('theme', lesson.themes);
    case 'agencies':
      return tags('agency', lesson.agencies);
    case 'review':
      return facetTag('review', lesson.reviewId);
    default:
      return undefined;
  }
}

/** A lesson's tags as one field. */
function tags(kind: 'theme' | 'agency', ids: readonly string[]): string {
  return ids.map((id) => facetTag(kind, id)).join(' ');
}

/**
 * The terms of a text: each word's stems, then each lexicon phrase it holds, as the
 * lexicon writes it (see textUnitsOfWord); punctuation ends a phrase.
 */
export function analyse(
  text: string,
  lexicon: Lexicon,
  written?: (term: string, word: string) => void,
): string[] {
  const terms: string[] = [];
  let units: string[] = [];
  const phrases = (): void => {
    if (units.length > 1) findPhrases(lexicon.phrases, units, (key) => terms.push(phraseTerm(key)));
    units = [];
  };
  scanWords(text, (word, broken) => {
    if (broken) phrases();
    termsOfWord(word, (term, as) => {
      terms.push(term);
      written?.(term, as);
    });
    units.push(...textUnitsOfWord(word));
  });
  phrases();
  return terms;
}

/**
 * Indexes every lesson of the corpus. Counts, while MiniSearch tokenizes, how many lessons
 * have each term (once per field) and the words as written: query understanding uses both.
 */
export function buildIndex(corpus: Corpus, lexicon: Lexicon): BuiltIndex {
  const frequencies = new Map<string, number>();
  const words = new Map<string, string>();
  const remember = (term: string, word: string): void => {
    if (!words.has(word)) words.set(word, term);
  };
  const inField = new Set<string>();
  const mini = new MiniSearch<LessonDocument>({
    ...miniSearchOptions(lexicon),
    tokenize: (text, field) => {
      const terms = tokenizeField(text, field ?? '', lexicon, remember);
      inField.clear();
      for (const term of terms) {
        if (inField.has(term)) continue;
        inField.add(term);
        frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
      }
      return terms;
    },
  });
  mini.addAll(corpus.lessons.map((lesson, id) => ({ id, lesson })));
  return { mini, frequencies, words };
}
