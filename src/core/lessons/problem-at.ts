import type { CorpusProblem } from '../errors.ts';
import { type FieldPath, formatFieldPath } from './field-path.ts';
import { lineAt } from './locate-line.ts';
import type { ParsedFile } from './parse-yaml-file.ts';

/** A problem placed on the line of the node at `fieldPath` (or its nearest parent). */
export function problemAt(
  parsed: ParsedFile,
  fieldPath: FieldPath,
  message: string,
  fix?: string,
): CorpusProblem {
  const problem: CorpusProblem = {
    file: parsed.display,
    line: lineAt(parsed.doc, parsed.lines, fieldPath),
    message,
  };
  const field = formatFieldPath(fieldPath);
  if (field !== '') problem.field = field;
  if (fix !== undefined) problem.fix = fix;
  return problem;
}
