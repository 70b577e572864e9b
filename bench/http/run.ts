/**
 * npm run bench:http — the whole bot under load, against a floor.
 *
 * Starts `lessons-bot serve` as a child (Slack in HTTP mode against a local fake Web API,
 * Teams in local mode against a local fake connector), sends correctly signed slash
 * commands to /slack/events and Teams activities to /api/messages, 100 connections for
 * 20 s each (autocannon) after 5 s of warm-up, and the same requests to a bare node:http
 * server that answers the bot's own replies, precomputed: the floor. The bot and the
 * floor take turns, three rounds by default. Prints each run's throughput and p50/p99
 * latency, per scenario the medians over the rounds, and the bot's peak RSS; --json
 * prints them as JSON.
 */
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startFakeSlackApi } from '../../test/helpers/slack-fake-api.ts';
import { SIGNING_SECRET } from '../../test/helpers/slack-signing.ts';
import { startServer } from '../../test/helpers/start-server.ts';
import { type FakeConnector, startFakeConnector } from '../../test/helpers/teams-fake-connector.ts';
import { startFloorServer } from './floor-server.ts';
import { peakRssMb } from './peak-rss.ts';
import { type Row, reportText, summarize } from './report.ts';
import { type BenchRequest, slashCommandRequest, teamsMessageRequest } from './requests.ts';

const QUESTION = 'lessons on chronologies';

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

function row(
  round: number,
  scenario: string,
  server: Row['server'],
  result: autocannon.Result,
): Row {
  return {
    round,
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
      warmup: { type: 'string', default: '5' },
      rounds: { type: 'string', default: '3' },
      connections: { type: 'string', default: '100' },
      json: { type: 'boolean', default: false },
      profile: { type: 'string' },
      only: { type: 'string' },
    },
  });
  const seconds = Number(values.duration);
  const warmup = Number(values.warmup);
  const rounds = Number(values.rounds);
  const connections = Number(values.connections);
  const say = (text: string) => values.json || process.stderr.write(`${text}\n`);

  const slackApi = await startFakeSlackApi();
  // Recording 20 s of cards would cost the load generator's process memory and time.
  const probe = await startFakeConnector();
  const connector = await startFakeConnector({ record: false });
  const bot = await startServer(
    {
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slackApi.apiUrl,
      // Unsigned Teams activities beside Slack: local mode, said explicitly.
      TEAMS_ALLOW_UNAUTHENTICATED: 'true',
      // --profile DIR: the bot writes a V8 CPU profile there when it exits (open it in DevTools).
      ...(values.profile ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${values.profile}` } : {}),
    },
    { keepOutput: false },
  );
  const slash = slashCommandRequest(QUESTION, slackApi.responseUrl());
  const message = teamsMessageRequest(QUESTION, connector.serviceUrl);
  // --only slack|teams: one scenario, e.g. with --profile to see where its time goes.
  const requests = [slash, message].filter((r) => !values.only || r.name.startsWith(values.only));
  const floor = await startFloorServer({
    [slash.path]: await replyOf(bot.url, slash),
    [message.path]: {
      ...(await replyOf(bot.url, teamsMessageRequest(QUESTION, probe.serviceUrl))),
      forward: await forwardOf(probe, connector.serviceUrl),
    },
  });
  const servers = { 'lessons-bot': bot.url, floor: floor.url } as const;
  const rows: Row[] = [];
  const posted = { 'lessons-bot': 0, floor: 0 };
  // The bot and the floor take turns, scenario by scenario and round by round: this
  // machine's speed drifts, and a ratio is only fair between runs made close together.
  for (let round = 1; round <= rounds; round++) {
    for (const request of requests) {
      for (const [server, url] of Object.entries(servers) as [Row['server'], string][]) {
        say(`round ${round}, ${request.name}: ${server}, ${connections} connections…`);
        // Not measured: the first seconds under load are the JIT's, not the server's.
        if (warmup > 0) await load(url, request, warmup, connections);
        const before = connector.accepted();
        const result = await load(url, request, seconds, connections);
        posted[server] += connector.accepted() - before;
        rows.push(row(round, request.name, server, result));
      }
    }
  }
  const rss = bot.child.pid === undefined ? null : await peakRssMb(bot.child.pid);
  await bot.stop();
  await floor.close();
  await Promise.all([slackApi.close(), probe.close(), connector.close()]);
  say(
    `cards posted to the fake connector (measured runs): ${posted['lessons-bot']} by the bot, ${posted.floor} by the floor`,
  );
  const summary = summarize(rows);
  if (values.json) {
    process.stdout.write(
      `${JSON.stringify({ results: rows, summary, peak_rss_mb: rss }, null, 2)}\n`,
    );
  } else {
    process.stdout.write(`${reportText(rows, summary, rss, connections)}\n`);
  }
}

await main();
