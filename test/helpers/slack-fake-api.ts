/**
 * A stand-in for slack.com on 127.0.0.1: answers the Web API methods the bot calls
 * (auth.test, chat.postMessage, views.publish, apps.connections.open, …) and serves
 * response_urls, recording every call so tests can assert on what the bot sent.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ApiCall {
  method: string;
  /** which kind of token authorised the call: "xoxb" (bot), "xapp" (app-level), or "" */
  tokenKind: string;
  /** form or JSON fields; JSON-valued fields (blocks, view) are parsed */
  args: Record<string, unknown>;
}

/** A request for a file served at files/…: what authorised it. */
export interface FileDownload {
  name: string;
  authorization: string | undefined;
}

export interface ResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
}

/**
 * How to answer one call instead of the method's answer: an HTTP status (429 with a
 * Retry-After, a 5xx), `drop` (close the connection: a network error) or `hang` (never
 * answer: a timeout).
 */
export type HttpFailure = { status: number; headers?: Record<string, string> } | 'drop' | 'hang';

type MethodAnswer =
  | Record<string, unknown>
  | ((args: Record<string, unknown>) => Record<string, unknown>);

export interface FakeSlackApi {
  /** e.g. http://127.0.0.1:PORT/api/ (give it to the bot as SLACK_API_URL) */
  apiUrl: string;
  /** a fresh response_url on this server */
  responseUrl(id?: string): string;
  /** serves the bytes at a url_private_download on this server (any bearer token), and returns it */
  serveFile(name: string, bytes: Uint8Array): string;
  downloads: FileDownload[];
  calls: ApiCall[];
  responsePosts: ResponseUrlPost[];
  /** what a method answers from now on (default: ok with plausible fields) */
  answer(method: string, answer: MethodAnswer): void;
  /** answer the next calls to `method` with these, one each, then as usual */
  failNext(method: string, ...failures: HttpFailure[]): void;
  /** make a response_url answer with this HTTP status (e.g. 404 once expired) */
  failResponseUrl(id: string, status: number): void;
  callsTo(method: string): ApiCall[];
  /** resolves once `count` calls or posts satisfy the predicate, or rejects after a timeout */
  waitFor(predicate: () => boolean, what: string, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

let posts = 0;
const nextTs = () => `1700000000.${String(++posts).padStart(6, '0')}`;

const DEFAULTS: Record<string, MethodAnswer> = {
  'auth.test': {
    ok: true,
    user_id: 'UBOT',
    bot_id: 'BBOT',
    team_id: 'T1',
    team: 'Test',
    user: 'lessons-bot',
    url: 'https://test.slack.com/',
  },
  // Each post gets its own ts, as in Slack, so that messageRefs differ.
  'chat.postMessage': (args) => ({ ok: true, channel: args.channel, ts: nextTs() }),
  'chat.update': (args) => ({ ok: true, channel: args.channel, ts: args.ts }),
  'views.publish': { ok: true, view: { id: 'V1' } },
  // The bot is in every channel unless a test says otherwise.
  'conversations.info': (args) => ({ ok: true, channel: { id: args.channel, is_member: true } }),
};

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json'))
    return JSON.parse(raw || '{}') as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return args;
}

export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const calls: ApiCall[] = [];
  const responsePosts: ResponseUrlPost[] = [];
  const files = new Map<string, Uint8Array>();
  const downloads: FileDownload[] = [];
  const answers = new Map<string, MethodAnswer>(Object.entries(DEFAULTS));
  const failing = new Map<string, number>();
  const httpFailures = new Map<string, HttpFailure[]>();
  let counter = 0;

  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const args = parseArgs(body, req.headers['content-type']);
    if (url.pathname.startsWith('/api/')) {
      const method = url.pathname.slice('/api/'.length);
      const bearer = /^Bearer (x[a-z]{3})-/.exec(req.headers.authorization ?? '');
      calls.push({ method, tokenKind: bearer?.[1] ?? '', args });
      const failure = httpFailures.get(method)?.shift();
      if (failure === 'drop') {
        req.socket.destroy();
        return;
      }
      if (failure === 'hang') return;
      if (failure) {
        res.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers });
        res.end(
          JSON.stringify({ ok: false, error: failure.status === 429 ? 'ratelimited' : 'fake' }),
        );
        return;
      }
      const answer = answers.get(method) ?? { ok: true };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(typeof answer === 'function' ? answer(args) : answer));
      return;
    }
    if (url.pathname.startsWith('/response/')) {
      const id = url.pathname.slice('/response/'.length);
      responsePosts.push({ id, body: args });
      const status = failing.get(id) ?? 200;
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(status === 200 ? 'ok' : 'expired_url');
      return;
    }
    if (url.pathname.startsWith('/files/')) {
      const name = decodeURIComponent(url.pathname.slice('/files/'.length));
      downloads.push({ name, authorization: req.headers.authorization });
      const bytes = files.get(name);
      if (!bytes || !/^Bearer xoxb-/.test(req.headers.authorization ?? '')) {
        res.writeHead(bytes ? 403 : 404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(bytes);
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;

  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id = `r${++counter}`) => `${base}/response/${id}`,
    serveFile: (name, bytes) => {
      files.set(name, bytes);
      return `${base}/files/${encodeURIComponent(name)}`;
    },
    downloads,
    calls,
    responsePosts,
    answer: (method, answer) => answers.set(method, answer),
    failResponseUrl: (id, status) => failing.set(id, status),
    failNext: (method, ...failures) =>
      httpFailures.set(method, [...(httpFailures.get(method) ?? []), ...failures]),
    callsTo: (method) => calls.filter((c) => c.method === method),
    waitFor: async (predicate, what, timeoutMs = 5000) => {
      const until = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
