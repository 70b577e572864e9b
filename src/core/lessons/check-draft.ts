import type { CorpusProblem } from '../errors.ts';
import { checkCorpusFolder } from './check-corpus-folder.ts';
import type { CorpusFile, FolderContents } from './read-corpus-folder.ts';

/** A draft review file, kept apart from the corpus until it is approved. */
export interface DraftText {
  /** the name that makes it a review file, inside its folder: "drafts/child-s.yaml" */
  name: string;
  /** the path to show in problem lines */
  display: string;
  text: string;
}

/**
 * The draft's problems when it is checked together with the corpus, as if it were live:
 * the same checks as `validate` (format, themes and agencies known, ids unique across
 * the corpus). Only the draft's own problems are returned; the corpus's are validate's.
 */
export function checkDraftWith(
  dir: string,
  corpus: FolderContents,
  draft: DraftText,
): CorpusProblem[] {
  const bytes = new TextEncoder().encode(draft.text);
  const file: CorpusFile = { name: draft.name, display: draft.display, bytes, text: draft.text };
  // Last, so that an id the corpus already uses is reported on the draft.
  const together: FolderContents = {
    ...corpus,
    files: [...corpus.files.filter((f) => f.name !== draft.name), file],
    names: [...corpus.names, draft.name],
  };
  const { problems } = checkCorpusFolder(dir, together);
  return problems.filter((problem) => problem.file === draft.display);
}
