/**
 * npm run bench:http — the whole bot at a fixed request rate, against a floor.
 *
 * Starts `lessons-bot serve` as a child (Slack in HTTP mode against a local fake Web API,
 * Teams in local mode against a local fake connector), sends correctly signed slash
 * commands to /slack/events and Teams activities to /api/messages at a fixed rate
 * (autocannon's overallRate; 200 requests/s for 20 s by default, after 5 s of warm-up),
 * and the same requests to a bare node:http server that answers the bot's own replies,
 * precomputed: the floor. The bot and the floor take turns, three rounds by default.
 * Prints each run's throughput and p50/p99 latency, per scenario the medians over the
 * rounds, the bot's peak RSS and the machine's load; --json prints them as JSON.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startFakeSlackApi } from '../../test/helpers/slack-fake-api.ts';
import { SIGNING_SECRET } from '../../test/helpers/slack-signing.ts';
import { startServer } from '../../test/helpers/start-server.ts';
import { type FakeConnector, startFakeConnector } from '../../test/helpers/teams-fake-connector.ts';
import { startFloorServer } from './floor-server.ts';
import { peakRssMb } from './peak-rss.ts';
import { type Row, reportText, summarize, TARGETS } from './report.ts';
import { type BenchRequest, slashCommandRequest, teamsMessageRequest } from './requests.ts';

const QUESTION = 'lessons on chronologies';

interface Load {
  rate: number;
  connections: number;
}

function load(
  url: string,
  request: BenchRequest,
  seconds: number,
  { rate, connections }: Load,
): Promise<autocannon.Result> {
  return autocannon({
    url: `${url}${request.path}`,
    method: 'POST',
    headers: request.headers,
    body: request.body,
    connections,
    overallRate: rate,
    // autocannon's correction assumes a request every millisecond (Math.ceil(1 / rate) of a
    // second, read as milliseconds) and would add made-up samples to every slower one. A
    // stall shows instead as a rate below the one asked for (report.ts: rate_held).
    ignoreCoordinatedOmission: true,
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
      rate: { type: 'string', default: String(TARGETS.rate) },
      seconds: { type: 'string', default: String(TARGETS.seconds) },
      warmup: { type: 'string', default: '5' },
      rounds: { type: 'string', default: '3' },
      connections: { type: 'string', default: '10' },
      json: { type: 'boolean', default: false },
      profile: { type: 'string' },
      'heap-prof': { type: 'string' },
      'node-options': { type: 'string' },
      only: { type: 'string' },
    },
  });
  const rate = count('--rate', values.rate, 1);
  const seconds = count('--seconds', values.seconds, 1);
  const warmup = count('--warmup', values.warmup, 0);
  const rounds = count('--rounds', values.rounds, 1);
  // autocannon paces each connection by the second: a connection sends its share of the
  // rate back to back at the start of each second, so the bot sees bursts of this many.
  const shape = {
    rate,
    connections: Math.min(rate, count('--connections', values.connections, 1)),
  };
  const say = (text: string) => values.json || process.stderr.write(`${text}\n`);
  const loadBefore = loadavg();

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
      ...nodeOptions(values),
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
  const servers = { bot: bot.url, floor: floor.url } as const;
  const rows: Row[] = [];
  const posted = { bot: 0, floor: 0 };
  // The bot and the floor take turns, scenario by scenario and round by round: this
  // machine's speed drifts, and a comparison is only fair between runs made close together.
  for (let round = 1; round <= rounds; round++) {
    for (const request of requests) {
      for (const [server, url] of Object.entries(servers) as [Row['server'], string][]) {
        say(`round ${round}, ${request.name}: ${server}, ${rate} requests/s…`);
        // Not measured: the first seconds under load are the JIT's, not the server's.
        if (warmup > 0) await load(url, request, warmup, shape);
        const before = connector.accepted();
        const result = await load(url, request, seconds, shape);
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
    `cards posted to the fake connector (measured runs): ${posted.bot} by the bot, ${posted.floor} by the floor`,
  );
  const summary = summarize(rows, rate);
  // The machine is shared: its load says whether the figures can be trusted.
  const machine = { before: loadBefore.map(round2), after: loadavg().map(round2) };
  if (values.json) {
    const run = {
      rate,
      seconds,
      rounds,
      connections: shape.connections,
      node_options: values['node-options'] ?? null,
    };
    process.stdout.write(
      `${JSON.stringify({ run, load: machine, results: rows, summary, peak_rss_mb: rss }, null, 2)}\n`,
    );
  } else {
    process.stdout.write(`${reportText(rows, summary, rss, { rate, seconds })}\n`);
    process.stdout.write(
      `load average (1, 5, 15 min): before ${machine.before.join(', ')}; after ${machine.after.join(', ')}\n`,
    );
  }
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** A whole number of at least `min`, or exit saying which option is wrong. */
function count(option: string, text: string, min: number): number {
  const n = Number(text);
  if (Number.isInteger(n) && n >= min) return n;
  process.stderr.write(
    `bench:http: ${option} wants a whole number of at least ${min}, not "${text}"\n`,
  );
  process.exit(2);
}

/**
 * The bot's Node flags: --node-options as given (e.g. "--max-semi-space-size=16"), and
 * --profile DIR, where the bot writes a V8 CPU profile when it exits, or --heap-prof DIR,
 * a sampling heap profile of what it still holds then. Open either in DevTools.
 */
function nodeOptions(values: { profile?: string; 'heap-prof'?: string; 'node-options'?: string }) {
  const flags = [
    ...(values['node-options'] ? [values['node-options']] : []),
    ...(values.profile ? [`--cpu-prof --cpu-prof-dir=${values.profile}`] : []),
    ...(values['heap-prof'] ? [`--heap-prof --heap-prof-dir=${values['heap-prof']}`] : []),
  ];
  return flags.length > 0 ? { NODE_OPTIONS: flags.join(' ') } : {};
}

await main();
