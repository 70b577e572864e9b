import { BotError, CorpusError, type CorpusProblem } from '../errors.ts';
import { type CorpusValidation, checkCorpusFolder } from './check-corpus-folder.ts';
import { parseYamlFile } from './parse-yaml-file.ts';
import {
  type CorpusFile,
  FOLDER_FIX,
  type FolderContents,
  MAX_FILE_BYTES,
  readCorpusFolder,
  whyNotAFolder,
} from './read-corpus-folder.ts';
import type { Corpus } from './types.ts';

/** A live review kept in the store, as the corpus check reads it. */
export interface KeptText {
  id: string;
  text: string;
}

/** Where a kept review is said to be in problem lines: "[store] anytown-child-t.yaml". */
export function keptDisplay(id: string): string {
  return `[store] ${id}.yaml`;
}

/** A kept review as a corpus file; its name cannot be a folder file's, nor a vocabulary's. */
export function keptFile(review: KeptText): CorpusFile {
  return {
    name: `[store] ${review.id}.yaml`,
    display: keptDisplay(review.id),
    bytes: new TextEncoder().encode(review.text),
    text: review.text,
  };
}

/** The folder's files with the kept reviews after them, as one folder. */
export function withKeptFiles(folder: FolderContents, kept: readonly KeptText[]): FolderContents {
  const files = kept.map(keptFile);
  return {
    ...folder,
    files: [...folder.files, ...files],
    names: [...folder.names, ...files.map((file) => file.name)],
  };
}

/** The corpus, and the kept reviews left out of it with their problems. */
export interface CorpusWithKept extends CorpusValidation {
  leftOut: CorpusProblem[];
}

/**
 * The lessons folder and the store's live reviews, validated together. The folder is the
 * corpus that ships with the bot, so a kept review can never stop it loading: one with a
 * problem (an id the folder uses too, a theme the folder no longer has, a file too big)
 * is left out, and its problems are returned in `leftOut` for the logs and `validate`.
 * Problems in the folder's own files are returned as `problems`, as checkCorpusFolder's.
 */
export function checkWithKept(
  dir: string,
  folder: FolderContents,
  kept: readonly KeptText[],
): CorpusWithKept {
  const leftOut: CorpusProblem[] = [];
  let keep = kept.filter((review) => {
    const tooBig = sizeProblem(keptDisplay(review.id), review.text);
    if (tooBig) leftOut.push(tooBig);
    return tooBig === undefined;
  });
  // Each round leaves out at least one review, so this ends; most corpora take one round.
  for (;;) {
    const validation = checkCorpusFolder(dir, withKeptFiles(folder, keep));
    const displays = new Set(keep.map((review) => keptDisplay(review.id)));
    const theirs = validation.problems.filter((problem) => displays.has(problem.file));
    // The folder has problems of its own: they are what must be fixed, told without the store's.
    if (theirs.length < validation.problems.length)
      return { ...checkCorpusFolder(dir, folder), leftOut };
    if (theirs.length === 0) return { ...validation, leftOut };
    leftOut.push(...theirs);
    const bad = new Set(theirs.map((problem) => problem.file));
    keep = keep.filter((review) => !bad.has(keptDisplay(review.id)));
  }
}

/**
 * loadCorpus with the store's live reviews: throws as loadCorpus does for the folder's
 * problems; kept reviews with problems are left out, not thrown.
 */
export async function loadCorpusWithKept(
  dir: string,
  kept: readonly KeptText[],
): Promise<{ corpus: Corpus; leftOut: CorpusProblem[] }> {
  const reason = await whyNotAFolder(dir);
  if (reason !== undefined)
    throw new BotError('corpus_not_found', `The lessons folder "${dir}" ${reason}: ${FOLDER_FIX}.`);
  const { corpus, problems, leftOut } = checkWithKept(dir, await readCorpusFolder(dir), kept);
  if (corpus === undefined) throw new CorpusError(problems);
  return { corpus, leftOut };
}

function sizeProblem(display: string, text: string): CorpusProblem | undefined {
  const size = new TextEncoder().encode(text).length;
  if (size <= MAX_FILE_BYTES) return undefined;
  return {
    file: display,
    message: `is ${(size / (1024 * 1024)).toFixed(1)} MB; a review file should be well under 1 MB`,
    fix: 'is this the right file?',
  };
}

/**
 * What stops a text being kept as a review file at all: over 1 MB, NUL characters, or
 * YAML that does not parse (with the validator's limits on nesting and aliases). Its
 * fields are checked later, against the corpus, as a draft's are.
 */
export function unkeepableText(display: string, text: string): CorpusProblem[] {
  const tooBig = sizeProblem(display, text);
  if (tooBig) return [tooBig];
  if (text.includes('\0'))
    return [
      {
        file: display,
        message: 'is not a text file (it has NUL characters)',
        fix: 'save it as UTF-8 text',
      },
    ];
  const file: CorpusFile = { name: 'draft.yaml', display, bytes: new Uint8Array(), text };
  return parseYamlFile(file).problems;
}
