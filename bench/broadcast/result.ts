/** The numbers of a run: per platform and for the whole broadcast, against the floor. */
import type { PublishResult } from '../../src/core/index.ts';
import type { BroadcastRun } from './broadcast.ts';
import type { Floors } from './floor.ts';
import type { PostTally } from './tally.ts';

export interface PlatformResult {
  platform: 'slack' | 'teams';
  channels: number;
  /** posts the fake accepted */
  posts: number;
  /** requests the fake refused with 429 */
  rate_limited: number;
  /** from `publish` to the fake's last accepted post */
  time_s: number;
  floor_s: number;
  /** time over floor; null when the floor is 0 */
  ratio: number | null;
  posts_per_s: number;
  /** every channel got exactly one post, the announcement, and no other channel got any */
  exactly_once: boolean;
}

export interface BroadcastResult {
  channels: number;
  replicas: number;
  /** from `publish` until it returned */
  time_s: number;
  floor_s: number;
  ratio: number | null;
  rate_limited: number;
  exactly_once: boolean;
  /** what `publish` said, summed over replicas */
  published: { sent: number; already: number; pending: number; gone: number; failed: number };
  peak_rss_mb: number | null;
  /** the runners' warnings and errors, by message (e.g. "warn: delivery will be retried (ratelimited)") */
  log: Record<string, number>;
  platforms: PlatformResult[];
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const ratioOf = (time: number, floor: number) => (floor > 0 ? round(time / floor) : null);

function exactlyOnce(tally: PostTally, channels: readonly string[]): boolean {
  return (
    tally.unexpected === 0 &&
    tally.byChannel.size === channels.length &&
    channels.every((c) => tally.byChannel.get(c) === 1)
  );
}

function platformResult(
  platform: PlatformResult['platform'],
  tally: PostTally,
  channels: readonly string[],
  floorMs: number,
  startedAt: number,
): PlatformResult {
  const ms = tally.lastAt === undefined ? 0 : tally.lastAt - startedAt;
  return {
    platform,
    channels: channels.length,
    posts: tally.accepted,
    rate_limited: tally.rateLimited,
    time_s: round(ms / 1000),
    floor_s: round(floorMs / 1000),
    ratio: ratioOf(ms, floorMs),
    posts_per_s: ms > 0 ? round((tally.accepted * 1000) / ms, 1) : 0,
    exactly_once: exactlyOnce(tally, channels),
  };
}

function summed(results: readonly PublishResult[]): BroadcastResult['published'] {
  const sum = (f: (r: PublishResult) => number) => results.reduce((n, r) => n + f(r), 0);
  return {
    sent: sum((r) => r.sent),
    already: sum((r) => r.already),
    pending: sum((r) => r.pending),
    gone: sum((r) => r.gone.length),
    failed: sum((r) => r.failed.length),
  };
}

export function broadcastResult(
  run: BroadcastRun,
  floors: Floors,
  peakRssMb: number | null,
): BroadcastResult {
  const platforms = [
    platformResult('slack', run.slack.tally, run.channels.slack, floors.slackMs, run.startedAt),
    platformResult('teams', run.teams.tally, run.channels.teams, floors.teamsMs, run.startedAt),
  ].filter((p) => p.channels > 0);
  const published = summed(run.results);
  const channels = run.channels.slack.length + run.channels.teams.length;
  return {
    channels,
    replicas: run.results.length,
    time_s: round(run.elapsedMs / 1000),
    floor_s: round(floors.broadcastMs / 1000),
    ratio: ratioOf(run.elapsedMs, floors.broadcastMs),
    rate_limited: platforms.reduce((n, p) => n + p.rate_limited, 0),
    exactly_once:
      platforms.every((p) => p.exactly_once) &&
      published.sent === channels &&
      published.failed === 0,
    published,
    peak_rss_mb: peakRssMb,
    log: Object.fromEntries(run.logger.counts),
    platforms,
  };
}
