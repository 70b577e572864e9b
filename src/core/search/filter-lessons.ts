import type { IndexedCorpus } from './build-index.ts';
import { type Facet, membersOf } from './facets.ts';
import type { ResolvedFilters } from './resolve-filters.ts';

/**
 * Which lessons pass the filters (1 = passes), or null when there are none.
 * Values of one filter are alternatives; different filters must all hold.
 */
export function filterLessons(index: IndexedCorpus, filters: ResolvedFilters): Uint8Array | null {
  const lists: Int32Array[][] = [];
  const { theme, agency, review } = index.facets;
  if (filters.theme) lists.push(members(filters.theme, index.themePosition, theme));
  if (filters.agency) lists.push(members(filters.agency, index.agencyPosition, agency));
  if (filters.review) lists.push(members(filters.review, index.reviewPosition, review));
  if (lists.length === 0 && filters.since === undefined) return null;
  const n = index.corpus.lessons.length;
  const passed = new Uint8Array(n);
  const stamp = new Uint8Array(n);
  lists.forEach((values, k) => {
    for (const lessons of values) {
      for (let i = 0; i < lessons.length; i++) {
        const lesson = lessons[i] ?? 0;
        // Count each filter once per lesson, even when two of its values match.
        if (stamp[lesson] === k + 1) continue;
        stamp[lesson] = k + 1;
        passed[lesson] = (passed[lesson] ?? 0) + 1;
      }
    }
  });
  const needed = lists.length;
  const since = filters.since;
  for (let lesson = 0; lesson < n; lesson++) {
    const ok =
      passed[lesson] === needed &&
      (since === undefined || (index.lessonYear[lesson] ?? 0) >= since);
    passed[lesson] = ok ? 1 : 0;
  }
  return passed;
}

function members(
  ids: readonly string[],
  position: ReadonlyMap<string, number>,
  facet: Facet,
): Int32Array[] {
  return ids.flatMap((id) => {
    const p = position.get(id);
    return p === undefined ? [] : [membersOf(facet, p)];
  });
}
