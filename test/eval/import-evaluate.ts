import {
  buildDraft,
  type Corpus,
  comparable,
  type Draft,
  type ReadDocumentFn,
} from '../../src/core/index.ts';
import type { ImportCase } from './import-cases.ts';

export interface ImportScore {
  case: ImportCase;
  draft: Draft | undefined;
  /** expected learning points found, word for word */
  found: string[];
  missing: string[];
  /** taken, but not (part of) any expected learning point */
  wrong: string[];
  /** text that must never be taken, taken */
  forbidden: string[];
}

/** Imports one case and scores it against what it should give. */
export async function scoreCase(
  item: ImportCase,
  corpus: Corpus,
  read: ReadDocumentFn,
): Promise<ImportScore> {
  const doc = await read({ bytes: await item.bytes(), fileName: item.fileName });
  const draft = buildDraft(doc, item.fileName, {
    vocabulary: corpus,
    liveReviewIds: new Set(),
  });
  const taken = (draft?.lessons ?? []).map((lesson) => comparable(lesson.text));
  const takenSet = new Set(taken);
  const expected = item.expected.map(comparable);
  return {
    case: item,
    draft,
    found: item.expected.filter((text) => takenSet.has(comparable(text))),
    missing: item.expected.filter((text) => !takenSet.has(comparable(text))),
    // A candidate sentence that is part of a longer expected point is not wrong.
    wrong: taken.filter((text) => !expected.some((e) => e.includes(text))),
    forbidden: item.notLearning.filter((text) => taken.some((t) => t.includes(comparable(text)))),
  };
}
