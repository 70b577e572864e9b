import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  BotError,
  type Corpus,
  type DraftShelf,
  type KeptReview,
  type KeptReviews,
  loadCorpus,
  loadCorpusWithKept,
} from '../../core/index.ts';
import type { CliInvocation } from './cli-args.ts';

/** The store's reviews, opened for one command (main.ts opens DATABASE_URL's store). */
export interface KeptServices {
  reviews: KeptReviews;
  /** the store's drafts shelf, checked against this lessons folder */
  drafts(lessonsDir: string): DraftShelf;
  /** the audit log, where a review approved into the database is recorded, as in chat */
  audit(action: string, detail: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

export type OpenKept = () => Promise<KeptServices>;

interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** Ids become file names: the review id format keeps "../" and odd names out. */
const FILE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const DEFAULT_EXPORT_DIR = './lessons-export';

/**
 * `lessons-bot export [--out DIR] [--drafts] [--replace]`: every live review kept in the
 * store as DIR/<id>.yaml, the lessons folder's format (and with --drafts, every draft as
 * DIR/drafts/<id>.yaml), so that nothing is locked in the database. A file that exists is
 * not overwritten without --replace.
 */
export async function runExport(
  invocation: CliInvocation,
  open: OpenKept | undefined,
  io: Io,
): Promise<number> {
  if (!open)
    throw new BotError(
      'not_available',
      '“export” needs the bot’s database, which is not set up here.',
    );
  const dir = invocation.flags.out ?? DEFAULT_EXPORT_DIR;
  const kept = await open();
  let live: KeptReview[];
  let drafts: KeptReview[];
  try {
    live = await kept.reviews.list('live');
    drafts = invocation.flags.drafts ? await kept.reviews.list('draft') : [];
  } finally {
    await kept.close();
  }
  const written = {
    live: await writeAll(dir, live, invocation.flags.replace, io),
    drafts: await writeAll(path.join(dir, 'drafts'), drafts, invocation.flags.replace, io),
  };
  const summary = {
    folder: dir,
    live: written.live,
    drafts: written.drafts,
  };
  if (invocation.json) io.out(JSON.stringify({ exported: summary }, null, 2));
  else io.out(exportText(summary, invocation.flags.drafts, invocation.name));
  return 0;
}

async function writeAll(
  dir: string,
  reviews: readonly KeptReview[],
  replace: boolean,
  io: Io,
): Promise<string[]> {
  if (reviews.length === 0) return [];
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const review of reviews) {
    if (!FILE_ID.test(review.id)) {
      io.err(`Skipped a review whose id cannot name a file: "${review.id.slice(0, 80)}".`);
      continue;
    }
    const file = path.join(dir, `${review.id}.yaml`);
    try {
      await writeFile(file, review.text, { flag: replace ? 'w' : 'wx' });
      written.push(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      throw new BotError(
        'command_invalid',
        `${file} already exists: export to an empty folder (--out DIR), or add --replace. Wrote ${written.length} file(s) before it.`,
      );
    }
  }
  return written;
}

function exportText(
  summary: { folder: string; live: string[]; drafts: string[] },
  withDrafts: boolean,
  name: string,
): string {
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  const lines = [
    `Exported ${count(summary.live.length, 'live review')}${withDrafts ? ` and ${count(summary.drafts.length, 'draft')}` : ''} from the bot's database to ${summary.folder}.`,
    ...summary.live.map((file) => `  ${file}`),
    ...summary.drafts.map((file) => `  ${file} (draft)`),
  ];
  if (summary.live.length > 0)
    lines.push(
      `They are review files: copied into a lessons folder, ${name} validate checks them with the rest.`,
    );
  return lines.join('\n');
}

/**
 * The lessons folder with the live reviews kept in the database, as the bot serves them;
 * the folder alone where there is no database here. Kept reviews with problems are left out.
 */
export async function loadCorpusAndKept(dir: string, open: OpenKept | undefined): Promise<Corpus> {
  if (!open) return loadCorpus(dir);
  const kept = await open();
  try {
    return (await loadCorpusWithKept(dir, await kept.reviews.list('live'))).corpus;
  } finally {
    await kept.close();
  }
}
