/**
 * A stand-in for the Bot Framework connector that Teams bots post to: it records
 * every POST {serviceUrl}v3/conversations/{id}/activities (and targeted ones, with
 * ?isTargetedActivity=true) and every PUT …/activities/{activityId} (an update in place),
 * and answers with an id, or with the failure a test asked for. Listens on 127.0.0.1 only.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

interface ActivityBody {
  type: string;
  text?: string;
  attachments?: { contentType: string; content: Record<string, unknown> }[];
  [key: string]: unknown;
}

export interface PostedActivity {
  conversationId: string;
  authorization: string | undefined;
  /** sent with ?isTargetedActivity=true: only its recipient sees it */
  targeted: boolean;
  body: ActivityBody;
}

export interface UpdatedActivity {
  conversationId: string;
  activityId: string;
  authorization: string | undefined;
  body: ActivityBody;
}

/**
 * How to answer one request instead of accepting it: an HTTP status (with headers and
 * the connector's error code), `drop` (close the connection: a network error) or
 * `hang` (never answer: a timeout).
 */
export type FakeFailure =
  | { status: number; headers?: Record<string, string>; code?: string }
  | 'drop'
  | 'hang';

export interface FakeConnector {
  /** e.g. http://127.0.0.1:40123/ (with the trailing slash Teams uses) */
  serviceUrl: string;
  posted: PostedActivity[];
  updated: UpdatedActivity[];
  /** resolves once `count` activities have been posted in total */
  waitFor(count: number, timeoutMs?: number): Promise<PostedActivity[]>;
  /** resolves once `count` activities have been updated in total */
  waitForUpdates(count: number, timeoutMs?: number): Promise<UpdatedActivity[]>;
  /** answer every request from now on with this status (e.g. 403, 429) instead of 201 */
  failNext(status: number, headers?: Record<string, string>): void;
  /** answer the next requests with these, one each, then accept again */
  answerNext(...failures: FakeFailure[]): void;
  /** requests refused by a failure, in order: "POST 429", "PUT 404", "POST drop" */
  refused: string[];
  /** posts accepted, counted even when they are not recorded */
  accepted(): number;
  close(): Promise<void>;
}

export interface FakeConnectorOptions {
  /** keep every posted activity in `posted` (default); a load benchmark only counts them */
  record?: boolean;
}

const ACTIVITIES = /^\/v3\/conversations\/([^/?]+)\/activities\/?(?:([^/?]+))?\/?(\?.*)?$/;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function waiter<T>(list: T[], what: string) {
  const waiters: { count: number; resolve: () => void }[] = [];
  return {
    notify() {
      for (const w of waiters.filter((w) => list.length >= w.count)) w.resolve();
    },
    wait(count: number, timeoutMs = 5000): Promise<T[]> {
      if (list.length >= count) return Promise.resolve(list.slice());
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(`fake connector: ${list.length} of ${count} ${what} after ${timeoutMs} ms`),
            ),
          timeoutMs,
        );
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve(list.slice());
          },
        });
      });
    },
  };
}

export async function startFakeConnector(
  options: FakeConnectorOptions = {},
): Promise<FakeConnector> {
  const record = options.record ?? true;
  let accepted = 0;
  const posted: PostedActivity[] = [];
  const updated: UpdatedActivity[] = [];
  const refused: string[] = [];
  const onPost = waiter(posted, 'activities');
  const onUpdate = waiter(updated, 'updates');
  const queue: FakeFailure[] = [];
  let always: FakeFailure | undefined;
  const server: Server = createServer(async (req, res) => {
    const match = ACTIVITIES.exec(req.url ?? '');
    const raw = await readBody(req);
    const isPost = req.method === 'POST' && match?.[1] && !match[2];
    const isPut = req.method === 'PUT' && match?.[1] && match[2];
    if (!match?.[1] || (!isPost && !isPut)) {
      res.writeHead(404).end();
      return;
    }
    const failure = queue.shift() ?? always;
    if (failure === 'drop') {
      refused.push(`${req.method} drop`);
      req.socket.destroy();
      return;
    }
    if (failure === 'hang') {
      refused.push(`${req.method} hang`);
      return;
    }
    if (failure) {
      refused.push(`${req.method} ${failure.status}`);
      res.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers });
      res.end(
        JSON.stringify({ error: { code: failure.code ?? 'Fake', message: 'failing on purpose' } }),
      );
      return;
    }
    if (!record && isPost) {
      accepted += 1;
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `activity-${accepted}` }));
      return;
    }
    const conversationId = decodeURIComponent(match[1]);
    const authorization = req.headers.authorization;
    const body = JSON.parse(raw) as ActivityBody;
    if (isPut && match[2]) {
      const activityId = decodeURIComponent(match[2]);
      updated.push({ conversationId, activityId, authorization, body });
      onUpdate.notify();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: activityId }));
      return;
    }
    const targeted = /[?&]isTargetedActivity=true/.test(match[3] ?? '');
    posted.push({ conversationId, authorization, targeted, body });
    accepted += 1;
    onPost.notify();
    res.writeHead(201, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: `activity-${posted.length}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    posted,
    updated,
    refused,
    accepted: () => accepted,
    waitFor: (count, timeoutMs) => onPost.wait(count, timeoutMs),
    waitForUpdates: (count, timeoutMs) => onUpdate.wait(count, timeoutMs),
    failNext(status, headers = {}) {
      always = { status, headers };
    },
    answerNext(...failures) {
      queue.push(...failures);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
