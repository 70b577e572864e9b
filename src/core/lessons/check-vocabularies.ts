import type { CorpusProblem } from '../errors.ts';
import { type FieldPath, formatFieldPath, quote, valueAt } from './field-path.ts';
import { lineAt } from './locate-line.ts';
import type { ParsedFile } from './parse-yaml-file.ts';
import { problemAt } from './problem-at.ts';
import { rawEntries, rawStrings } from './read-raw-entries.ts';
import { candidateMap, normaliseName } from './suggest-name.ts';

/** The ids a lesson may refer to, and the spellings to suggest an id from. */
export interface IdVocabulary {
  ids: ReadonlySet<string>;
  spellings: ReadonlyMap<string, string>;
  /** where the vocabulary lives, to tell the reader where to look */
  file: string;
}

export interface VocabularyCheck {
  problems: CorpusProblem[];
  warnings: CorpusProblem[];
}

/**
 * The ids and spellings of a themes or agencies file, reporting ids used twice.
 * Reads raw data, so that a vocabulary with one bad entry still checks the lessons.
 */
export function readIdVocabulary(
  parsed: ParsedFile,
  listField: 'themes' | 'agencies',
  check: VocabularyCheck,
): IdVocabulary | undefined {
  const firstAt = new Map<string, FieldPath>();
  const spellings: [string, string[]][] = [];
  for (const { path, entry } of rawEntries(parsed.data, listField)) {
    const id = entry.id;
    if (typeof id !== 'string') continue;
    const first = firstAt.get(id);
    if (first)
      check.problems.push(duplicateId(parsed, listField, [...path, 'id'], [...first, 'id'], id));
    else firstAt.set(id, path);
    const words = [entry.label, ...(Array.isArray(entry.synonyms) ? entry.synonyms : [])];
    spellings.push([id, words.filter((word): word is string => typeof word === 'string')]);
  }
  // A vocabulary with no ids at all (a misspelt top-level field, say) is reported by the
  // schema; checking lessons against it would only add a line for every theme in use.
  if (firstAt.size === 0) return undefined;
  return { ids: new Set(firstAt.keys()), spellings: candidateMap(spellings), file: parsed.display };
}

function duplicateId(
  parsed: ParsedFile,
  listField: string,
  at: FieldPath,
  first: FieldPath,
  id: string,
): CorpusProblem {
  const noun = listField === 'themes' ? 'theme' : 'agency';
  const firstLine = lineAt(parsed.doc, parsed.lines, first);
  return problemAt(
    parsed,
    at,
    `${noun} id ${quote(id)} is already used at line ${firstLine} (${formatFieldPath(first)})`,
    `give each ${noun} its own id, or merge the two entries`,
  );
}

/**
 * Glossary entries must not share words: search would not know which one a word
 * means. The same `term` twice is a problem; any other shared word is a warning.
 */
export function checkGlossary(parsed: ParsedFile, check: VocabularyCheck): void {
  const owner = new Map<string, { entry: number; path: FieldPath; isTerm: boolean }>();
  for (const { path, entry } of rawEntries(parsed.data, 'terms')) {
    const entryIndex = path[1] as number;
    for (const word of glossaryWords(entry, path)) {
      const key = normaliseName(word.value);
      const seen = owner.get(key);
      if (seen === undefined)
        owner.set(key, { entry: entryIndex, path: word.path, isTerm: word.isTerm });
      else if (seen.entry !== entryIndex) reportShared(parsed, check, word, seen);
    }
  }
}

interface GlossaryWord {
  path: FieldPath;
  value: string;
  isTerm: boolean;
}

function glossaryWords(entry: Record<string, unknown>, path: FieldPath): GlossaryWord[] {
  const words: GlossaryWord[] = [];
  if (typeof entry.term === 'string')
    words.push({ path: [...path, 'term'], value: entry.term, isTerm: true });
  for (const field of ['also', 'formerly'])
    for (const word of rawStrings(entry, path, field)) words.push({ ...word, isTerm: false });
  return words;
}

function reportShared(
  parsed: ParsedFile,
  check: VocabularyCheck,
  word: GlossaryWord,
  seen: { entry: number; path: FieldPath; isTerm: boolean },
): void {
  const line = lineAt(parsed.doc, parsed.lines, seen.path);
  const otherTerm = valueAt(parsed.data, ['terms', seen.entry, 'term']);
  const under = typeof otherTerm === 'string' ? quote(otherTerm) : formatFieldPath(seen.path);
  if (word.isTerm && seen.isTerm) {
    const message = `term ${quote(word.value)} is already an entry at line ${line}`;
    check.problems.push(problemAt(parsed, word.path, message, 'merge the two entries into one'));
    return;
  }
  const message = `${quote(word.value)} is also listed under ${under} (line ${line})`;
  const fix = 'keep it in one entry, so that search knows which term it means';
  check.warnings.push(problemAt(parsed, word.path, message, fix));
}
