import { describe, expect, it } from 'vitest';
import { virtualTime } from '../../../test/helpers/delivery-clock.ts';
import type { Target } from '../model/index.ts';
import { createPacer, DEFAULT_PACING, type PacingLimits } from './pacer.ts';

const slack = (channel: string, workspace = 'T1'): Target => ({
  platform: 'slack',
  workspace,
  channel,
});
const teams = (channel: string, tenant = 'tenant-1'): Target => ({
  platform: 'teams',
  workspace: tenant,
  channel,
});

/** Acquires for each target in turn and returns the virtual time of each grant, in ms from start. */
async function grants(limits: PacingLimits, targets: Target[]): Promise<number[]> {
  const time = virtualTime('2026-01-05T09:00:00Z');
  const start = time.clock().getTime();
  const pacer = createPacer({ limits, clock: time.clock, sleep: time.sleep });
  const at: number[] = [];
  for (const target of targets) {
    await pacer.acquire(target);
    at.push(time.clock().getTime() - start);
  }
  return at;
}

/** The most grants in any window of `ms` ending at a grant: (t - ms, t]. */
function mostInAnyWindow(at: readonly number[], ms: number): number {
  let most = 0;
  let first = 0;
  for (let last = 0; last < at.length; last++) {
    while ((at[first] as number) <= (at[last] as number) - ms) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

describe('createPacer', () => {
  it('spaces posts to one Slack channel a second apart', async () => {
    const at = await grants(DEFAULT_PACING, [slack('C1'), slack('C1'), slack('C1')]);
    expect(at).toEqual([0, 1000, 2000]);
  });

  it('lets a burst through to a workspace, then keeps to its rate (270 a minute)', async () => {
    const channels = Array.from({ length: 12 }, (_, i) => slack(`C${i}`));
    const at = await grants(DEFAULT_PACING, channels);
    expect(at.slice(0, 10)).toEqual(Array(10).fill(0));
    expect(at[10]).toBe(223);
    expect(at[11]).toBe(445);
  });

  it('keeps within the platforms’ documented limits, with room to spare', async () => {
    const workspace = await grants(
      DEFAULT_PACING,
      Array.from({ length: 600 }, (_, i) => slack(`C${i}`)),
    );
    // Slack: "several hundred messages per minute" per workspace, read as 300.
    expect(mostInAnyWindow(workspace, 60_000)).toBeLessThanOrEqual(280);
    const tenant = await grants(
      DEFAULT_PACING,
      Array.from({ length: 200 }, (_, i) => teams(`19:${i}`)),
    );
    // Teams: 50 requests a second per app per tenant.
    expect(mostInAnyWindow(tenant, 1_000)).toBeLessThanOrEqual(45);
    const conversation = await grants(
      DEFAULT_PACING,
      Array.from({ length: 2_000 }, () => teams('19:a')),
    );
    // Teams, per bot per conversation: 7 in 1 s, 8 in 2 s, 60 in 30 s, 1,800 in an hour.
    for (const [max, ms] of [
      [7, 1_000],
      [8, 2_000],
      [60, 30_000],
      [1_800, 3_600_000],
    ] as const) {
      expect(mostInAnyWindow(conversation, ms)).toBeLessThanOrEqual(max);
    }
  });

  it('keeps workspaces and platforms apart', async () => {
    const limits: PacingLimits = {
      ...DEFAULT_PACING,
      slack: { ...DEFAULT_PACING.slack, workspace: { limit: 1, perMs: 1000, burst: 1 } },
    };
    const at = await grants(limits, [
      slack('C1', 'T1'),
      slack('C1', 'T2'),
      teams('19:a'),
      slack('C2', 'T1'),
    ]);
    expect(at).toEqual([0, 0, 0, 1000]);
  });

  it('holds a workspace for as long as a Retry-After says', async () => {
    const time = virtualTime('2026-01-05T09:00:00Z');
    const start = time.clock().getTime();
    const pacer = createPacer({ clock: time.clock, sleep: time.sleep });
    await pacer.acquire(slack('C1'));
    pacer.pause(slack('C1'), 30_000);
    await pacer.acquire(slack('C2'));
    expect(time.clock().getTime() - start).toBe(30_000);
    await pacer.acquire(teams('19:a'));
    expect(time.clock().getTime() - start).toBe(30_000);
  });

  it('serves concurrent waiters within the limits', async () => {
    const time = virtualTime('2026-01-05T09:00:00Z');
    const start = time.clock().getTime();
    const limits: PacingLimits = {
      ...DEFAULT_PACING,
      teams: {
        channel: DEFAULT_PACING.teams.channel,
        workspace: { limit: 2, perMs: 1000, burst: 2 },
      },
    };
    const pacer = createPacer({ limits, clock: time.clock, sleep: time.sleep });
    const at: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        await pacer.acquire(teams(`19:${i}`));
        at.push(time.clock().getTime() - start);
      }),
    );
    at.sort((a, b) => a - b);
    expect(at).toEqual([0, 0, 500, 1000, 1500, 2000]);
  });
});
