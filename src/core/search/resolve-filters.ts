import { distance } from 'fastest-levenshtein';
import type { Corpus } from '../lessons/index.ts';
import type { FilterKey, RawFilter } from './parse-query.ts';

/** Filters checked against the corpus: ids only. */
export interface ResolvedFilters {
  theme?: string[];
  review?: string[];
  agency?: string[];
  since?: number;
  /** a filter named nothing in the corpus, so nothing can match */
  impossible: boolean;
  /** what the user should know: unknown values, corrections */
  problems: string[];
}

type Named = Pick<Corpus, 'themes' | 'agencies' | 'reviews'>;

interface Candidate {
  id: string;
  /** lower-case spellings that name it exactly */
  names: readonly string[];
}

const loose = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[-_\s]+/g, ' ')
    .trim();

function candidates(corpus: Named, key: Exclude<FilterKey, 'since'>): Candidate[] {
  if (key === 'theme') {
    return corpus.themes.map((t) => ({
      id: t.id,
      names: [t.id, t.label, ...t.synonyms].map(loose),
    }));
  }
  if (key === 'agency') {
    return corpus.agencies.map((a) => ({
      id: a.id,
      names: [a.id, a.label, ...a.synonyms].map(loose),
    }));
  }
  return corpus.reviews.map((r) => ({ id: r.id, names: [r.id, r.title, r.area].map(loose) }));
}

/** Exact names first (several reviews can share an area), then the closest likely typo. */
function match(value: string, options: readonly Candidate[]): { ids: string[]; exact: boolean } {
  const wanted = loose(value);
  const exact = options.filter((c) => c.names.includes(wanted)).map((c) => c.id);
  if (exact.length > 0) return { ids: exact, exact: true };
  let best: { id: string; d: number } | undefined;
  const allowed = Math.min(2, Math.max(1, Math.floor(wanted.length / 4)));
  for (const c of options) {
    for (const name of c.names) {
      if (Math.abs(name.length - wanted.length) > allowed) continue;
      const d = distance(wanted, name);
      if (d <= allowed && (best === undefined || d < best.d)) best = { id: c.id, d };
    }
  }
  return { ids: best ? [best.id] : [], exact: false };
}

const LIST_COMMAND: Readonly<Record<Exclude<FilterKey, 'since'>, string>> = {
  theme: 'send "themes" to see them all',
  review: 'send "reviews" to see them all',
  agency: 'agencies are named by id, e.g. agency:police',
};

function resolveSince(value: string, out: ResolvedFilters): void {
  const year = /^\d{4}$/.test(value) ? Number(value) : Number.NaN;
  if (year >= 1900 && year <= 2100) {
    out.since = Math.max(out.since ?? year, year);
    return;
  }
  out.impossible = true;
  out.problems.push(`"since:${value}" needs a year, e.g. since:2015.`);
}

/**
 * Checks each filter against the corpus. A value may be an id, a label or a close
 * misspelling of one (reported as a correction). Values of one filter are alternatives
 * (any of them); different filters must all hold. A filter that names nothing makes the
 * answer empty, with a problem saying why, rather than silently searching without it.
 */
export function resolveFilters(raw: readonly RawFilter[], corpus: Named): ResolvedFilters {
  return createFilterResolver(corpus)(raw);
}

/** {@link resolveFilters} for one corpus, with its name lists built once, on first use. */
export function createFilterResolver(
  corpus: Named,
): (raw: readonly RawFilter[]) => ResolvedFilters {
  const cache = new Map<string, Candidate[]>();
  return (raw) =>
    resolveWith(raw, (key) => {
      const known = cache.get(key);
      if (known !== undefined) return known;
      const built = candidates(corpus, key);
      cache.set(key, built);
      return built;
    });
}

function resolveWith(
  raw: readonly RawFilter[],
  candidatesFor: (key: Exclude<FilterKey, 'since'>) => Candidate[],
): ResolvedFilters {
  const out: ResolvedFilters = { impossible: false, problems: [] };
  for (const { key, value } of raw) {
    if (key === 'since') {
      resolveSince(value, out);
      continue;
    }
    const options = candidatesFor(key);
    const { ids, exact } = match(value, options);
    if (ids.length === 0) {
      out.problems.push(`No ${key} matches "${key}:${value}"; ${LIST_COMMAND[key]}.`);
      out[key] ??= [];
      continue;
    }
    if (!exact) out.problems.push(`Read "${key}:${value}" as ${key}:${ids.join(',')}.`);
    out[key] = [...new Set([...(out[key] ?? []), ...ids])];
  }
  for (const key of ['theme', 'review', 'agency'] as const) {
    if (out[key]?.length === 0) out.impossible = true;
  }
  return out;
}
