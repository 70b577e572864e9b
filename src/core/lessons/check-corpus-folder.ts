import type { CorpusProblem } from '../errors.ts';
import { buildCorpus } from './build-corpus.ts';
import { checkConcepts } from './check-concepts.ts';
import { type CheckedFile, checkFiles, fileOfKind } from './check-parsed-files.ts';
import { checkReviews } from './check-reviews.ts';
import { checkGlossary, readIdVocabulary, type VocabularyCheck } from './check-vocabularies.ts';
import { displayPath } from './display-path.ts';
import {
  EXAMPLE_ENTRY,
  type FileKind,
  fileKindOf,
  OPTIONAL_KINDS,
  VOCABULARY_KINDS,
} from './file-kinds.ts';
import { retiredTermFinder } from './find-retired-terms.ts';
import type { FolderContents } from './read-corpus-folder.ts';
import type { Agency, ConceptEntry, GlossaryEntry, ReviewFile, Theme } from './schema.ts';
import { sortAndCap } from './sort-problems.ts';
import type { Corpus } from './types.ts';

/** What validation found: a corpus only when there are no problems. */
export interface CorpusValidation {
  corpus?: Corpus;
  problems: CorpusProblem[];
  warnings: CorpusProblem[];
}

/** Every check over the files of one folder, collecting all problems before deciding. */
export function checkCorpusFolder(dir: string, folder: FolderContents): CorpusValidation {
  const { checked, problems } = checkFiles(folder.files);
  const found: VocabularyCheck = { problems: [...folder.problems], warnings: [...folder.warnings] };
  found.problems.push(...folderProblems(dir, folder.names));
  const themes = fileOfKind(checked, 'themes');
  const agencies = fileOfKind(checked, 'agencies');
  const glossary = fileOfKind(checked, 'glossary');
  if (glossary) checkGlossary(glossary.parsed, found);
  const themeIds = themes && readIdVocabulary(themes.parsed, 'themes', found);
  const concepts = fileOfKind(checked, 'concepts');
  if (concepts)
    checkConcepts(concepts.parsed, { themes: themeIds, glossary: glossary?.parsed.data }, found);
  const references = checkReviews(
    checked.filter((file) => file.parsed.kind === 'review').map((file) => file.parsed),
    {
      themes: themeIds,
      agencies: agencies && readIdVocabulary(agencies.parsed, 'agencies', found),
      findRetiredTerms: retiredTermFinder(glossary?.parsed.data),
    },
  );
  const all = [...found.problems, ...preferSpecific(problems, references.problems)];
  const validation: CorpusValidation = {
    problems: sortAndCap(all),
    warnings: sortAndCap([...found.warnings, ...references.warnings]),
  };
  if (validation.problems.length === 0) validation.corpus = assemble(checked, folder);
  return validation;
}

/** Missing vocabularies, a vocabulary written twice, or no reviews at all. */
function folderProblems(dir: string, names: readonly string[]): CorpusProblem[] {
  const problems: CorpusProblem[] = [];
  for (const kind of [...VOCABULARY_KINDS, ...OPTIONAL_KINDS]) {
    const files = names.filter((name) => fileKindOf(name) === kind);
    if (files.length === 0 && kind !== 'concepts')
      problems.push({
        file: displayPath(dir, `${kind}.yaml`),
        message: 'is missing',
        fix: `create it, starting e.g. with the line: ${EXAMPLE_ENTRY[kind as keyof typeof EXAMPLE_ENTRY]}`,
      });
    if (files.length > 1)
      problems.push({
        file: displayPath(dir, files[1] ?? ''),
        message: `duplicates ${files[0]}`,
        fix: 'keep one of the two files',
      });
  }
  if (!names.some((name) => fileKindOf(name) === 'review'))
    problems.push({
      file: displayPath(dir),
      message: 'has no review files',
      fix: 'add one YAML file per review (see docs/adding-a-review.md), or point at another folder with --lessons DIR',
    });
  return problems;
}

/**
 * A cross-file check that names the right theme or lesson id says more than the
 * schema's generic format message for the same field, so it replaces it.
 */
function preferSpecific(
  schemaProblems: CorpusProblem[],
  referenceProblems: CorpusProblem[],
): CorpusProblem[] {
  const key = (problem: CorpusProblem) => `${problem.file}\0${problem.field ?? ''}`;
  const specific = new Set(referenceProblems.map(key));
  return [...schemaProblems.filter((problem) => !specific.has(key(problem))), ...referenceProblems];
}

function assemble(checked: CheckedFile[], folder: FolderContents): Corpus {
  const entriesOf = <T>(kind: Exclude<FileKind, 'review'>, field: string): T[] => {
    const value = fileOfKind(checked, kind)?.value as Record<string, T[]> | undefined;
    return value?.[field] ?? [];
  };
  return buildCorpus({
    reviews: checked
      .filter((file) => file.parsed.kind === 'review')
      .map((file) => ({ name: file.parsed.name, review: file.value as ReviewFile })),
    themes: entriesOf<Theme>('themes', 'themes'),
    agencies: entriesOf<Agency>('agencies', 'agencies'),
    glossary: entriesOf<GlossaryEntry>('glossary', 'terms'),
    concepts: entriesOf<ConceptEntry>('concepts', 'concepts'),
    files: folder.files,
  });
}
