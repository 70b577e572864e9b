import { describe, expect, it } from 'vitest';
import { runInLanes, runPool } from './run-pool.ts';

/** Work that records how many items of each lane were in flight at once, at most. */
function peakTracker() {
  const now = new Map<string, number>();
  const peak = new Map<string, number>();
  const done: string[] = [];
  const work = async (item: string) => {
    const lane = item.split(':')[0] as string;
    now.set(lane, (now.get(lane) ?? 0) + 1);
    peak.set(lane, Math.max(peak.get(lane) ?? 0, now.get(lane) as number));
    await new Promise((resolve) => setTimeout(resolve, 1));
    now.set(lane, (now.get(lane) ?? 0) - 1);
    done.push(item);
  };
  return { peak, done, work };
}

const items = (lane: string, n: number) => Array.from({ length: n }, (_, i) => `${lane}:${i}`);

describe('runPool', () => {
  it('does every item, never more than the concurrency at once', async () => {
    const t = peakTracker();
    await runPool(items('a', 10), 3, t.work);
    expect(t.done.sort()).toEqual(items('a', 10).sort());
    expect(t.peak.get('a')).toBe(3);
  });

  it('does nothing for no items', async () => {
    const t = peakTracker();
    await runPool([], 4, t.work);
    expect(t.done).toEqual([]);
  });
});

describe('runInLanes', () => {
  it('gives each lane the concurrency its items ask for, all lanes at once', async () => {
    const t = peakTracker();
    const all = [...items('slack', 12), ...items('teams', 30)];
    await runInLanes(
      all,
      (item) => item.split(':')[0] as string,
      (item) => (item.startsWith('teams') ? 12 : 4),
      t.work,
    );
    expect(t.done).toHaveLength(42);
    expect(t.peak.get('slack')).toBe(4);
    expect(t.peak.get('teams')).toBe(12);
  });
});
