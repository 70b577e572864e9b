import {
  type Accumulator,
  accumulate,
  clearAccumulator,
  createAccumulator,
} from './accumulator.ts';
import type { IndexedCorpus } from './build-index.ts';
import type { QueryPlan } from './query-plan.ts';
import { type PreparedGroup, prepareGroups, probeGroup, scanGroup } from './score-groups.ts';
import { selectTop } from './select-top.ts';

/** Fewer lessons than this matching every part of a question, and partial matches join them. */
export const MIN_ALL_MATCHES = 3;

/** A probe (binary searches in each field) costs about this many steps of a posting scan. */
const PROBE_COST = 24;

/** Buffers sized to the corpus, reused by every query on one index (search is synchronous). */
export interface Scratch {
  total: Accumulator;
  group: Accumulator;
  alternative: Accumulator;
  strong: Uint8Array;
  tagged: Uint8Array;
  alive: Uint8Array;
  aliveList: Int32Array;
  final: Float64Array;
  candidates: Int32Array;
}

export function createScratch(lessons: number): Scratch {
  return {
    total: createAccumulator(lessons),
    group: createAccumulator(lessons),
    alternative: createAccumulator(lessons),
    strong: new Uint8Array(lessons),
    tagged: new Uint8Array(lessons),
    alive: new Uint8Array(lessons),
    aliveList: new Int32Array(lessons),
    final: new Float64Array(lessons),
    candidates: new Int32Array(lessons),
  };
}

export interface Matches {
  /** lesson positions, best first: the first `window` of them */
  lessons: number[];
  scores: number[];
  total: number;
}

interface Run {
  index: IndexedCorpus;
  scratch: Scratch;
  groups: readonly PreparedGroup[];
  namedThemes: readonly number[];
  allowed: Uint8Array | null;
}

/**
 * Finds and ranks the lessons for a plan, best `window` first. Lessons must match every
 * group; if fewer than {@link MIN_ALL_MATCHES} do, lessons matching at least half of the
 * groups (one of them not a very common word) join, ranked lower. The rarest groups are
 * scanned and the others only checked against the lessons found, so a broad word costs
 * little next to a rare one. `allowed` (1 = passes the filters) is null without filters.
 */
export function runQuery(
  index: IndexedCorpus,
  scratch: Scratch,
  plan: QueryPlan,
  allowed: Uint8Array | null,
  window: number,
): Matches {
  if (plan.groups.length === 0) return browse(index, scratch, allowed, window);
  const run: Run = {
    index,
    scratch,
    groups: prepareGroups(index, plan.groups),
    namedThemes: plan.namedThemes,
    allowed,
  };
  const all = run.groups.length;
  try {
    let { count, full } = evaluate(run, all);
    if (full < MIN_ALL_MATCHES && all > 1) {
      clearAll(scratch);
      ({ count } = evaluate(run, Math.ceil(all / 2)));
    }
    const lessons = selectTop(scratch.candidates, count, scratch.final, index.tieRank, window);
    return { lessons, scores: lessons.map((l) => scratch.final[l] ?? 0), total: count };
  } finally {
    clearAll(scratch);
  }
}

/** Scores lessons matching at least `needed` groups into the scratch's candidates. */
function evaluate(run: Run, needed: number): { count: number; full: number } {
  const { groups, scratch } = run;
  // A lesson matching `needed` of the groups must match one of the rarest (n - needed + 1).
  const scanned = groups.length - needed + 1;
  for (let g = 0; g < scanned; g++) {
    const group = groups[g] as PreparedGroup;
    scanGroup(run.index, group, scratch.group, scratch.alternative);
    merge(scratch, group, g);
  }
  for (let g = scanned; g < groups.length; g++) {
    const alive = keepAlive(scratch, needed - (groups.length - g));
    const group = groups[g] as PreparedGroup;
    if (alive * group.probeWork * PROBE_COST < group.estimate) {
      probeInto(run, group, g, alive);
    } else {
      scanGroup(run.index, group, scratch.group, scratch.alternative, scratch.alive);
      merge(scratch, group, g);
    }
  }
  markNamedThemes(run);
  return chooseCandidates(run, needed);
}

/** Marks lessons that can still reach the needed number of groups; returns how many. */
function keepAlive(scratch: Scratch, minimumSoFar: number): number {
  const { total, alive, aliveList } = scratch;
  let count = 0;
  for (let i = 0; i < total.size; i++) {
    const lesson = total.list[i] ?? 0;
    const ok = (total.hits[lesson] ?? 0) >= minimumSoFar;
    alive[lesson] = ok ? 1 : 0;
    if (ok) aliveList[count++] = lesson;
  }
  return count;
}

function probeInto(run: Run, group: PreparedGroup, g: number, alive: number): void {
  const { scratch } = run;
  for (let i = 0; i < alive; i++) {
    const lesson = scratch.aliveList[i] ?? 0;
    const score = probeGroup(run.index, group, lesson);
    if (score > 0) addGroupMatch(scratch, group, g, lesson, score);
  }
}

function merge(scratch: Scratch, group: PreparedGroup, g: number): void {
  const acc = scratch.group;
  for (let i = 0; i < acc.size; i++) {
    const lesson = acc.list[i] ?? 0;
    addGroupMatch(scratch, group, g, lesson, acc.score[lesson] ?? 0);
  }
  clearAccumulator(acc);
}

function addGroupMatch(
  scratch: Scratch,
  group: PreparedGroup,
  g: number,
  lesson: number,
  score: number,
): void {
  // Group serials are negative, apart from term serials and the cleared stamp (-1).
  accumulate(scratch.total, lesson, score, -2 - g);
  if (group.strong) scratch.strong[lesson] = (scratch.strong[lesson] ?? 0) + 1;
}

function markNamedThemes({ index, scratch, namedThemes }: Run): void {
  const { seen } = scratch.total;
  const { memberStart, memberList } = index.facets.theme;
  for (const theme of namedThemes) {
    const end = memberStart[theme + 1] ?? 0;
    for (let i = memberStart[theme] ?? 0; i < end; i++) {
      const lesson = memberList[i] ?? 0;
      if (seen[lesson] === 1) scratch.tagged[lesson] = (scratch.tagged[lesson] ?? 0) + 1;
    }
  }
}

/** Fills `candidates` with lessons matching `needed` groups, and their final scores. */
function chooseCandidates(run: Run, needed: number): { count: number; full: number } {
  const { total, strong, tagged, final, candidates } = run.scratch;
  const { allowed, groups } = run;
  const all = groups.length;
  const anyStrong = groups.some((g) => g.strong);
  let count = 0;
  let full = 0;
  let best = 0;
  for (let i = 0; i < total.size; i++) {
    const lesson = total.list[i] ?? 0;
    const hits = total.hits[lesson] ?? 0;
    if (hits < needed) continue;
    if (allowed !== null && allowed[lesson] !== 1) continue;
    if (anyStrong && strong[lesson] === 0) continue;
    if (hits === all) full++;
    candidates[count++] = lesson;
    best = Math.max(best, total.score[lesson] ?? 0);
  }
  // A lesson tagged with a theme the question names outranks any that is not, among
  // lessons matching as many parts of the question.
  const bonus = best + 1;
  for (let i = 0; i < count; i++) {
    const lesson = candidates[i] ?? 0;
    const coverage = (total.hits[lesson] ?? 0) / all;
    const score = (total.score[lesson] ?? 0) + (tagged[lesson] ?? 0) * bonus;
    final[lesson] = coverage * coverage * score;
  }
  return { count, full };
}

function browse(
  index: IndexedCorpus,
  scratch: Scratch,
  allowed: Uint8Array | null,
  window: number,
): Matches {
  if (allowed === null) return { lessons: [], scores: [], total: 0 };
  let count = 0;
  for (let lesson = 0; lesson < allowed.length; lesson++) {
    if (allowed[lesson] === 1) scratch.candidates[count++] = lesson;
  }
  // Nothing was searched for, so every score is 0 and the order is newest review first.
  const lessons = selectTop(scratch.candidates, count, scratch.final, index.tieRank, window);
  return { lessons, scores: lessons.map(() => 0), total: count };
}

function clearAll(scratch: Scratch): void {
  const { total, strong, tagged, final, alive } = scratch;
  for (let i = 0; i < total.size; i++) {
    const lesson = total.list[i] ?? 0;
    strong[lesson] = 0;
    tagged[lesson] = 0;
    final[lesson] = 0;
    alive[lesson] = 0;
  }
  clearAccumulator(total);
  clearAccumulator(scratch.group);
  clearAccumulator(scratch.alternative);
}
