import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';
import { BotError, CorpusError } from '../errors.ts';
import type { DraftShelf, StoredDraft } from './draft-shelf.ts';
import { CHECK_NOTE, DRAFT_LINE, NOTE_CONTINUATION } from './write-draft.ts';

export interface ApprovedReview {
  reviewId: string;
  title: string;
  lessons: number;
  /** where the review now is */
  location: string;
  /** the command that announces it to every subscribed channel */
  announce: string;
}

/**
 * Validates a draft with the live corpus and, when it has no problems, makes it live.
 * The lessons-folder shelf writes it into the folder, where the hot reload picks it up.
 * @throws BotError draft_not_found; CorpusError listing the draft's problems;
 *   BotError review_exists when its id is live already.
 */
export async function approveDraft(
  id: string,
  shelf: DraftShelf,
  today: string,
): Promise<ApprovedReview> {
  const draft = await shelf.get(id);
  if (draft === undefined) throw await notFound(id, shelf);
  const problems = await shelf.check(draft);
  if (problems.length > 0) throw new CorpusError(problems);
  const data = parse(draft.text) as { id: string; title: string; lessons: unknown[] };
  const location = await shelf.makeLive(draft, data.id, liveText(draft, today));
  return {
    reviewId: data.id,
    title: data.title,
    lessons: data.lessons.length,
    location,
    announce: `publish ${data.id}`,
  };
}

async function notFound(id: string, shelf: DraftShelf): Promise<BotError> {
  const ids = (await shelf.list()).map((draft) => draft.id);
  const known =
    ids.length > 0
      ? `Drafts in ${shelf.where}: ${ids.join(', ')}.`
      : `There are no drafts in ${shelf.where}.`;
  return new BotError(
    'draft_not_found',
    `No draft "${id.slice(0, 80)}". ${known} Import a document first: lessons-bot import FILE.`,
  );
}

/**
 * The draft without the importer's "draft:" lines and "check:" notes, stamped as
 * approved. If removing them would change a single value (a lesson text that happens to
 * hold such a line), the draft is kept as it is.
 */
export function liveText(draft: StoredDraft, today: string): string {
  const kept: string[] = [];
  let inNote = false;
  for (const line of draft.text.split('\n')) {
    const trimmed = line.trimStart();
    if (trimmed.startsWith(DRAFT_LINE) || trimmed.startsWith(CHECK_NOTE)) {
      inNote = true;
      continue;
    }
    if (inNote && trimmed.startsWith(NOTE_CONTINUATION)) continue;
    inNote = false;
    kept.push(line);
  }
  while (kept[0]?.trim() === '') kept.shift();
  const text = `# Approved with lessons-bot approve on ${today}.\n${kept.join('\n')}`;
  return isDeepStrictEqual(parse(text), parse(draft.text)) ? text : draft.text;
}
