import type { Agency, ConceptEntry, GlossaryEntry, ReviewKind, Theme } from './schema.ts';

export type { Agency, ConceptEntry, GlossaryEntry, ReviewKind, Theme };

export interface Review {
  id: string;
  title: string;
  kind: ReviewKind;
  partnership: string;
  area: string;
  /** as written: YYYY, YYYY-MM or YYYY-MM-DD */
  published: string;
  year: number;
  url?: string;
  summary: string;
  source?: string;
  /** other names people use for it, e.g. "Baby P"; may be empty */
  aliases: readonly string[];
  /** in file order */
  lessonIds: readonly string[];
  /** the file it was loaded from, relative to the corpus folder */
  file: string;
}

export interface Lesson {
  id: string;
  reviewId: string;
  /** the number after the slash in the id */
  n: number;
  title: string;
  text: string;
  themes: readonly string[];
  agencies: readonly string[];
  questions: readonly string[];
}

/** A validated, immutable corpus. Lookups by id go through the maps. */
export interface Corpus {
  reviews: readonly Review[];
  lessons: readonly Lesson[];
  themes: readonly Theme[];
  agencies: readonly Agency[];
  glossary: readonly GlossaryEntry[];
  /** everyday phrasings of themes and glossary terms (concepts.yaml); may be empty */
  concepts: readonly ConceptEntry[];
  reviewById: ReadonlyMap<string, Review>;
  lessonById: ReadonlyMap<string, Lesson>;
  themeById: ReadonlyMap<string, Theme>;
  agencyById: ReadonlyMap<string, Agency>;
  /** sha256 of every file's bytes, in a stable order: keys caches of derived data */
  hash: string;
}
