/** npm run bench:http's results: each run, and per scenario the medians over rounds. */

export interface Row {
  round: number;
  scenario: string;
  server: 'lessons-bot' | 'floor';
  requests_per_s: number;
  p50_ms: number;
  p99_ms: number;
  errors: number;
  non_2xx: number;
}

export interface ScenarioSummary {
  scenario: string;
  /** the bot's p99 in each round, and their median */
  p99_ms: number[];
  median_p99_ms: number;
  /** floor ÷ bot throughput in each round (both runs of a round were made back to back) */
  floor_ratio: number[];
  median_floor_ratio: number;
  p99_met: boolean;
  ratio_met: boolean;
}

/** issue 6: with 100 requests in flight */
export const TARGETS = { connections: 100, p99Ms: 50, floorRatio: 3 } as const;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? Number.NaN;
  const lower = sorted[mid - 1] ?? upper;
  return sorted.length % 2 === 1 ? upper : (lower + upper) / 2;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function summarize(rows: readonly Row[]): ScenarioSummary[] {
  const scenarios = [...new Set(rows.map((r) => r.scenario))];
  return scenarios.map((scenario) => {
    const of = (server: Row['server']) =>
      rows.filter((r) => r.scenario === scenario && r.server === server);
    const bot = of('lessons-bot');
    const floor = of('floor');
    const p99 = bot.map((r) => r.p99_ms);
    const ratios = bot.flatMap((b) => {
      const f = floor.find((r) => r.round === b.round);
      return f ? [round2(f.requests_per_s / Math.max(1, b.requests_per_s))] : [];
    });
    const medianP99 = median(p99);
    const medianRatio = round2(median(ratios));
    return {
      scenario,
      p99_ms: p99,
      median_p99_ms: medianP99,
      floor_ratio: ratios,
      median_floor_ratio: medianRatio,
      p99_met: medianP99 < TARGETS.p99Ms,
      ratio_met: medianRatio <= TARGETS.floorRatio,
    };
  });
}

const verdict = (met: boolean) => (met ? 'met' : 'missed');

export function reportText(
  rows: readonly Row[],
  summary: readonly ScenarioSummary[],
  rssMb: number | null,
  connections: number = TARGETS.connections,
): string {
  const judged = connections === TARGETS.connections;
  const lines = [
    '| round | scenario | server | req/s | p50 ms | p99 ms | errors | non-2xx |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.round} | ${r.scenario} | ${r.server} | ${r.requests_per_s} | ${r.p50_ms} | ${r.p99_ms} | ${r.errors} | ${r.non_2xx} |`,
    ),
  ];
  for (const s of summary) {
    const p99 = judged ? ` (target < ${TARGETS.p99Ms} ms: ${verdict(s.p99_met)})` : '';
    const ratio = judged ? ` (target ≤ ${TARGETS.floorRatio}×: ${verdict(s.ratio_met)})` : '';
    lines.push(
      `\n${s.scenario}: median p99 ${s.median_p99_ms} ms [${s.p99_ms.join(', ')}]${p99}; ` +
        `median floor/bot throughput ${s.median_floor_ratio}× [${s.floor_ratio.join(', ')}]${ratio}`,
    );
  }
  if (!judged) lines.push(`\n(the targets are for ${TARGETS.connections} connections)`);
  lines.push(`\nlessons-bot peak RSS: ${rssMb ?? 'unknown'} MB`);
  return lines.join('\n');
}
