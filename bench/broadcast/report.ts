/** The run as a table (and the settings behind it), or as JSON with --json. */
import type { PacingLimits, Rate } from '../../src/core/index.ts';
import { type Machine, machineLine } from '../search/machine.ts';
import type { PlatformLimits } from './limits.ts';
import type { Limit } from './rate-limiter.ts';
import type { BroadcastResult } from './result.ts';

export interface Report {
  result: BroadcastResult;
  limits: PlatformLimits;
  pacing: PacingLimits;
  machine: Machine;
}

const perSeconds = (ms: number) => (ms === 1000 ? 's' : `${ms / 1000} s`);

function limitText(limit: Limit): string {
  if (limit.kind === 'window') return `${limit.max} per ${perSeconds(limit.windowMs)}`;
  const perMinute = Math.round(limit.perSecond * 60);
  const rate = perMinute === 60 ? '1/s' : `${perMinute}/min`;
  return `${rate} (burst ${limit.burst})`;
}

const rateText = (rate: Rate) =>
  `${rate.limit} per ${perSeconds(rate.perMs)} (burst ${rate.burst})`;

export function settingsLines(limits: PlatformLimits, pacing: PacingLimits): string[] {
  const { slack, teams } = limits;
  return [
    `fakes enforce: Slack chat.postMessage ${limitText(slack.channel)} per channel, ${limitText(slack.workspace)} per workspace;`,
    `  Teams ${limitText(teams.tenant)} per app per tenant, per conversation ${teams.conversation.map(limitText).join(', ')}`,
    `pacing (DEFAULT_PACING): Slack ${rateText(pacing.slack.channel)} per channel, ${rateText(pacing.slack.workspace)} per workspace;`,
    `  Teams ${rateText(pacing.teams.channel)} per conversation, ${rateText(pacing.teams.workspace)} per tenant`,
  ];
}

function table(result: BroadcastResult): string[] {
  const rows = [
    ...result.platforms.map((p) => [
      p.platform,
      p.channels,
      p.posts,
      p.rate_limited,
      p.time_s.toFixed(1),
      p.floor_s.toFixed(1),
      p.ratio?.toFixed(2) ?? '–',
      p.posts_per_s,
      p.exactly_once ? 'yes' : 'NO',
    ]),
    [
      'broadcast',
      result.channels,
      result.platforms.reduce((n, p) => n + p.posts, 0),
      result.rate_limited,
      result.time_s.toFixed(1),
      result.floor_s.toFixed(1),
      result.ratio?.toFixed(2) ?? '–',
      (result.channels / Math.max(result.time_s, 0.001)).toFixed(1),
      result.exactly_once ? 'yes' : 'NO',
    ],
  ];
  return [
    '| scope | channels | posts | 429s | time s | floor s | ratio | posts/s | exactly once |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
  ];
}

export function printReport(report: Report, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  const { result } = report;
  const p = result.published;
  const lines = [
    ...settingsLines(report.limits, report.pacing),
    '',
    ...table(result),
    '',
    `publish (${result.replicas} replica${result.replicas === 1 ? '' : 's'}): sent ${p.sent}, already ${p.already}, pending ${p.pending}, gone ${p.gone}, failed ${p.failed}`,
    ...Object.entries(result.log).map(([message, n]) => `runner log, ${n}×: ${message}`),
    `peak RSS of the bench process (runner, store and both fakes): ${result.peak_rss_mb ?? 'unknown'} MB`,
    machineLine(report.machine),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
