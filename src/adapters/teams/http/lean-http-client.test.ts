import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { teamsFailure } from '../teams-post-result.ts';
import { LeanHttpClient } from './lean-http-client.ts';
import { AxiosError, Client, type HttpClient, type Middleware } from './sdk-modules.ts';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A loopback server that records each request and answers by its path. */
let server: Server;
let base: string;
const seen: Seen[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const path = (req.url ?? '').split('?')[0];
      if (path === '/busy') {
        res.writeHead(429, { 'retry-after': '7', 'content-type': 'application/json' });
        res.end('{"error":{"code":"Throttled"}}');
      } else if (path === '/gone') {
        res.writeHead(403, { 'content-type': 'application/json' });
        res.end('{"error":{"code":"BotNotInConversationRoster"}}');
      } else if (path === '/text') {
        res.end('plain words, not JSON');
      } else if (path === '/slow') {
        setTimeout(() => res.end('{}'), 2_000);
      } else if (path === '/moved') {
        res.writeHead(307, { location: '/ok' }).end();
      } else {
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: 'activity-1', echo: body.length }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function lastSeen(): Seen {
  const last = seen.at(-1);
  if (!last) throw new Error('the server saw no request');
  return last;
}

/** The clone chain the SDK makes for an incoming activity, from App's client down. */
function sdkLikeClone(root: HttpClient): HttpClient {
  return root
    .clone({ headers: { 'User-Agent': 'teams.ts[apps]/2' } })
    .clone({ headers: { 'Content-Type': 'application/json' } })
    .clone();
}

async function captureRefused(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error('expected the request to be refused');
}

describe('LeanHttpClient', () => {
  it('sends what the SDK’s own client sends: method, path, headers, token and JSON body', async () => {
    const activity = { type: 'message', text: 'Lessons for “chronologies” — 3 of 12' };
    const token = vi.fn(async () => 'token-abc');
    const requests: Seen[] = [];
    for (const root of [new Client({ token }), new LeanHttpClient({ token })]) {
      const answer = await sdkLikeClone(root).post(
        `${base}/v3/conversations/c1/activities`,
        activity,
      );
      expect(answer.status).toBe(201);
      expect(answer.data).toEqual({ id: 'activity-1', echo: expect.any(Number) });
      requests.push(lastSeen());
    }
    const [sdk, lean] = requests;
    expect(lean?.method).toBe('POST');
    expect(lean?.url).toBe(sdk?.url);
    expect(JSON.parse(lean?.body ?? '')).toEqual(activity);
    expect(lean?.body).toBe(sdk?.body);
    for (const name of ['authorization', 'content-type', 'user-agent', 'accept']) {
      expect(lean?.headers[name], name).toBe(sdk?.headers[name]);
    }
    expect(lean?.headers.authorization).toBe('Bearer token-abc');
    expect(token).toHaveBeenCalledTimes(2);
  });

  it('runs the middleware its clones inherit, in order', async () => {
    const order: string[] = [];
    const tag = (name: string): Middleware => ({
      invoke: async (context, next) => {
        order.push(name);
        context.config.headers = { ...context.config.headers, [`x-${name}`]: 'yes' };
        return next();
      },
    });
    const root = new LeanHttpClient({ middlewares: [tag('first')] });
    const clone = root.clone();
    clone.use(tag('second'));
    await clone.get(`${base}/ok`);
    expect(order).toEqual(['first', 'second']);
    expect(lastSeen().headers).toMatchObject({ 'x-first': 'yes', 'x-second': 'yes' });
    // The clone's own middleware stays its own.
    order.length = 0;
    await root.get(`${base}/ok`);
    expect(order).toEqual(['first']);
  });

  it('keeps a parent’s and its clones’ middleware apart, whichever changes first', () => {
    const names = (client: HttpClient) =>
      client.middlewares.map((m) => (m as Middleware & { name: string }).name);
    const named = (name: string) => ({ name, invoke: (_: unknown, next: () => unknown) => next() });
    const parent = new LeanHttpClient({ middlewares: [named('a') as Middleware] });
    const first = parent.clone();
    const second = parent.clone();
    parent.use(named('parent') as Middleware);
    first.use(named('first') as Middleware);
    expect(names(parent)).toEqual(['a', 'parent']);
    expect(names(first)).toEqual(['a', 'first']);
    expect(names(second)).toEqual(['a']);
    second.clear();
    expect(names(second)).toEqual([]);
    expect(names(parent)).toEqual(['a', 'parent']);
    const grandchild = first.clone();
    grandchild.eject(1);
    expect(names(grandchild)).toEqual(['first']);
    expect(names(first)).toEqual(['a', 'first']);
  });

  it('has the fields of the SDK’s client on every clone (an SDK upgrade that adds one fails here)', () => {
    const fields = (client: object) => Object.keys(client).sort();
    const sdk = new Client({ baseUrl: base }).clone();
    const lean = new LeanHttpClient({ baseUrl: base }).clone();
    expect(lean).toBeInstanceOf(Client);
    expect(fields(lean)).toEqual(fields(sdk));
  });

  it('joins relative paths to its base URL, and sends query parameters through axios', async () => {
    const client = new LeanHttpClient({ baseUrl: `${base}/v3/` }).clone();
    await client.get('/conversations/c1/members');
    expect(lastSeen().url).toBe('/v3/conversations/c1/members');
    await client.get('conversations', { params: { continuationToken: 'a b' } });
    expect(lastSeen().url).toBe('/v3/conversations?continuationToken=a+b');
  });

  it('follows a redirect, as axios does', async () => {
    const answer = await new LeanHttpClient().post(`${base}/moved`, { a: 1 });
    expect(answer.status).toBe(201);
    expect(lastSeen().url).toBe('/ok');
  });

  it('gives a body that is not JSON as text', async () => {
    const answer = await new LeanHttpClient().get(`${base}/text`);
    expect(answer.data).toBe('plain words, not JSON');
  });

  it('refuses a 429 with an AxiosError the SDK and the delivery runner understand', async () => {
    const error = await captureRefused(new LeanHttpClient().clone().post(`${base}/busy`, {}));
    expect(error).toBeInstanceOf(AxiosError);
    expect(error).toMatchObject({
      response: { status: 429, data: { error: { code: 'Throttled' } } },
    });
    expect(teamsFailure(error)).toEqual({
      ok: false,
      outcome: 'retry',
      error: 'HTTP 429 Throttled',
      retryAfterMs: 7000,
    });
  });

  it('refuses a 403 as paused (the bot is not there), with the connector’s code', async () => {
    const error = await captureRefused(new LeanHttpClient().post(`${base}/gone`, {}));
    expect(teamsFailure(error)).toEqual({
      ok: false,
      outcome: 'paused',
      error: 'HTTP 403 BotNotInConversationRoster',
    });
  });

  it('refuses an unreachable service with the network error’s code', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const error = await captureRefused(new LeanHttpClient().post(`http://127.0.0.1:${port}/`, {}));
    expect(error).toBeInstanceOf(AxiosError);
    expect(teamsFailure(error)).toEqual({
      ok: false,
      outcome: 'retry',
      error: 'request failed (econnrefused)',
    });
  });

  it('gives up after its timeout', async () => {
    const error = await captureRefused(new LeanHttpClient({ timeout: 100 }).get(`${base}/slow`));
    expect(error).toBeInstanceOf(AxiosError);
    expect(error).toMatchObject({ code: 'ECONNABORTED' });
    expect(teamsFailure(error).outcome).toBe('retry');
  });

  it('goes back to axios once it is given an interceptor', async () => {
    const client = new LeanHttpClient();
    const request = vi.fn((context: { config: { headers: Record<string, unknown> } }) => {
      context.config.headers['x-intercepted'] = 'yes';
      return context.config;
    });
    client.use({ request } as never);
    await client.get(`${base}/ok`);
    expect(request).toHaveBeenCalledTimes(1);
    expect(lastSeen().headers['x-intercepted']).toBe('yes');
    await client.clone().get(`${base}/ok`);
    expect(request).toHaveBeenCalledTimes(2);
  });
});
