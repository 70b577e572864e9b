import type { z } from 'zod';
import {
  agenciesFileSchema,
  conceptsFileSchema,
  glossaryFileSchema,
  reviewFileSchema,
  themesFileSchema,
} from './schema.ts';

/** What a corpus file holds, decided by its name. */
export type FileKind = 'review' | 'themes' | 'agencies' | 'glossary' | 'concepts';

/** Vocabularies every corpus has. */
export const VOCABULARY_KINDS = ['themes', 'agencies', 'glossary'] as const;
export type VocabularyKind = (typeof VOCABULARY_KINDS)[number];
/** Vocabularies a corpus may have. */
export const OPTIONAL_KINDS = ['concepts'] as const;
const NAMED_KINDS: readonly string[] = [...VOCABULARY_KINDS, ...OPTIONAL_KINDS];

/** `themes.yaml` (or `.yml`) is the themes vocabulary; any other YAML file is a review. */
export function fileKindOf(name: string): FileKind {
  const base = name.replace(/\.ya?ml$/i, '').toLowerCase();
  return NAMED_KINDS.includes(base) ? (base as FileKind) : 'review';
}

export const SCHEMAS: Record<FileKind, z.ZodType> = {
  review: reviewFileSchema,
  themes: themesFileSchema,
  agencies: agenciesFileSchema,
  glossary: glossaryFileSchema,
  concepts: conceptsFileSchema,
};

/** How each kind of file starts, for files that are empty or not a mapping. */
export const HOW_TO_START: Record<FileKind, string> = {
  review:
    'start with "id: <review-id>" and the other fields of the review, then "lessons:" (see docs/adding-a-review.md)',
  themes: 'start with "themes:" and list the themes under it, each with id, label and description',
  agencies: 'start with "agencies:" and list the agencies under it, each with id and label',
  glossary: 'start with "terms:" and list the terms under it, each with term, also and formerly',
  concepts:
    'start with "concepts:" and list the concepts under it, each with means (a theme id or glossary term) and phrases',
};

/** An example first entry, for a vocabulary file that does not exist yet. */
export const EXAMPLE_ENTRY: Record<VocabularyKind, string> = {
  themes:
    'themes: [{id: chronologies, label: Chronologies, description: Keeping a shared record of significant events}]',
  agencies: 'agencies: [{id: health-visiting, label: Health visiting}]',
  glossary: 'terms: [{term: children in care, also: [CiC, CLA], formerly: [LAC]}]',
};
