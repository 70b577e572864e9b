/**
 * `npm run -s bench:search [-- --sizes 1000,30000 --engines a,b --queries N --quick --json]`
 *
 * Measures lessons-bot's search and its peers on the same deterministic corpus and
 * queries, each engine × size in its own process, and prints a table (with --json, only
 * JSON on stdout; progress goes to stderr). Exit code 1 when an engine failed, 2 on bad
 * arguments.
 */

import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ENGINES } from './engines/index.ts';
import { type HarnessOptions, NO_BUDGET, runBenchmark, SLOW_AT_100K } from './harness.ts';
import { describeMachine, machineLine } from './machine.ts';
import { readableReport } from './report.ts';
import { DEFAULT_SEED } from './synthetic-corpus.ts';
import { checkTargets } from './targets.ts';

const DEFAULT_BUDGET_S = 15;

const USAGE = `usage: npm run -s bench:search -- [options]
  --sizes 1000,30000  corpus sizes in lessons (default 1000,10000,30000; 100000 if you like)
  --engines a,b       engines to run (default all: ${ENGINES.map((e) => e.name).join(', ')})
  --queries N         measured queries per engine (default 1000)
  --quick             skip the slowest engines at 100,000 lessons (${SLOW_AT_100K.join(', ')})
  --budget S          stop an engine's queries after S s of query time (default ${DEFAULT_BUDGET_S};
                      0 = run every query); never applies to ${NO_BUDGET.join(', ')}
  --seed S            corpus and query seed (default ${DEFAULT_SEED})
  --node-flags=F      extra Node flags for the measuring processes, space-separated,
                      e.g. --node-flags=--max-semi-space-size=2
  --json              print {"results": [...]} on stdout and nothing else
  --save FILE         also write that JSON to FILE
(npm run -s: without -s, npm prints its own banner on stdout.)`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function parse() {
  try {
    return parseArgs({
      options: {
        sizes: { type: 'string', default: '1000,10000,30000' },
        engines: { type: 'string', default: ENGINES.map((e) => e.name).join(',') },
        queries: { type: 'string', default: '1000' },
        budget: { type: 'string', default: String(DEFAULT_BUDGET_S) },
        seed: { type: 'string', default: DEFAULT_SEED },
        'node-flags': { type: 'string', default: '' },
        quick: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        save: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}

function options(): HarnessOptions & { json: boolean; save: string | undefined } {
  const v = parse();
  if (v.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const sizes = v.sizes.split(',').map((s) => Number(s.replaceAll('_', '')));
  if (sizes.some((x) => !Number.isInteger(x) || x < 1)) {
    fail(`--sizes: "${v.sizes}" is not a list of positive integers`);
  }
  const engines = v.engines.split(',').map((s) => s.trim());
  const unknown = engines.filter((e) => !ENGINES.some((x) => x.name === e));
  if (unknown.length > 0) fail(`--engines: unknown engine ${unknown.join(', ')}`);
  const queries = Number(v.queries);
  if (!Number.isInteger(queries) || queries < 1) {
    fail(`--queries: "${v.queries}" is not a positive integer`);
  }
  const budget = Number(v.budget);
  if (!(budget >= 0)) fail(`--budget: "${v.budget}" is not a number of seconds`);
  return {
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    engines,
    queries,
    budgetMs: budget === 0 ? null : budget * 1000,
    seed: v.seed,
    quick: v.quick,
    nodeFlags: v['node-flags'].split(/\s+/).filter((f) => f !== ''),
    json: v.json,
    save: v.save,
  };
}

async function main(): Promise<void> {
  const opts = options();
  const log = (line: string): void => {
    process.stderr.write(`${line}\n`);
  };
  const machine = describeMachine();
  log(`search benchmark · ${machineLine(machine)}`);
  const run = await runBenchmark(opts, log);
  const meta = {
    machine,
    seed: opts.seed,
    queries: opts.queries,
    budget_s: opts.budgetMs === null ? 0 : opts.budgetMs / 1000,
    node_flags: opts.nodeFlags,
    corpus_hashes: run.corpusHashes,
    total_s: Math.round(run.totalS),
  };
  const { results, skipped, failed, notes } = run;
  const report = { results, skipped, failed, targets: checkTargets(results), notes, meta };
  const json = `${JSON.stringify(report, null, 2)}\n`;
  if (opts.save !== undefined) await writeFile(opts.save, json);
  if (opts.json) {
    process.stdout.write(json);
  } else {
    const hashes = Object.entries(run.corpusHashes).map(([k, h]) => `${k}: ${h.slice(0, 12)}`);
    const footer = [
      ...notes,
      `Machine: ${machineLine(machine)}`,
      `Seed ${opts.seed}, ${opts.queries} queries per engine; corpus sha256 ${hashes.join(', ')}`,
      ...(opts.nodeFlags.length > 0 ? [`Node flags: ${opts.nodeFlags.join(' ')}`] : []),
      `Total ${run.totalS.toFixed(0)} s.`,
    ];
    process.stdout.write(`${readableReport(results, skipped, failed, footer)}\n`);
  }
  process.exitCode = run.failed.length > 0 ? 1 : 0;
}

await main();
