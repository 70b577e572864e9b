/**
 * Answers to recent questions, kept per search index, so that a question many people ask
 * (say, "lessons on chronologies" on the morning a briefing goes out) is searched once.
 * A reload builds a new index, so a kept answer never outlives its corpus. An answer is the
 * same Reply object each time: renderers may keep what they made of it (they are pure), and
 * nothing may change it. Answers to questions with case details in them are never kept.
 */
import { LRUCache } from 'lru-cache';
import type { Reply } from '../model/index.ts';
import type { SearchIndex } from '../search/index.ts';
import type { CommandDeps } from './deps.ts';

/** At most about 20 MB with their renderings (docs/search.md): a few hundred questions cover a busy week. */
export const MAX_RECENT_ANSWERS = 500;

const byIndex = new WeakMap<SearchIndex, LRUCache<string, Reply>>();

function answersOf(search: SearchIndex): LRUCache<string, Reply> {
  let answers = byIndex.get(search);
  if (!answers) {
    answers = new LRUCache({ max: MAX_RECENT_ANSWERS });
    byIndex.set(search, answers);
  }
  return answers;
}

function keepable(reply: Reply): boolean {
  if (reply.kind !== 'results' && reply.kind !== 'no-results') return false;
  return !reply.notices.some((notice) => notice.kind === 'privacy');
}

/** The kept answer to this page of this question, or `search()`'s, kept for next time. */
export function recentAnswer(
  deps: CommandDeps,
  question: { query: string; offset: number },
  search: () => Reply,
): Reply {
  const answers = answersOf(deps.search);
  const key = `${deps.pageSize}\u0000${question.offset}\u0000${question.query}`;
  const kept = answers.get(key);
  if (kept) return kept;
  const reply = search();
  if (keepable(reply)) answers.set(key, reply);
  return reply;
}

/**
 * A pure renderer that renders a kept answer once per variant (a slash command's name,
 * interactive or not) and hands out the same result after: callers must not change it.
 */
export function renderOnce<T>(
  render: (reply: Reply, variant: string) => T,
): (reply: Reply, variant: string) => T {
  const made = new WeakMap<Reply, Map<string, T>>();
  return (reply, variant) => {
    const variants = made.get(reply) ?? new Map<string, T>();
    const kept = variants.get(variant);
    if (kept !== undefined) return kept;
    const result = render(reply, variant);
    variants.set(variant, result);
    made.set(reply, variants);
    return result;
  };
}
