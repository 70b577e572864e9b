import { type Document, isAlias, isMap, isScalar, isSeq, type LineCounter, type Node } from 'yaml';
import type { FieldPath } from './field-path.ts';

/**
 * The 1-based line of the YAML node at a path. Where the path goes further than the
 * document (a missing field), the line of the deepest node that exists: the mapping
 * that should have held the field.
 */
export function lineAt(doc: Document, lines: LineCounter, fieldPath: FieldPath): number {
  const offset = walk(doc, fieldPath).offset;
  return offset === undefined ? 1 : lines.linePos(offset).line;
}

/** The source text of the scalar at a path, as written (e.g. `2019`, not 2019). */
export function sourceAt(doc: Document, fieldPath: FieldPath): string | undefined {
  const { node, complete } = walk(doc, fieldPath);
  return complete && isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
}

/** Follows a path through mappings and lists, as far as it goes. */
function walk(doc: Document, fieldPath: FieldPath) {
  let node: unknown = doc.contents;
  let offset = offsetOf(node);
  for (const segment of fieldPath) {
    if (isAlias(node)) node = node.resolve(doc);
    const step = childOf(node, segment);
    if (step === undefined) return { node, offset, complete: false };
    offset = offsetOf(step.at) ?? offset;
    node = step.node;
  }
  return { node, offset, complete: true };
}

/** The child node, and the node whose line names it (the key, for a mapping entry). */
function childOf(
  node: unknown,
  segment: string | number,
): { node: unknown; at: unknown } | undefined {
  if (isMap(node)) {
    const pair = node.items.find(
      (item) => isScalar(item.key) && String(item.key.value) === String(segment),
    );
    return pair && { node: pair.value, at: pair.key };
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment];
    return item === undefined ? undefined : { node: item, at: item };
  }
  return undefined;
}

function offsetOf(node: unknown): number | undefined {
  return (node as Node | null | undefined)?.range?.[0];
}
