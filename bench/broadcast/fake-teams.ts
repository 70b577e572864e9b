/**
 * A Bot Framework connector on 127.0.0.1 (a Teams serviceUrl) that enforces the Teams
 * bot rate limits on POST /v3/conversations/{id}/activities: per app per tenant and per
 * bot per conversation (limits.ts). Over a limit it answers HTTP 429 with a Retry-After
 * in seconds; an unknown conversation gets 404, a request without a token 401.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { listen, readBody } from './http.ts';
import type { TeamsLimits } from './limits.ts';
import { createRateLimiter, retryAfterSeconds } from './rate-limiter.ts';
import { countAccepted, emptyTally, type PostTally } from './tally.ts';

export interface FakeTeamsOptions {
  limits: TeamsLimits;
  /** conversation id → tenant id: the conversations the bot is in */
  conversations: ReadonlyMap<string, string>;
  /** a text every post of the run should carry (the card's summary) */
  expectedText: string;
  /** how long every answer takes, as the network to the platform would; default 0 */
  latencyMs?: number;
}

export interface FakeTeams {
  /** the serviceUrl to save in conversation references, with Teams' trailing slash */
  serviceUrl: string;
  tally: PostTally;
  close(): Promise<void>;
}

const ACTIVITIES = /^\/v3\/conversations\/([^/?]+)\/activities\/?(?:\?.*)?$/;

function reply(res: ServerResponse, status: number, body: object, headers = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

const error = (code: string, message: string) => ({ error: { code, message } });

export async function startFakeTeams(options: FakeTeamsOptions): Promise<FakeTeams> {
  const { limits } = options;
  const tally = emptyTally();
  const limiter = createRateLimiter();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const raw = await readBody(req);
    if (options.latencyMs) await sleep(options.latencyMs);
    const match = ACTIVITIES.exec(req.url ?? '');
    if (req.method !== 'POST' || !match?.[1]) return reply(res, 404, error('NotFound', 'no route'));
    if (!/^Bearer \S+/.test(req.headers.authorization ?? ''))
      return reply(res, 401, error('Unauthorized', 'no token'));
    const conversation = decodeURIComponent(match[1]);
    const tenant = options.conversations.get(conversation);
    if (tenant === undefined)
      return reply(res, 404, error('ConversationNotFound', 'unknown conversation'));
    const wait = limiter.admit(
      [
        { limit: limits.tenant, key: tenant },
        ...limits.conversation.map((limit) => ({ limit, key: conversation })),
      ],
      performance.now(),
    );
    if (wait > 0) {
      tally.rateLimited += 1;
      const headers = { 'retry-after': String(retryAfterSeconds(wait)) };
      return reply(res, 429, error('TooManyRequests', 'rate limited'), headers);
    }
    countAccepted(tally, conversation, raw.includes(options.expectedText));
    reply(res, 201, { id: `activity-${tally.accepted}` });
  };

  const server = await listen((req, res) => void handle(req, res));
  return { serviceUrl: `${server.base}/`, tally, close: server.close };
}
