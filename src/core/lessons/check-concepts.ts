import type { IdVocabulary, VocabularyCheck } from './check-vocabularies.ts';
import { type FieldPath, quote } from './field-path.ts';
import { lineAt } from './locate-line.ts';
import type { ParsedFile } from './parse-yaml-file.ts';
import { problemAt } from './problem-at.ts';
import { rawEntries, rawStrings } from './read-raw-entries.ts';
import { candidateMap, normaliseName, suggestName } from './suggest-name.ts';

/** What a concept may mean: a theme id, or a glossary term. */
export interface ConceptTargets {
  themes: IdVocabulary | undefined;
  /** the glossary's raw data, if it parsed */
  glossary: Record<string, unknown> | undefined;
}

/**
 * Each entry of concepts.yaml must mean a theme id or a glossary term: search reads its
 * phrases as naming that concept. A phrase listed under two concepts is a warning, as
 * search would not know which it means. Works on raw data, like the other cross-file checks.
 */
export function checkConcepts(
  parsed: ParsedFile,
  targets: ConceptTargets,
  check: VocabularyCheck,
): void {
  const names = targetNames(targets);
  const owner = new Map<string, FieldPath>();
  for (const { path, entry } of rawEntries(parsed.data, 'concepts')) {
    if (typeof entry.means === 'string' && names !== undefined)
      checkMeaning(parsed, [...path, 'means'], entry.means, names, check);
    for (const phrase of rawStrings(entry, path, 'phrases')) {
      const key = normaliseName(phrase.value);
      const first = owner.get(key);
      if (first === undefined) owner.set(key, phrase.path);
      else if (first[1] !== path[1]) warnShared(parsed, phrase.path, phrase.value, first, check);
    }
  }
}

interface TargetNames {
  /** exact names, normalised */
  exact: ReadonlySet<string>;
  /** spellings (labels, synonyms, other glossary words) → the name to use */
  spellings: ReadonlyMap<string, string>;
}

/**
 * Undefined when either vocabulary failed to parse: every concept of it would look
 * unknown, and its own problem is reported once instead.
 */
function targetNames(targets: ConceptTargets): TargetNames | undefined {
  if (targets.themes === undefined || targets.glossary === undefined) return undefined;
  const terms: [string, string[]][] = [];
  for (const { entry } of rawEntries(targets.glossary, 'terms')) {
    if (typeof entry.term !== 'string') continue;
    const others = [entry.also, entry.formerly].flatMap((list) =>
      Array.isArray(list) ? list : [],
    );
    terms.push([entry.term, others.filter((w): w is string => typeof w === 'string')]);
  }
  const themeIds = [...targets.themes.ids];
  const spellings = new Map(candidateMap(terms));
  for (const [spelling, id] of targets.themes.spellings) spellings.set(spelling, id);
  const exact = new Set([...themeIds, ...terms.map(([term]) => term)].map(normaliseName));
  return { exact, spellings };
}

function checkMeaning(
  parsed: ParsedFile,
  at: FieldPath,
  means: string,
  names: TargetNames,
  check: VocabularyCheck,
): void {
  if (names.exact.has(normaliseName(means))) return;
  const suggestion = suggestName(means, names.spellings);
  const fix =
    suggestion === undefined
      ? 'use a theme id from themes.yaml or a term from glossary.yaml, or add it there first'
      : `did you mean "${suggestion.name}"? (a theme id from themes.yaml or a term from glossary.yaml)`;
  check.problems.push(
    problemAt(parsed, at, `${quote(means)} is neither a theme id nor a glossary term`, fix),
  );
}

function warnShared(
  parsed: ParsedFile,
  at: FieldPath,
  phrase: string,
  first: FieldPath,
  check: VocabularyCheck,
): void {
  const line = lineAt(parsed.doc, parsed.lines, first);
  const message = `${quote(phrase)} is also listed under another concept (line ${line})`;
  const fix = 'keep it under one concept, so that search knows what it means';
  check.warnings.push(problemAt(parsed, at, message, fix));
}
