import { describe, expect, it } from 'vitest';
import { median, type Row, reportText, summarize } from '../../bench/http/report.ts';

function run(round: number, server: Row['server'], requests_per_s: number, p99_ms: number): Row {
  return {
    round,
    scenario: 'teams message',
    server,
    requests_per_s,
    p50_ms: 10,
    p99_ms,
    errors: 0,
    non_2xx: 0,
  };
}

describe('bench:http report', () => {
  it('takes the median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('compares each round’s bot with the floor of the same round, and judges the medians', () => {
    const rows = [
      run(1, 'lessons-bot', 1000, 80),
      run(1, 'floor', 4000, 20),
      run(2, 'lessons-bot', 2000, 40),
      run(2, 'floor', 5000, 20),
      run(3, 'lessons-bot', 2500, 45),
      run(3, 'floor', 5000, 20),
    ];
    const [teams] = summarize(rows);
    expect(teams).toEqual({
      scenario: 'teams message',
      p99_ms: [80, 40, 45],
      median_p99_ms: 45,
      floor_ratio: [4, 2.5, 2],
      median_floor_ratio: 2.5,
      p99_met: true,
      ratio_met: true,
    });
    const text = reportText(rows, summarize(rows), 512);
    expect(text).toContain('median p99 45 ms [80, 40, 45] (target < 50 ms: met)');
    expect(text).toContain('median floor/bot throughput 2.5× [4, 2.5, 2] (target ≤ 3×: met)');
    expect(text).toContain('peak RSS: 512 MB');
  });

  it('judges only a run at the targets’ 100 connections', () => {
    const rows = [run(1, 'lessons-bot', 1000, 1), run(1, 'floor', 5000, 1)];
    const text = reportText(rows, summarize(rows), null, 1);
    expect(text).not.toMatch(/met|missed/);
    expect(text).toContain('the targets are for 100 connections');
  });

  it('says missed when the median misses', () => {
    const [teams] = summarize([run(1, 'lessons-bot', 1000, 90), run(1, 'floor', 3500, 30)]);
    expect(teams).toMatchObject({ p99_met: false, ratio_met: false, median_floor_ratio: 3.5 });
  });
});
