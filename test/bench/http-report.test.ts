import { describe, expect, it } from 'vitest';
import { median, type Row, reportText, summarize } from '../../bench/http/report.ts';

function run(
  round: number,
  server: Row['server'],
  p99_ms: number,
  requests_per_s = 200,
  failures: Partial<Pick<Row, 'errors' | 'non_2xx'>> = {},
): Row {
  return {
    round,
    scenario: 'teams message',
    server,
    requests_per_s,
    p50_ms: 2,
    p99_ms,
    errors: failures.errors ?? 0,
    non_2xx: failures.non_2xx ?? 0,
  };
}

const TARGET_RUN = { rate: 200, seconds: 20 };

describe('bench:http report', () => {
  it('takes the median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('judges the bot’s median p99, its failures and the rate it held, beside the floor', () => {
    const rows = [
      run(1, 'bot', 120),
      run(1, 'floor', 3),
      run(2, 'bot', 40, 199),
      run(2, 'floor', 5),
      run(3, 'bot', 45),
      run(3, 'floor', 4),
    ];
    const [teams] = summarize(rows, 200);
    expect(teams).toEqual({
      scenario: 'teams message',
      p99_ms: [120, 40, 45],
      median_p99_ms: 45,
      floor_median_p99_ms: 4,
      min_requests_per_s: 199,
      errors: 0,
      non_2xx: 0,
      p99_met: true,
      rate_held: true,
    });
    const text = reportText(rows, summarize(rows, 200), 250, TARGET_RUN);
    expect(text).toContain('| 2 | teams message | bot | 199 | 2 | 40 | 0 | 0 |');
    expect(text).toContain('median p99 45 ms [120, 40, 45] (target < 100 ms: met); floor 4 ms');
    expect(text).toContain('0 errors, 0 non-2xx (target none: met)');
    expect(text).toContain('bot peak RSS: 250 MB (target < 300 MB: met)');
    expect(text).not.toContain('not held');
  });

  it('says missed for a slow median, any failure, a rate not held and too much memory', () => {
    const rows = [
      run(1, 'bot', 150, 150, { errors: 2 }),
      run(1, 'floor', 3),
      run(2, 'bot', 101, 200, { non_2xx: 1 }),
    ];
    const [teams] = summarize(rows, 200);
    expect(teams).toMatchObject({ p99_met: false, rate_held: false, errors: 2, non_2xx: 1 });
    const text = reportText(rows, [teams as never], 301, TARGET_RUN);
    expect(text).toContain('(target < 100 ms: missed)');
    expect(text).toContain('2 errors, 1 non-2xx (target none: missed)');
    expect(text).toContain('lowest rate 150 req/s of 200 (the rate was not held)');
    expect(text).toContain('(target < 300 MB: missed)');
  });

  it('judges only a run at the targets’ rate and length', () => {
    const rows = [run(1, 'bot', 1, 50), run(1, 'floor', 1, 50)];
    for (const shape of [
      { rate: 50, seconds: 20 },
      { rate: 200, seconds: 5 },
    ]) {
      const text = reportText(rows, summarize(rows, shape.rate), null, shape);
      expect(text).not.toMatch(/met|missed/);
      expect(text).toContain('the targets are for 200 requests/s over 20 s');
    }
  });
});
