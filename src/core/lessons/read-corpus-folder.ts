import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CorpusProblem } from '../errors.ts';
import { displayPath } from './display-path.ts';
import { fileKindOf } from './file-kinds.ts';

/** Real review files are tens of kilobytes; anything near this is the wrong file. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** A corpus file read as text and ready to parse. */
export interface CorpusFile {
  /** the name inside the corpus folder */
  name: string;
  /** the path to show in problem lines */
  display: string;
  bytes: Uint8Array;
  text: string;
}

export interface FolderContents {
  files: CorpusFile[];
  /** every YAML file name seen, read or not, so that a broken file still counts as present */
  names: string[];
  problems: CorpusProblem[];
  warnings: CorpusProblem[];
}

type ReadResult = { file: CorpusFile } | { problem: CorpusProblem } | { warning: CorpusProblem };

const YAML_NAME = /^[^.].*\.ya?ml$/i;

/** Reads every YAML file directly in `dir`, refusing what cannot be a corpus file. */
export async function readCorpusFolder(dir: string): Promise<FolderContents> {
  const names = (await readdir(dir)).filter((name) => YAML_NAME.test(name)).sort();
  const root = await realpath(dir);
  const results = await Promise.all(names.map((name) => readCorpusFile(dir, root, name)));
  const contents: FolderContents = { files: [], names, problems: [], warnings: [] };
  for (const result of results) {
    if ('file' in result) contents.files.push(result.file);
    else if ('problem' in result) contents.problems.push(result.problem);
    else contents.warnings.push(result.warning);
  }
  return contents;
}

/** Why `dir` cannot be the corpus folder, or undefined when it is a folder. */
export async function whyNotAFolder(dir: string): Promise<string | undefined> {
  try {
    return (await stat(dir)).isDirectory() ? undefined : 'is a file, not a folder';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    return code === 'ENOENT' ? 'does not exist' : `cannot be opened (${code ?? 'unknown error'})`;
  }
}

/** How to point the bot at the right folder. */
export const FOLDER_FIX =
  'create it, or point at another folder with --lessons DIR or the LESSONS_DIR environment variable';

/**
 * Where a folder entry really is: itself, or for a link its target, which must be inside
 * the folder. A link out (to /etc/shadow, to a file of secrets) is refused unread, so
 * that no problem line can quote what it holds.
 */
async function resolveInside(root: string, full: string): Promise<string | undefined> {
  if (!(await lstat(full)).isSymbolicLink()) return full;
  const target = await realpath(full);
  const inside = path.relative(root, target);
  return inside !== '' && !inside.startsWith('..') && !path.isAbsolute(inside) ? target : undefined;
}

async function readCorpusFile(dir: string, root: string, name: string): Promise<ReadResult> {
  const file = displayPath(dir, name);
  try {
    const full = await resolveInside(root, path.join(dir, name));
    if (full === undefined) return { problem: linkOut(file) };
    const stats = await stat(full);
    if (stats.isDirectory())
      return { warning: { file, message: 'is a folder, not a YAML file; skipped it' } };
    // A FIFO or device would block or never end: read regular files only.
    if (!stats.isFile())
      return {
        problem: {
          file,
          message: 'is not a regular file',
          fix: 'remove it from the lessons folder',
        },
      };
    if (stats.size > MAX_FILE_BYTES) return { problem: tooBig(file, name, stats.size) };
    const bytes = await readFile(full);
    // It may have grown since stat.
    if (bytes.length > MAX_FILE_BYTES) return { problem: tooBig(file, name, bytes.length) };
    const text = decodeText(bytes);
    if (text === undefined) return { problem: notText(file) };
    return { file: { name, display: file, bytes, text } };
  } catch (error) {
    return { problem: unreadable(file, error) };
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 text without NUL bytes, or undefined. A leading BOM is dropped by the decoder. */
function decodeText(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

function tooBig(file: string, name: string, size: number): CorpusProblem {
  const megabytes = (size / (1024 * 1024)).toFixed(1);
  const what = fileKindOf(name) === 'review' ? 'a review' : 'a vocabulary';
  return {
    file,
    message: `is ${megabytes} MB; ${what} file should be well under 1 MB`,
    fix: 'is this the right file?',
  };
}

function linkOut(file: string): CorpusProblem {
  return {
    file,
    message: 'is a link to a file outside the lessons folder; refused it',
    fix: 'copy the file into the lessons folder instead of linking to it',
  };
}

function notText(file: string): CorpusProblem {
  return {
    file,
    message: 'is not a text file (it has NUL bytes or is not valid UTF-8)',
    fix: 'save it as UTF-8 text, or move it out of the lessons folder',
  };
}

function unreadable(file: string, error: unknown): CorpusProblem {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM')
    return {
      file,
      message: 'cannot be read: permission denied',
      fix: 'make it readable by the user that runs the bot (e.g. chmod a+r)',
    };
  if (code === 'ENOENT')
    return {
      file,
      message: 'disappeared while reading (a broken link, or deleted)',
      fix: 'check the file is there and try again',
    };
  return {
    file,
    message: `cannot be read (${code ?? 'unknown error'})`,
    fix: 'check the file and its permissions',
  };
}
