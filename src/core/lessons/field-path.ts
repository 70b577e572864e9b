/** A position inside a parsed file: keys of mappings and indexes of lists. */
export type FieldPath = readonly (string | number)[];

/** `['lessons', 2, 'themes', 0]` → `lessons[2].themes[0]` */
export function formatFieldPath(fieldPath: FieldPath): string {
  let out = '';
  for (const segment of fieldPath) {
    if (typeof segment === 'number') out += `[${segment}]`;
    // Keys written by hand can hold anything, a line break included: quote the odd ones.
    else if (!/^[\w-]+$/.test(segment)) out += `[${quote(segment)}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

/** Zod paths may hold symbols in theory; ours never do, but keep the type honest. */
export function toFieldPath(zodPath: readonly PropertyKey[]): FieldPath {
  return zodPath.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
}

/** The plain value at a path in data produced by YAML's toJS, or undefined. */
export function valueAt(data: unknown, fieldPath: FieldPath): unknown {
  let value = data;
  for (const segment of fieldPath) {
    if (Array.isArray(value) && typeof segment === 'number') value = value[segment];
    else if (isRecord(value) && typeof segment === 'string' && Object.hasOwn(value, segment))
      value = value[segment];
    else return undefined;
  }
  return value;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Plain words for what a YAML value is, as a practitioner would see it. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number' || typeof value === 'bigint') return 'a number';
  if (typeof value === 'boolean') return `${value}`;
  if (Array.isArray(value)) return 'a list';
  return 'a mapping (fields with "name: value")';
}

/**
 * A value quoted for a message: one line, escaped as JSON, and cut short, so that one
 * bad field cannot flood the output nor a problem line carry more than an excerpt.
 */
export function quote(value: unknown, max = 40): string {
  const text = typeof value === 'string' ? value : toText(value);
  const oneLine = text.replace(/\s+/g, ' ');
  return JSON.stringify(oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine);
}

/** JSON for a message; YAML aliases can make data circular, which JSON cannot show. */
function toText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? describeValue(value);
  } catch {
    return describeValue(value);
  }
}
