import type { FieldPath } from './field-path.ts';
import type { FileKind } from './file-kinds.ts';
import type { ParsedFile } from './parse-yaml-file.ts';
import {
  agencySchema,
  conceptSchema,
  glossaryEntrySchema,
  lessonSchema,
  reviewFileSchema,
  themeSchema,
} from './schema.ts';

/** The kinds of mapping a corpus file contains. */
type MappingKind = 'review' | 'lesson' | 'theme' | 'agency' | 'term' | 'concept';

interface MappingInfo {
  /** what to call it in a message: "a lesson has the fields …" */
  noun: string;
  fields: readonly string[];
  /** how to add each required field when it is missing */
  hints: Readonly<Record<string, string>>;
}

const MAPPINGS: Record<MappingKind, MappingInfo> = {
  review: {
    noun: 'a review',
    fields: Object.keys(reviewFileSchema.shape),
    hints: {
      id: 'add the review\'s id, e.g. "id: southwark-child-r"',
      title: "add the review's title as published",
      kind: 'add "kind:" with one of scr, lcspr, national, thematic',
      partnership: 'add the partnership or board that published it',
      area: 'add the local authority area, e.g. "area: Southwark"',
      published: 'add the date it was published, e.g. "published: 2015-07"',
      summary: 'add a short summary of what happened',
      lessons: 'add "lessons:" and list the learning points under it',
    },
  },
  lesson: {
    noun: 'a lesson',
    fields: Object.keys(lessonSchema.shape),
    hints: {
      id: 'add "id: <review-id>/<number>"',
      title: 'add a short title for the lesson',
      text: 'add the lesson text, verbatim from the review where possible',
      themes: 'add "themes:" with at least one theme id from themes.yaml',
    },
  },
  theme: {
    noun: 'a theme',
    fields: Object.keys(themeSchema.shape),
    hints: {
      id: 'add an id, e.g. "id: chronologies"',
      label: 'add a short label, e.g. "label: Chronologies"',
      description: 'add a one-line description of the theme',
    },
  },
  agency: {
    noun: 'an agency',
    fields: Object.keys(agencySchema.shape),
    hints: {
      id: 'add an id, e.g. "id: health-visiting"',
      label: 'add a label, e.g. "label: Health visiting"',
    },
  },
  term: {
    noun: 'a glossary entry',
    fields: Object.keys(glossaryEntrySchema.shape),
    hints: { term: 'add "term:" with the current, respectful term' },
  },
  concept: {
    noun: 'a concept',
    fields: Object.keys(conceptSchema.shape),
    hints: {
      means: 'add "means:" with a theme id from themes.yaml or a term from glossary.yaml',
      phrases: 'add "phrases:" with the everyday words practitioners use for it',
    },
  },
};

const TOP_FIELD: Record<Exclude<FileKind, 'review'>, string> = {
  themes: 'themes',
  agencies: 'agencies',
  glossary: 'terms',
  concepts: 'concepts',
};

/** What the mapping at `mappingPath` is, and so which fields it may have. */
export function mappingAt(kind: FileKind, mappingPath: FieldPath): MappingInfo {
  if (kind === 'review') return mappingPath.length === 0 ? MAPPINGS.review : MAPPINGS.lesson;
  if (mappingPath.length === 0) {
    const field = TOP_FIELD[kind];
    return {
      noun: `${kind}.yaml`,
      fields: [field],
      hints: {
        [field]: `add "${field}:" and list the ${kind === 'glossary' ? 'terms' : kind} under it`,
      },
    };
  }
  if (kind === 'themes') return MAPPINGS.theme;
  if (kind === 'concepts') return MAPPINGS.concept;
  return kind === 'agencies' ? MAPPINGS.agency : MAPPINGS.term;
}

/** How to add a missing required field. */
export function missingFieldHint(kind: FileKind, mappingPath: FieldPath, field: string): string {
  return mappingAt(kind, mappingPath).hints[field] ?? `add "${field}:"`;
}

/** How to fill in a required field, with the lesson id worked out where possible. */
export function fieldHint(parsed: ParsedFile, fieldPath: FieldPath): string | undefined {
  const field = fieldPath.at(-1);
  if (typeof field !== 'string') return undefined;
  const mappingPath = fieldPath.slice(0, -1);
  const reviewId = parsed.kind === 'review' ? validReviewId(parsed.data) : undefined;
  const index = mappingPath[1];
  if (field === 'id' && typeof index === 'number' && reviewId !== undefined)
    return `add "id: ${reviewId}/${index + 1}"`;
  return missingFieldHint(parsed.kind, mappingPath, field);
}

/** The review's id when it is well-formed, so that lesson ids can be suggested from it. */
export function validReviewId(data: Record<string, unknown>): string | undefined {
  return reviewFileSchema.shape.id.safeParse(data.id).success ? (data.id as string) : undefined;
}
