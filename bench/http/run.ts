/**
 * npm run bench:http — the whole bot under load, against a floor.
 *
 * Starts `lessons-bot serve` as a child (Slack in HTTP mode against a local fake Web API,
 * Teams in local mode against a local fake connector), sends correctly signed slash
 * commands to /slack/events and Teams activities to /api/messages, 100 connections for
 * 20 s each (autocannon), then the same requests to a bare node:http server that
 * answers the bot's own replies, precomputed: the floor. Prints throughput, p50/p99
 * latency and the bot's peak RSS; --json prints them as JSON.
 */
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startFakeSlackApi } from '../../test/helpers/slack-fake-api.ts';
import { SIGNING_SECRET } from '../../test/helpers/slack-signing.ts';
import { startServer } from '../../test/helpers/start-server.ts';
import { type FakeConnector, startFakeConnector } from '../../test/helpers/teams-fake-connector.ts';
import { type FloorReply, startFloorServer } from './floor-server.ts';
import { peakRssMb } from './peak-rss.ts';
import { type BenchRequest, slashCommandRequest, teamsMessageRequest } from './requests.ts';

const QUESTION = 'lessons on chronologies';

interface Row {
  scenario: string;
  server: 'lessons-bot' | 'floor';
  requests_per_s: number;
  p50_ms: number;
  p99_ms: number;
  errors: number;
  non_2xx: number;
}

function load(
  url: string,
  request: BenchRequest,
  seconds: number,
  connections: number,
): Promise<autocannon.Result> {
  return autocannon({
    url: `${url}${request.path}`,
    method: 'POST',
    headers: request.headers,
    body: request.body,
    connections,
    duration: seconds,
  });
}

function row(scenario: string, server: Row['server'], result: autocannon.Result): Row {
  return {
    scenario,
    server,
    requests_per_s: Math.round(result.requests.average),
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non_2xx: result.non2xx,
  };
}

async function replyOf(url: string, request: BenchRequest) {
  const res = await fetch(`${url}${request.path}`, {
    method: 'POST',
    headers: request.headers,
    body: request.body,
  });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? 'text/plain',
    body: await res.text(),
  };
}

/** The card the bot posted for one message, to be posted again by the floor. */
async function forwardOf(
  probe: FakeConnector,
  serviceUrl: string,
): Promise<{ url: string; body: string }> {
  const [posted] = await probe.waitFor(1);
  if (!posted) throw new Error('the bot posted no card for a Teams message');
  const id = encodeURIComponent(posted.conversationId);
  return {
    url: `${serviceUrl}v3/conversations/${id}/activities`,
    body: JSON.stringify(posted.body),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '20' },
      connections: { type: 'string', default: '100' },
      json: { type: 'boolean', default: false },
      profile: { type: 'string' },
      only: { type: 'string' },
    },
  });
  const seconds = Number(values.duration);
  const connections = Number(values.connections);
  const say = (text: string) => values.json || process.stderr.write(`${text}\n`);

  const slackApi = await startFakeSlackApi();
  // Recording 20 s of cards would cost the load generator's process memory and time.
  const probe = await startFakeConnector();
  const connector = await startFakeConnector({ record: false });
  const bot = await startServer({
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slackApi.apiUrl,
    // --profile DIR: the bot writes a V8 CPU profile there when it exits (open it in DevTools).
    ...(values.profile ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${values.profile}` } : {}),
  });
  const slash = slashCommandRequest(QUESTION, slackApi.responseUrl());
  const message = teamsMessageRequest(QUESTION, connector.serviceUrl);
  // --only slack|teams: one scenario, e.g. with --profile to see where its time goes.
  const requests = [slash, message].filter((r) => !values.only || r.name.startsWith(values.only));
  const replies: Record<string, FloorReply> = {
    [slash.path]: await replyOf(bot.url, slash),
    [message.path]: {
      ...(await replyOf(bot.url, teamsMessageRequest(QUESTION, probe.serviceUrl))),
      forward: await forwardOf(probe, connector.serviceUrl),
    },
  };
  const rows: Row[] = [];
  for (const request of requests) {
    say(`${request.name}: lessons-bot, ${connections} connections for ${seconds} s…`);
    rows.push(row(request.name, 'lessons-bot', await load(bot.url, request, seconds, connections)));
  }
  const rss = bot.child.pid === undefined ? null : await peakRssMb(bot.child.pid);
  await bot.stop();
  const botPosts = connector.accepted();

  const floor = await startFloorServer(replies);
  for (const request of requests) {
    say(`${request.name}: floor…`);
    rows.push(row(request.name, 'floor', await load(floor.url, request, seconds, connections)));
  }
  await floor.close();
  await Promise.all([slackApi.close(), probe.close(), connector.close()]);
  say(
    `cards posted to the fake connector: ${botPosts} by the bot, ${connector.accepted() - botPosts} by the floor`,
  );
  report(rows, rss, values.json);
}

function report(rows: Row[], rssMb: number | null, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify({ results: rows, peak_rss_mb: rssMb }, null, 2)}\n`);
    return;
  }
  const lines = [
    '| scenario | server | req/s | p50 ms | p99 ms | errors | non-2xx |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const r of rows)
    lines.push(
      `| ${r.scenario} | ${r.server} | ${r.requests_per_s} | ${r.p50_ms} | ${r.p99_ms} | ${r.errors} | ${r.non_2xx} |`,
    );
  for (const scenario of new Set(rows.map((r) => r.scenario))) {
    const bot = rows.find((r) => r.scenario === scenario && r.server === 'lessons-bot');
    const floor = rows.find((r) => r.scenario === scenario && r.server === 'floor');
    if (bot && floor) {
      const ratio = floor.requests_per_s / Math.max(1, bot.requests_per_s);
      lines.push(
        `\n${scenario}: p99 ${bot.p99_ms} ms (target < 50 ms: ${bot.p99_ms < 50 ? 'met' : 'missed'}); floor/bot throughput ${ratio.toFixed(2)}× (target ≤ 3×: ${ratio <= 3 ? 'met' : 'missed'})`,
      );
    }
  }
  lines.push(`\nlessons-bot peak RSS: ${rssMb ?? 'unknown'} MB`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
