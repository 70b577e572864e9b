/**
 * npm run bench:broadcast — a review broadcast to 1,000 channels against local fake
 * platform APIs that enforce the platforms' rate limits, timed against the floor those
 * limits allow. Prints the time, the floor, their ratio, the 429s received, throughput
 * per platform and peak RSS, and checks that every channel got exactly one announcement
 * (exit code 1 if not). --json prints the numbers as JSON only.
 *
 *   --slack N          Slack channels, one workspace (default 500)
 *   --teams N          Teams conversations, one tenant (default 500)
 *   --slack-per-min N  the fake Slack's workspace limit instead of 300 a minute
 *   --teams-per-s N    the fake Teams' tenant limit instead of 50 a second
 *   --replicas N       runners publishing at once, each with its own pacer (default 1)
 *   --latency-ms N     how long the fakes take to answer each request (default 0)
 */
import { parseArgs } from 'node:util';
import { DEFAULT_PACING } from '../../src/core/index.ts';
import { peakRssMb } from '../http/peak-rss.ts';
import { describeMachine } from '../search/machine.ts';
import { REVIEW_ID, runBroadcast } from './broadcast.ts';
import { broadcastFloor } from './floor.ts';
import { limitsWith } from './limits.ts';
import { printReport } from './report.ts';
import { broadcastResult } from './result.ts';

function count(value: string | undefined, name: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    process.stderr.write(`--${name} must be a whole number of at least ${min}\n`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      slack: { type: 'string', default: '500' },
      teams: { type: 'string', default: '500' },
      'slack-per-min': { type: 'string' },
      'teams-per-s': { type: 'string' },
      replicas: { type: 'string', default: '1' },
      'latency-ms': { type: 'string', default: '0' },
      json: { type: 'boolean', default: false },
    },
  });
  const slack = count(values.slack, 'slack', 0) ?? 500;
  const teams = count(values.teams, 'teams', 0) ?? 500;
  const replicas = count(values.replicas, 'replicas', 1) ?? 1;
  const latencyMs = count(values['latency-ms'], 'latency-ms', 0) ?? 0;
  const limits = limitsWith({
    slackPerMinute: count(values['slack-per-min'], 'slack-per-min', 1),
    teamsPerSecond: count(values['teams-per-s'], 'teams-per-s', 1),
  });
  if (slack + teams === 0) {
    process.stderr.write('nothing to broadcast to: give --slack or --teams more than 0\n');
    process.exit(2);
  }
  const floors = broadcastFloor(limits, slack, teams);
  if (!values.json) {
    process.stderr.write(
      `Publishing ${REVIEW_ID} to ${slack} Slack channels and ${teams} Teams conversations, ${replicas} replica(s), ${latencyMs} ms latency; floor ${(floors.broadcastMs / 1000).toFixed(1)} s…\n`,
    );
  }
  const run = await runBroadcast({ slack, teams, replicas, limits, latencyMs });
  const result = broadcastResult(run, floors, await peakRssMb(process.pid));
  printReport({ result, limits, pacing: DEFAULT_PACING, machine: describeMachine() }, values.json);
  if (!result.exactly_once) process.exitCode = 1;
}

await main();
