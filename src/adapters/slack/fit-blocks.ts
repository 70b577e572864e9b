/**
 * Keeps a message inside Slack's block count and total size, whatever the input: the
 * head (title, notices) and tail (next actions) always stay; body groups (one per
 * lesson, theme or review) are added in order while they fit, and a line says how many
 * were left out.
 */
import { type Block, context } from './blocks.ts';

export interface BlockParts {
  head: Block[];
  body: Block[][];
  /** built once the number of body groups shown is known (e.g. "1–3 of 12", the next offset) */
  tail?: (shown: number) => Block[];
}

export interface FitLimits {
  maxBlocks: number;
  maxJson: number;
}

export interface Fitted {
  blocks: Block[];
  /** body groups shown, from the start */
  shown: number;
}

export function jsonSize(blocks: readonly Block[]): number {
  return JSON.stringify(blocks).length;
}

/** Room for the "not shown" line and for a tail that grows by a digit or two. */
const RESERVE_BLOCKS = 1;
const RESERVE_JSON = 300;

/** Block lists fitBlocks returned, with their limits, so that a later check can trust them. */
const fittedLists = new WeakMap<readonly Block[], FitLimits>();

/** Whether fitBlocks returned this very list, within limits at least as strict as `limits`. */
export function wasFitted(blocks: readonly Block[], limits: FitLimits): boolean {
  const within = fittedLists.get(blocks);
  return (
    within !== undefined && within.maxBlocks <= limits.maxBlocks && within.maxJson <= limits.maxJson
  );
}

export function fitBlocks(parts: BlockParts, limits: FitLimits, noun = 'more'): Fitted {
  const fitted = fitParts(parts, limits, noun);
  fittedLists.set(fitted.blocks, limits);
  return fitted;
}

function fitParts(parts: BlockParts, limits: FitLimits, noun: string): Fitted {
  const maxBlocks = limits.maxBlocks - RESERVE_BLOCKS;
  const maxJson = limits.maxJson - RESERVE_JSON;
  const tailFor = (shown: number) => shrink(parts.tail?.(shown) ?? [], maxBlocks, maxJson);
  // The tail for "everything shown" has the largest numbers in it, so it is the one to reserve room for.
  const widest = tailFor(parts.body.length);
  // Almost every message fits whole: one measurement, not one a group.
  const whole = [...parts.head, ...parts.body.flat(), ...widest];
  if (whole.length <= maxBlocks && jsonSize(whole) <= maxJson) {
    return { blocks: whole, shown: parts.body.length };
  }
  const head = shrink(parts.head, maxBlocks - widest.length, maxJson - jsonSize(widest));
  const blocks = [...head];
  let used = jsonSize(head) + jsonSize(widest);
  let shown = 0;
  for (const group of parts.body) {
    const extra = jsonSize(group);
    if (blocks.length + group.length + widest.length > maxBlocks || used + extra > maxJson) break;
    blocks.push(...group);
    used += extra;
    shown += 1;
  }
  const left = parts.body.length - shown;
  if (left > 0) blocks.push(context(`${left} ${noun} not shown here.`));
  return { blocks: [...blocks, ...tailFor(shown)], shown };
}

/** Drops blocks from the end until the list fits: only hostile input ever gets here. */
function shrink(blocks: readonly Block[], maxBlocks: number, maxJson: number): Block[] {
  const kept = blocks.slice(0, Math.max(0, maxBlocks));
  while (kept.length > 0 && jsonSize(kept) > maxJson) kept.pop();
  return kept;
}
