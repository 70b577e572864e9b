/** What a fake platform saw: posts accepted per channel, and requests refused with 429. */
export interface PostTally {
  accepted: number;
  rateLimited: number;
  /** accepted posts per Slack channel or Teams conversation */
  byChannel: Map<string, number>;
  /** accepted posts that were not the announcement the run expects */
  unexpected: number;
  /** performance.now() of the last accepted post */
  lastAt: number | undefined;
}

export function emptyTally(): PostTally {
  return { accepted: 0, rateLimited: 0, byChannel: new Map(), unexpected: 0, lastAt: undefined };
}

export function countAccepted(tally: PostTally, channel: string, expected: boolean): void {
  tally.accepted += 1;
  tally.byChannel.set(channel, (tally.byChannel.get(channel) ?? 0) + 1);
  if (!expected) tally.unexpected += 1;
  tally.lastAt = performance.now();
}
