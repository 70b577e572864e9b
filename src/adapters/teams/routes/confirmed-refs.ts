/**
 * Conversations whose stored reference was confirmed lately, per store. A message in a
 * known conversation then costs no database read; the entry lapses after a while, so a
 * reference another replica forgot or changed is looked at again.
 */
const TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 10_000;

interface Confirmed {
  /** serviceUrl and tenant, the parts a proactive post needs */
  key: string;
  at: number;
}

const byStore = new WeakMap<object, Map<string, Confirmed>>();

function entriesOf(store: object): Map<string, Confirmed> {
  let entries = byStore.get(store);
  if (!entries) {
    entries = new Map();
    byStore.set(store, entries);
  }
  return entries;
}

export function isConfirmed(store: object, conversationId: string, key: string, now: number) {
  const entry = entriesOf(store).get(conversationId);
  return entry !== undefined && entry.key === key && now - entry.at < TTL_MS;
}

export function confirm(store: object, conversationId: string, key: string, now: number): void {
  const entries = entriesOf(store);
  entries.delete(conversationId);
  entries.set(conversationId, { key, at: now });
  // A Map keeps insertion order: the first entry is the one confirmed longest ago.
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
}

/** After a forget: every entry, since a team's conversations are not known here. */
export function unconfirmAll(store: object): void {
  byStore.get(store)?.clear();
}
