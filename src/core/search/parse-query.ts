import { stripFiller } from './strip-filler.ts';

/** Questions are cut at this length: a few words work best, and search cost stays bounded. */
export const MAX_QUERY_LENGTH = 500;

export type FilterKey = 'theme' | 'review' | 'agency' | 'since';

/** A filter as written in the question, before it is checked against the corpus. */
export interface RawFilter {
  key: FilterKey;
  value: string;
}

export interface ParsedQuery {
  /** the topic: the question without its filters and the request around it */
  text: string;
  filters: RawFilter[];
  /** the question was longer than {@link MAX_QUERY_LENGTH} and was cut */
  truncated: boolean;
}

const KEYS: Readonly<Record<string, FilterKey>> = {
  theme: 'theme',
  themes: 'theme',
  review: 'review',
  reviews: 'review',
  agency: 'agency',
  agencies: 'agency',
  since: 'since',
};

// `theme:chronologies`, `Theme: "domestic abuse"`, `agency:police,health`.
const FILTER =
  /(?<=^|[\s,;(])(themes?|reviews?|agency|agencies|since)\s*:\s*(?:"([^"]*)"|'([^']*)'|“([^”]*)”|([^\s"“]+))/giu;

/**
 * Reads a question: its filters (`theme:`, `review:`, `agency:`, `since:`, several
 * allowed, values separated by commas or repeated) and its topic, with the request
 * around it ("what do reviews say about …?") removed.
 *
 * @example parseQuery('lessons on escalation theme:supervision since:2015')
 * // → { text: 'escalation', filters: [{ key: 'theme', value: 'supervision' },
 * //      { key: 'since', value: '2015' }], truncated: false }
 */
export function parseQuery(query: string): ParsedQuery {
  const truncated = query.length > MAX_QUERY_LENGTH;
  const input = truncated ? query.slice(0, MAX_QUERY_LENGTH) : query;
  const filters: RawFilter[] = [];
  const rest = input.replace(FILTER, (_all, name: string, ...values: (string | undefined)[]) => {
    const key = KEYS[name.toLowerCase()];
    const value = values.slice(0, 4).find((v) => v !== undefined) ?? '';
    if (key === undefined) return ' ';
    for (const one of value.split(',')) {
      const trimmed = one.trim();
      if (trimmed !== '') filters.push({ key, value: trimmed });
    }
    return ' ';
  });
  return { text: stripFiller(rest.replace(/\s+/g, ' ')), filters, truncated };
}
