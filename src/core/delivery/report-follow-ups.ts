import type { FollowUpRecord } from '../model/index.ts';
import type { Store } from '../ports.ts';

/**
 * The teams' answers to "Has it made a difference?", for the evidence pack: the latest
 * answer per team and post. MERGE POINT: this branch's store has no follow-ups yet, so it
 * reads none and the report shows zeros. When the store can list them, map them here
 * (answer kinds "changed" | "partly" | "not-yet" | "decided-against", the optional
 * "what changed", when answered); nothing else in the report needs to change.
 */
export async function loadFollowUps(_store: Store): Promise<FollowUpRecord[]> {
  return [];
}
