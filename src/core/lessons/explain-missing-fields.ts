import type { CorpusProblem } from '../errors.ts';
import { fieldHint, mappingAt } from './field-hints.ts';
import { type FieldPath, formatFieldPath, isRecord, valueAt } from './field-path.ts';
import type { ParsedFile } from './parse-yaml-file.ts';
import { problemAt } from './problem-at.ts';

/** Missing fields of one mapping, gathered to be reported together. */
export type MissingFields = Map<string, { mappingPath: FieldPath; fields: string[] }>;

/** The name of the field at `fieldPath` when its mapping exists but lacks it. */
export function missingField(data: unknown, fieldPath: FieldPath): string | undefined {
  const field = fieldPath.at(-1);
  if (typeof field !== 'string') return undefined;
  const mapping = valueAt(data, fieldPath.slice(0, -1));
  return isRecord(mapping) && !Object.hasOwn(mapping, field) ? field : undefined;
}

export function addMissing(missing: MissingFields, fieldPath: FieldPath, field: string): void {
  const mappingPath = fieldPath.slice(0, -1);
  const key = formatFieldPath(mappingPath);
  const entry = missing.get(key) ?? { mappingPath, fields: [] };
  entry.fields.push(field);
  missing.set(key, entry);
}

/** One line per missing field; one line for the lot when most of a mapping is missing. */
export function explainMissing(
  parsed: ParsedFile,
  mappingPath: FieldPath,
  fields: string[],
): CorpusProblem[] {
  if (fields.length < 3)
    return fields.map((field) =>
      problemAt(
        parsed,
        [...mappingPath, field],
        `missing field \`${field}\``,
        fieldHint(parsed, [...mappingPath, field]),
      ),
    );
  const names = fields.map((field) => `\`${field}\``).join(', ');
  const mapping = mappingAt(parsed.kind, mappingPath);
  const fix = `add them; ${mapping.noun} has the fields ${mapping.fields.join(', ')}`;
  return [problemAt(parsed, mappingPath, `missing fields ${names}`, fix)];
}
