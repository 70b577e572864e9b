/**
 * A Slack Web API on 127.0.0.1 that enforces chat.postMessage's rate limits: per channel
 * and per workspace (limits.ts). Over a limit it answers as Slack does: HTTP 429, a
 * Retry-After in seconds and `{"ok":false,"error":"ratelimited"}`. It also answers
 * auth.test, and `channel_not_found` for a channel it does not know.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { listen, readBody } from './http.ts';
import type { SlackLimits } from './limits.ts';
import { createRateLimiter, retryAfterSeconds } from './rate-limiter.ts';
import { countAccepted, emptyTally, type PostTally } from './tally.ts';

export interface FakeSlackOptions {
  limits: SlackLimits;
  /** the workspace the bot token belongs to, e.g. "T1" */
  team: string;
  /** the channels the bot is in */
  channels: ReadonlySet<string>;
  /** the fallback text every post of the run should carry */
  expectedText: string;
  /** how long every answer takes, as the network to the platform would; default 0 */
  latencyMs?: number;
}

export interface FakeSlack {
  /** give it to the notifier as apiUrl (SLACK_API_URL) */
  apiUrl: string;
  tally: PostTally;
  close(): Promise<void>;
}

function parseArgs(raw: string, contentType: string | undefined): Record<string, string> {
  if (contentType?.includes('application/json')) return JSON.parse(raw || '{}');
  return Object.fromEntries(new URLSearchParams(raw));
}

function reply(res: ServerResponse, body: object, status = 200, headers = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export async function startFakeSlack(options: FakeSlackOptions): Promise<FakeSlack> {
  const { limits, team } = options;
  const tally = emptyTally();
  const limiter = createRateLimiter();
  let posts = 0;

  const postMessage = (args: Record<string, string>, res: ServerResponse) => {
    const channel = args.channel ?? '';
    if (!options.channels.has(channel))
      return reply(res, { ok: false, error: 'channel_not_found' });
    const wait = limiter.admit(
      [
        { limit: limits.channel, key: `${team}/${channel}` },
        { limit: limits.workspace, key: team },
      ],
      performance.now(),
    );
    if (wait > 0) {
      tally.rateLimited += 1;
      const headers = { 'retry-after': String(retryAfterSeconds(wait)) };
      return reply(res, { ok: false, error: 'ratelimited' }, 429, headers);
    }
    countAccepted(tally, channel, args.text === options.expectedText);
    const ts = `${1_800_000_000 + posts++}.000100`;
    reply(res, { ok: true, channel, ts, message: { type: 'message', ts, text: args.text } });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const raw = await readBody(req);
    if (options.latencyMs) await sleep(options.latencyMs);
    const method = new URL(req.url ?? '/', 'http://fake').pathname.replace(/^\/api\//, '');
    if (!/^Bearer xoxb-/.test(req.headers.authorization ?? ''))
      return reply(res, { ok: false, error: 'not_authed' });
    if (method === 'auth.test')
      return reply(res, { ok: true, team_id: team, user_id: 'UBENCH', bot_id: 'BBENCH' });
    if (method === 'chat.postMessage')
      return postMessage(parseArgs(raw, req.headers['content-type']), res);
    reply(res, { ok: false, error: 'unknown_method' });
  };

  const server = await listen((req, res) => void handle(req, res));
  return { apiUrl: `${server.base}/api/`, tally, close: server.close };
}
