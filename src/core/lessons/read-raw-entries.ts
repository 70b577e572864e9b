import { type FieldPath, isRecord } from './field-path.ts';

/**
 * The mappings in a list field of not-yet-validated data, with their paths. Cross-file
 * checks read raw data this way so that one bad entry does not hide problems elsewhere.
 */
export function rawEntries(
  data: Record<string, unknown>,
  listField: string,
): { path: FieldPath; entry: Record<string, unknown> }[] {
  const list = data[listField];
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry, index) =>
    isRecord(entry) ? [{ path: [listField, index] as FieldPath, entry }] : [],
  );
}

/** The strings in a list field of a raw entry, with their paths. */
export function rawStrings(
  entry: Record<string, unknown>,
  entryPath: FieldPath,
  field: string,
): { path: FieldPath; value: string }[] {
  const list = entry[field];
  if (!Array.isArray(list)) return [];
  return list.flatMap((value, index) =>
    typeof value === 'string' ? [{ path: [...entryPath, field, index], value }] : [],
  );
}
