import type { z } from 'zod';
import type { CorpusProblem } from '../errors.ts';
import { mappingAt } from './field-hints.ts';
import { formatFieldPath, isRecord, quote, toFieldPath, valueAt } from './field-path.ts';
import type { ParsedFile } from './parse-yaml-file.ts';
import { problemAt } from './problem-at.ts';
import { suggestName } from './suggest-name.ts';

type UnrecognizedKeys = Extract<z.core.$ZodIssue, { code: 'unrecognized_keys' }>;

export interface UnknownField {
  problem: CorpusProblem;
  /** the field it was probably meant to be, as a formatted path */
  meant?: string;
}

/** A field the schema does not know, with the field it was probably meant to be. */
export function unknownFieldProblems(parsed: ParsedFile, issue: UnrecognizedKeys): UnknownField[] {
  const mappingPath = toFieldPath(issue.path);
  const mapping = mappingAt(parsed.kind, mappingPath);
  const candidates = new Map(mapping.fields.map((field) => [field.toLowerCase(), field]));
  return issue.keys.map((key) => {
    const at = [...mappingPath, key];
    const meant = suggestName(key, candidates)?.name;
    if (meant === undefined) {
      const fix = `remove it; ${mapping.noun} has the fields ${mapping.fields.join(', ')}`;
      return { problem: problemAt(parsed, at, `unknown field ${fieldName(key)}`, fix) };
    }
    const given =
      isRecord(valueAt(parsed.data, mappingPath)) &&
      valueAt(parsed.data, [...mappingPath, meant]) !== undefined;
    const fix = given ? `remove it (\`${meant}\` is already given)` : `did you mean \`${meant}\`?`;
    const problem = problemAt(parsed, at, `unknown field ${fieldName(key)}`, fix);
    return { problem, meant: formatFieldPath([...mappingPath, meant]) };
  });
}

/** A field name in backticks, made printable: a key may hold any character. */
function fieldName(key: string): string {
  return /^[\w-]+$/.test(key) ? `\`${key}\`` : quote(key);
}
