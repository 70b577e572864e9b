import { detectPersonalData } from '../commands/index.ts';
import type { ReviewKind } from '../lessons/index.ts';
import type { ReadDocument } from './document.ts';
import { findCandidates } from './find-candidates.ts';
import { type FoundLesson, findLearning } from './find-learning.ts';
import { type Found, findMetadata, type ReviewMetadata } from './find-metadata.ts';
import { shortTitle } from './short-title.ts';
import { createTagSuggester, type Vocabulary } from './suggest-tags.ts';

/** The review part of `lessons-bot import --json`: null where the document did not say. */
export interface DraftReview {
  id: string;
  title: string;
  area: string | null;
  partnership: string | null;
  kind: ReviewKind | null;
  published: string | null;
  summary: string | null;
  url: string | null;
}

export interface DraftLesson {
  id: string;
  title: string;
  /** verbatim from the document */
  text: string;
  page: number | null;
  /** suggestions */
  themes: string[];
  agencies: string[];
}

/** Where a lesson came from and what to check, for the draft's comments. */
export interface LessonNotes {
  where: string;
  personalData: string[];
  titleFromDocument: boolean;
}

export type DraftMode = 'learning-points' | 'candidates';

export interface Draft {
  review: DraftReview;
  lessons: DraftLesson[];
  notes: LessonNotes[];
  metadata: ReviewMetadata;
  /** personal data found in the summary */
  summaryPersonalData: string[];
  mode: DraftMode;
  warnings: string[];
  source: { fileName: string; format: ReadDocument['format']; pages?: number };
}

export interface DraftContext {
  vocabulary: Vocabulary;
  /** ids of the reviews already live, to warn of a clash */
  liveReviewIds: ReadonlySet<string>;
}

/**
 * A review draft from a document read into blocks: the metadata, the learning points
 * verbatim (or, for a document that states its learning in prose, candidate sentences),
 * suggested titles, themes and agencies, and possible personal data flagged.
 * Returns undefined when the document holds nothing that reads as learning.
 */
export function buildDraft(
  doc: ReadDocument,
  fileName: string,
  context: DraftContext,
): Draft | undefined {
  const listed = findLearning(doc.blocks);
  const mode: DraftMode = listed.length > 0 ? 'learning-points' : 'candidates';
  const found = mode === 'learning-points' ? listed : findCandidates(doc.blocks);
  if (found.length === 0) return undefined;
  const metadata = findMetadata(doc);
  const review = draftReview(metadata, fileName);
  const suggester = createTagSuggester(context.vocabulary);
  const lessons = found.map((lesson, i) => draftLesson(review.id, i + 1, lesson, suggester));
  const notes = found.map((lesson) => ({
    where: lesson.where,
    personalData: detectPersonalData(lesson.text),
    titleFromDocument: lesson.title !== undefined,
  }));
  const summaryPersonalData = review.summary ? detectPersonalData(review.summary) : [];
  const draft: Draft = {
    review,
    lessons,
    notes,
    metadata,
    summaryPersonalData,
    mode,
    warnings: [],
    source: { fileName, format: doc.format, ...(doc.pages ? { pages: doc.pages } : {}) },
  };
  draft.warnings = warningsFor(draft, doc, context);
  return draft;
}

function value<T>(found: Found<T> | undefined): T | null {
  return found?.value ?? null;
}

function draftReview(metadata: ReviewMetadata, fileName: string): DraftReview {
  const baseName = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const title = metadata.name?.value ?? metadata.documentTitle?.value ?? baseName;
  return {
    id: reviewId(metadata, baseName),
    title: title.slice(0, 200),
    area: value(metadata.area),
    partnership: value(metadata.partnership),
    kind: value(metadata.kind),
    published: value(metadata.published),
    summary: value(metadata.summary),
    url: value(metadata.url),
  };
}

export function slugify(text: string, max = 64): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, max).replace(/-+$/, '');
}

/** `<area>-<name>` as the corpus names reviews ("southwark-child-r"), else from the file name. */
function reviewId(metadata: ReviewMetadata, baseName: string): string {
  const parts = [metadata.area?.value, metadata.name?.value].filter(Boolean).join(' ');
  return slugify(parts) || slugify(baseName) || 'imported-review';
}

function draftLesson(
  reviewId: string,
  n: number,
  found: FoundLesson,
  suggester: ReturnType<typeof createTagSuggester>,
): DraftLesson {
  const { themes, agencies } = suggester.suggest(`${found.title ?? ''} ${found.text}`);
  return {
    id: `${reviewId}/${n}`,
    title: found.title ? shortTitle(found.title) : shortTitle(found.text),
    text: found.text,
    page: found.page ?? null,
    themes,
    agencies,
  };
}

const FIELD_NAMES: [keyof DraftReview, string][] = [
  ['partnership', 'the partnership or board'],
  ['area', 'the area'],
  ['kind', 'the kind of review'],
  ['published', 'the publication date'],
  ['summary', 'a summary of what happened'],
  ['url', "the review's web address"],
];

function warningsFor(draft: Draft, doc: ReadDocument, context: DraftContext): string[] {
  const warnings = [...doc.notes];
  const count = draft.lessons.length;
  if (draft.mode === 'candidates')
    warnings.push(
      `This document states its learning in prose, not as a list: the ${count} lessons are sentences that read as learning. Keep those that are learning points and delete the rest.`,
    );
  const missing = FIELD_NAMES.filter(([key]) => draft.review[key] === null).map(([, name]) => name);
  if (missing.length > 0)
    warnings.push(
      `Not found in the document: ${missing.join(', ')}. Fill them in from the published review.`,
    );
  if (draft.metadata.otherKind)
    warnings.push(
      `This is ${draft.metadata.otherKind}, which has no kind of its own here: choose the nearest (scr, lcspr, national, thematic).`,
    );
  if (context.liveReviewIds.has(draft.review.id))
    warnings.push(
      `A review with the id "${draft.review.id}" is already live: if this is another review, change the id (and the lesson ids) in the draft.`,
    );
  draft.lessons.forEach((lesson, i) => {
    const personal = draft.notes[i]?.personalData ?? [];
    if (personal.length > 0)
      warnings.push(
        `Lesson ${i + 1} may hold personal data (${personal.join(', ')}): check it is exactly as published and identifies no one.`,
      );
    if (lesson.themes.length === 0)
      warnings.push(
        `Lesson ${i + 1} has no suggested theme: give it 1–4 from lessons/themes.yaml.`,
      );
  });
  if (draft.summaryPersonalData.length > 0)
    warnings.push(
      `The summary may hold personal data (${draft.summaryPersonalData.join(', ')}): check it identifies no one.`,
    );
  warnings.push('Titles, themes and agencies are suggestions: check each one.');
  return warnings;
}
