import { BotError, CorpusError } from '../errors.ts';
import { type CorpusValidation, checkCorpusFolder } from './check-corpus-folder.ts';
import { displayPath } from './display-path.ts';
import { FOLDER_FIX, readCorpusFolder, whyNotAFolder } from './read-corpus-folder.ts';
import type { Corpus } from './types.ts';

/**
 * Loads and validates the corpus folder.
 * @throws BotError `corpus_not_found` when `dir` is not a folder;
 *   CorpusError listing every problem in every file when anything is invalid.
 * @example const corpus = await loadCorpus('lessons');
 */
export async function loadCorpus(dir: string): Promise<Corpus> {
  const reason = await whyNotAFolder(dir);
  if (reason !== undefined)
    throw new BotError('corpus_not_found', `The lessons folder "${dir}" ${reason}: ${FOLDER_FIX}.`);
  const { corpus, problems } = checkCorpusFolder(dir, await readCorpusFolder(dir));
  if (corpus === undefined) throw new CorpusError(problems);
  return corpus;
}

/**
 * The same checks as loadCorpus, without throwing, plus non-fatal warnings: for the
 * validator, which prints every line. A missing folder is reported as a problem.
 * @example const { problems, warnings } = await validateCorpus('lessons');
 */
export async function validateCorpus(dir: string): Promise<CorpusValidation> {
  const reason = await whyNotAFolder(dir);
  const folder = displayPath(dir);
  if (reason !== undefined)
    return {
      problems: [{ file: folder, message: `the lessons folder ${reason}`, fix: FOLDER_FIX }],
      warnings: [],
    };
  try {
    return checkCorpusFolder(dir, await readCorpusFolder(dir));
  } catch (error) {
    // The folder vanished or became unreadable between the two calls.
    const reason = error instanceof Error ? error.message : String(error);
    return { problems: [{ file: folder, message: `cannot be read (${reason})` }], warnings: [] };
  }
}
