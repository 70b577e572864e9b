import { randomUUID } from 'node:crypto';
import { link, mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  BotError,
  checkDraftWith,
  type DraftShelf,
  displayPath,
  MAX_FILE_BYTES,
  readCorpusFolder,
  type StoredDraft,
  whyNotAFolder,
} from '../../core/index.ts';

/** Draft ids are review ids: this also keeps "../" out of every path built from one. */
const DRAFT_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const DRAFT_NAME = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.ya?ml$/;

/**
 * Drafts as files in a folder (by default `lessons/drafts/`), which the corpus loader
 * never reads: it reads only the YAML files directly in the lessons folder. Approving
 * moves the file into the lessons folder, where the bot's watcher loads it.
 */
export function createFolderDrafts(
  lessonsDir: string,
  draftsDir = path.join(lessonsDir, 'drafts'),
): DraftShelf {
  const fileOf = (id: string) => path.join(draftsDir, `${id}.yaml`);

  async function read(id: string, name: string): Promise<StoredDraft | undefined> {
    const full = path.join(draftsDir, name);
    try {
      const stats = await stat(full);
      if (!stats.isFile() || stats.size > MAX_FILE_BYTES) return undefined;
      return { id, display: displayPath(draftsDir, name), text: await readFile(full, 'utf8') };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async function names(): Promise<string[]> {
    try {
      return (await readdir(draftsDir)).filter((name) => DRAFT_NAME.test(name)).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  return {
    where: displayPath(draftsDir),
    async list() {
      const found = await Promise.all(
        (await names()).map((name) => read(DRAFT_NAME.exec(name)?.[1] ?? name, name)),
      );
      return found.filter((draft): draft is StoredDraft => draft !== undefined);
    },
    async get(id) {
      if (!DRAFT_ID.test(id)) return undefined;
      return (await read(id, `${id}.yaml`)) ?? (await read(id, `${id}.yml`));
    },
    async save(id, text, { replace }) {
      if (!DRAFT_ID.test(id)) throw new BotError('command_invalid', `"${id}" cannot name a draft.`);
      await mkdir(draftsDir, { recursive: true });
      const target = fileOf(id);
      try {
        await writeAtomically(target, text, replace);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        throw new BotError(
          'draft_exists',
          `${displayPath(target)} already exists, and may hold someone's edits: approve it or delete it first, or import again with --replace.`,
        );
      }
      return { id, display: displayPath(target), text };
    },
    async check(draft) {
      const reason = await whyNotAFolder(lessonsDir);
      if (reason !== undefined)
        return [{ file: displayPath(lessonsDir), message: `the lessons folder ${reason}` }];
      const corpus = await readCorpusFolder(lessonsDir);
      const name = `${path.relative(lessonsDir, draftsDir) || 'drafts'}/${draft.id}.yaml`;
      return checkDraftWith(lessonsDir, corpus, { name, display: draft.display, text: draft.text });
    },
    async makeLive(draft, reviewId, text) {
      const target = path.join(lessonsDir, `${reviewId}.yaml`);
      const other = path.join(lessonsDir, `${reviewId}.yml`);
      if (await exists(other)) throw reviewExists(other);
      try {
        await writeAtomically(target, text, false);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw reviewExists(target);
        throw error;
      }
      // The review is live; a draft left behind would only be reported by validate.
      await unlink(path.join(draftsDir, `${draft.id}.yaml`)).catch(() => undefined);
      await unlink(path.join(draftsDir, `${draft.id}.yml`)).catch(() => undefined);
      return displayPath(target);
    },
    async discard(id) {
      if (!DRAFT_ID.test(id)) return false;
      const removed = await Promise.all(
        [`${id}.yaml`, `${id}.yml`].map((name) =>
          unlink(path.join(draftsDir, name)).then(
            () => true,
            (error: NodeJS.ErrnoException) => {
              if (error.code === 'ENOENT') return false;
              throw error;
            },
          ),
        ),
      );
      return removed.includes(true);
    },
  };
}

function reviewExists(file: string): BotError {
  return new BotError(
    'review_exists',
    `${displayPath(file)} already exists: a review of that id is live. If this is another review, give the draft another id (and its lessons ids to match).`,
  );
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/**
 * Writes the whole file under a hidden temporary name, then gives it its name in one
 * step, so that nobody (the bot's watcher included) ever reads half a file. Without
 * replace, an existing file is never overwritten (EEXIST).
 */
async function writeAtomically(target: string, text: string, replace: boolean): Promise<void> {
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomUUID()}.tmp`,
  );
  await writeFile(temporary, text, { flag: 'wx' });
  try {
    if (replace) await rename(temporary, target);
    else await link(temporary, target);
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}
