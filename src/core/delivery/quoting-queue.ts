import type { Delivery } from '../model/index.ts';

/** A follow-up or reminder that will fall due: of which lesson's post, and when. */
export interface QuotingCandidate {
  kind: 'follow_up' | 'reminder';
  original: Delivery;
  due: number;
}

/**
 * What a runner knows of the follow-ups and reminders to come, so that a tick reads only
 * the lessons posted since the last one: the posted lessons are read once each (when
 * they are old enough to be followed up or reminded of) and queued by when that falls due.
 */
export interface QuotingQueue {
  /** lessons due up to here have been read; undefined before the first tick */
  readUntil: number | undefined;
  /** by due, earliest first */
  waiting: QuotingCandidate[];
}

export function quotingQueue(): QuotingQueue {
  return { readUntil: undefined, waiting: [] };
}
