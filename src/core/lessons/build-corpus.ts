import { createHash } from 'node:crypto';
import type { CorpusFile } from './read-corpus-folder.ts';
import type {
  Agency,
  ConceptEntry,
  GlossaryEntry,
  LessonInput,
  ReviewFile,
  Theme,
} from './schema.ts';
import type { Corpus, Lesson, Review } from './types.ts';

/** Everything that passed validation, ready to become a Corpus. */
export interface ValidatedParts {
  reviews: { name: string; review: ReviewFile }[];
  themes: Theme[];
  agencies: Agency[];
  glossary: GlossaryEntry[];
  concepts: ConceptEntry[];
  files: readonly CorpusFile[];
}

/** Builds the immutable corpus and its lookup maps. Assumes ids were checked unique. */
export function buildCorpus(parts: ValidatedParts): Corpus {
  const reviews = parts.reviews.map(({ name, review }) => toReview(name, review));
  const lessons = parts.reviews.flatMap(({ review }) =>
    review.lessons.map((lesson) => toLesson(review.id, lesson)),
  );
  return {
    reviews,
    lessons,
    themes: parts.themes,
    agencies: parts.agencies,
    glossary: parts.glossary,
    concepts: parts.concepts,
    reviewById: new Map(reviews.map((review) => [review.id, review])),
    lessonById: new Map(lessons.map((lesson) => [lesson.id, lesson])),
    themeById: new Map(parts.themes.map((theme) => [theme.id, theme])),
    agencyById: new Map(parts.agencies.map((agency) => [agency.id, agency])),
    hash: hashFiles(parts.files),
  };
}

function toReview(file: string, input: ReviewFile): Review {
  const review: Review = {
    id: input.id,
    title: input.title,
    kind: input.kind,
    partnership: input.partnership,
    area: input.area,
    published: input.published,
    year: Number(input.published.slice(0, 4)),
    summary: input.summary,
    aliases: input.aliases,
    lessonIds: input.lessons.map((lesson) => lesson.id),
    file,
  };
  if (input.url !== undefined) review.url = input.url;
  if (input.source !== undefined) review.source = input.source;
  return review;
}

function toLesson(reviewId: string, input: LessonInput): Lesson {
  return {
    id: input.id,
    reviewId,
    n: Number(input.id.slice(input.id.lastIndexOf('/') + 1)),
    title: input.title,
    text: input.text,
    themes: input.themes,
    agencies: input.agencies,
    questions: input.questions,
  };
}

/** sha256 over each file's name and bytes in name order; lengths keep the framing unambiguous. */
export function hashFiles(files: readonly CorpusFile[]): string {
  const hash = createHash('sha256');
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const file of sorted) {
    hash.update(`${file.name}\0${file.bytes.length}\0`);
    hash.update(file.bytes);
  }
  return hash.digest('hex');
}
