import type { IdVocabulary, VocabularyCheck } from './check-vocabularies.ts';
import { validReviewId } from './field-hints.ts';
import { type FieldPath, quote } from './field-path.ts';
import type { RetiredTerm } from './find-retired-terms.ts';
import { lineAt } from './locate-line.ts';
import type { ParsedFile } from './parse-yaml-file.ts';
import { problemAt } from './problem-at.ts';
import { rawEntries, rawStrings } from './read-raw-entries.ts';
import { suggestName } from './suggest-name.ts';

export interface ReviewCheckContext {
  themes: IdVocabulary | undefined;
  agencies: IdVocabulary | undefined;
  findRetiredTerms: (text: string) => RetiredTerm[];
}

/** Where an id was first seen, to name both places when it is seen again. */
type Seen = Map<string, { file: string; line: number }>;

/**
 * Checks across review files: ids unique and well-formed, themes and agencies known.
 * Works on raw data so that a schema problem in one lesson hides nothing elsewhere.
 */
export function checkReviews(
  reviews: readonly ParsedFile[],
  context: ReviewCheckContext,
): VocabularyCheck {
  const check: VocabularyCheck = { problems: [], warnings: [] };
  const reviewIds: Seen = new Map();
  const lessonIds: Seen = new Map();
  const highest = highestLessonNumbers(reviews);
  for (const review of reviews) {
    const id = review.data.id;
    if (typeof id === 'string') checkUnique(review, ['id'], id, reviewIds, check, 'review');
    // An invalid review id is reported by the schema; lesson ids cannot be checked against it.
    const reviewId = validReviewId(review.data);
    const nextNumber = (highest.get(reviewId ?? '') ?? 0) + 1;
    for (const { path, entry } of rawEntries(review.data, 'lessons')) {
      checkLessonId(review, path, entry.id, reviewId, check);
      if (typeof entry.id === 'string') {
        const fix = reviewId
          ? `give each lesson its own number, e.g. "${reviewId}/${nextNumber}"`
          : undefined;
        checkUnique(review, [...path, 'id'], entry.id, lessonIds, check, 'lesson', fix);
      }
      checkReferences(review, path, entry, 'themes', context.themes, check);
      checkReferences(review, path, entry, 'agencies', context.agencies, check);
      if (typeof entry.title === 'string')
        warnRetired(review, [...path, 'title'], entry.title, context, check);
    }
  }
  return check;
}

function checkUnique(
  parsed: ParsedFile,
  at: FieldPath,
  id: string,
  seen: Seen,
  check: VocabularyCheck,
  noun: 'review' | 'lesson',
  fix = `give each ${noun} its own id`,
): void {
  const line = lineAt(parsed.doc, parsed.lines, at);
  const first = seen.get(id);
  if (first === undefined) {
    seen.set(id, { file: parsed.display, line });
    return;
  }
  const where =
    first.file === parsed.display ? `at line ${first.line}` : `in ${first.file}:${first.line}`;
  check.problems.push(
    problemAt(parsed, at, `${noun} id ${quote(id)} is already used ${where}`, fix),
  );
}

function checkLessonId(
  parsed: ParsedFile,
  lessonPath: FieldPath,
  id: unknown,
  reviewId: string | undefined,
  check: VocabularyCheck,
): void {
  if (typeof id !== 'string' || reviewId === undefined || id.startsWith(`${reviewId}/`)) return;
  const number = /\/(\d+)$/.exec(id)?.[1] ?? String((lessonPath[1] as number) + 1);
  const message = `lesson id ${quote(id)} does not start with the review id "${reviewId}/"`;
  check.problems.push(
    problemAt(parsed, [...lessonPath, 'id'], message, `write "${reviewId}/${number}"`),
  );
}

/** The highest lesson number in use per review id, across all files, to suggest a free one. */
function highestLessonNumbers(reviews: readonly ParsedFile[]): Map<string, number> {
  const highest = new Map<string, number>();
  for (const review of reviews)
    for (const { entry } of rawEntries(review.data, 'lessons')) {
      const match = typeof entry.id === 'string' ? /^(.*)\/(\d+)$/.exec(entry.id) : null;
      if (match?.[1] === undefined) continue;
      highest.set(match[1], Math.max(highest.get(match[1]) ?? 0, Number(match[2])));
    }
  return highest;
}

function checkReferences(
  parsed: ParsedFile,
  lessonPath: FieldPath,
  lesson: Record<string, unknown>,
  field: 'themes' | 'agencies',
  vocabulary: IdVocabulary | undefined,
  check: VocabularyCheck,
): void {
  // Without the vocabulary every id would look unknown: its absence is reported once instead.
  if (vocabulary === undefined) return;
  for (const { path, value } of rawStrings(lesson, lessonPath, field)) {
    if (vocabulary.ids.has(value)) continue;
    const noun = field === 'themes' ? 'theme' : 'agency';
    check.problems.push(
      problemAt(
        parsed,
        path,
        `unknown ${noun} ${quote(value)}`,
        referenceFix(value, field, vocabulary),
      ),
    );
  }
}

function referenceFix(
  value: string,
  field: 'themes' | 'agencies',
  vocabulary: IdVocabulary,
): string {
  const where = `(${field} are listed in ${vocabulary.file})`;
  const suggestion = suggestName(value, vocabulary.spellings);
  if (suggestion === undefined) return `use an id listed in ${vocabulary.file}, or add it there`;
  if (suggestion.exact) return `use its id "${suggestion.name}" ${where}`;
  return `did you mean "${suggestion.name}"? ${where}`;
}

function warnRetired(
  parsed: ParsedFile,
  at: FieldPath,
  title: string,
  context: ReviewCheckContext,
  check: VocabularyCheck,
): void {
  for (const { retired, current } of context.findRetiredTerms(title)) {
    const message = `uses the retired term ${quote(retired)}`;
    check.warnings.push(problemAt(parsed, at, message, `write ${quote(current)} instead`));
  }
}
