import type { z } from 'zod';
import type { CorpusProblem } from '../errors.ts';
import {
  addMissing,
  explainMissing,
  type MissingFields,
  missingField,
} from './explain-missing-fields.ts';
import { unknownFieldProblems } from './explain-unknown-fields.ts';
import { fieldHint } from './field-hints.ts';
import {
  describeValue,
  type FieldPath,
  formatFieldPath,
  quote,
  toFieldPath,
  valueAt,
} from './field-path.ts';
import { sourceAt } from './locate-line.ts';
import type { ParsedFile } from './parse-yaml-file.ts';
import { problemAt } from './problem-at.ts';

type Issue = z.core.$ZodIssue;

const EXPECTED: Record<string, string> = {
  string: 'text',
  array: 'a list',
  object: 'a mapping (fields with "name: value")',
  number: 'a number',
};

/**
 * Zod's issues in plain words. The schema's own messages already say how to fix a
 * format problem, so they become the fix; zod's generic ones are rewritten here.
 */
export function explainSchemaIssues(parsed: ParsedFile, issues: readonly Issue[]): CorpusProblem[] {
  const unknownFields = issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys' ? unknownFieldProblems(parsed, issue) : [],
  );
  const renamed = new Set(unknownFields.flatMap((found) => (found.meant ? [found.meant] : [])));
  // Zod goes on to check the length of a string given for a list: one problem is enough.
  const wrongType = new Set(
    issues.flatMap((issue) => (issue.code === 'invalid_type' ? [issue.path.join('.')] : [])),
  );
  const missing: MissingFields = new Map();
  const problems: CorpusProblem[] = [];
  for (const issue of issues) {
    const fieldPath = toFieldPath(issue.path);
    if (issue.code === 'unrecognized_keys') continue;
    if (issue.code !== 'invalid_type' && wrongType.has(issue.path.join('.'))) continue;
    const field = missingField(parsed.data, fieldPath);
    if (field === undefined) problems.push(explainIssue(parsed, issue, fieldPath));
    // "theme" written for "themes": one problem, not a missing one and an unknown one.
    else if (!renamed.has(formatFieldPath(fieldPath))) addMissing(missing, fieldPath, field);
  }
  const missingProblems = [...missing.values()].flatMap(({ mappingPath, fields }) =>
    explainMissing(parsed, mappingPath, fields),
  );
  return [...problems, ...missingProblems, ...unknownFields.map((found) => found.problem)];
}

function explainIssue(parsed: ParsedFile, issue: Issue, fieldPath: FieldPath): CorpusProblem {
  const value = valueAt(parsed.data, fieldPath);
  const at = (message: string, fix?: string) => problemAt(parsed, fieldPath, message, fix);
  switch (issue.code) {
    case 'invalid_type':
      return explainWrongType(parsed, fieldPath, issue.expected, value);
    case 'too_small':
      if (typeof value === 'string')
        return at('is empty', fieldHint(parsed, fieldPath) ?? issue.message);
      return at('the list is empty', issue.message);
    case 'too_big':
      if (typeof value === 'string') return at(`is ${value.length} characters long`, issue.message);
      return at(`lists ${Array.isArray(value) ? value.length : 'too many'} items`, issue.message);
    case 'invalid_format':
      return at(`${quote(value)} is not ${formatName(issue.format, fieldPath)}`, issue.message);
    case 'invalid_value':
      return at(`${quote(value)} is not one of the allowed values`, issue.message);
    case 'invalid_union':
      return at(
        `expected a date, found ${describeValue(value)}`,
        'write the date as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2015-07',
      );
    case 'custom':
      return at(`${quote(value)} is not a date`, issue.message);
    default:
      return at(issue.message);
  }
}

function explainWrongType(
  parsed: ParsedFile,
  fieldPath: FieldPath,
  expected: string,
  value: unknown,
): CorpusProblem {
  if (value === null)
    return problemAt(
      parsed,
      fieldPath,
      'is empty',
      fieldHint(parsed, fieldPath) ?? 'write something after the "- ", or delete the empty item',
    );
  const message = `expected ${EXPECTED[expected] ?? expected}, found ${describeValue(value)}`;
  return problemAt(parsed, fieldPath, message, wrongTypeFix(parsed, fieldPath, expected, value));
}

function wrongTypeFix(
  parsed: ParsedFile,
  fieldPath: FieldPath,
  expected: string,
  value: unknown,
): string {
  if (expected === 'string' && (typeof value === 'number' || typeof value === 'boolean'))
    return `put it in quotes: "${sourceAt(parsed.doc, fieldPath) ?? value}"`;
  if (expected === 'string') return 'write it as text, in quotes if it contains ": "';
  if (expected === 'array' && typeof value === 'string')
    return `write it as a list: [${value.replace(/\s+/g, ' ').slice(0, 60)}]`;
  if (expected === 'array') return 'write it as a list: one "- item" per line, or [a, b]';
  return 'write it as fields, one "name: value" per line';
}

function formatName(format: string, fieldPath: FieldPath): string {
  if (format === 'url') return 'a web link';
  const field = fieldPath.findLast((segment) => typeof segment === 'string');
  if (field === 'themes') return 'a valid theme id';
  if (field === 'agencies') return 'a valid agency id';
  return field === 'id' ? 'a valid id' : 'in the expected form';
}
