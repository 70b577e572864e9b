import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import express, { type Express, type RequestHandler } from 'express';
import type { Logger } from '../../core/index.ts';
import {
  answerErrors,
  errorBody,
  HTTP_STATUS,
  type HttpErrorCode,
  notFound,
  sendError,
} from './error-answers.ts';
import { requestLog } from './request-log.ts';

/**
 * The largest body any front door reads. Slack's payloads are a few kilobytes, a Teams
 * activity rarely more than tens; a declared length above this is refused unread.
 */
export const MAX_BODY_BYTES = 1024 * 1024;
/** How long a client may take to send a whole request, headers and body. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

/** The response in progress on each connection, so that a late protocol error never corrupts it. */
const responses = new WeakMap<Socket, ServerResponse>();

const trackResponse: RequestHandler = (req, res, next) => {
  responses.set(req.socket, res);
  next();
};

/**
 * A body declared larger than the limit is refused before a byte of it is read, and the
 * connection is closed after the answer rather than drained.
 */
const refuseOversized: RequestHandler = (req, res, next) => {
  if (Number(req.get('content-length')) > MAX_BODY_BYTES) {
    res.set('connection', 'close');
    sendError(res, 'payload_too_large');
    return;
  }
  next();
};

/** The one express app every front door mounts on: /slack/events, /api/messages, health. */
export function createHttpApp(options: { logger?: Logger } = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  if (options.logger) app.use(requestLog(options.logger));
  app.use(trackResponse, refuseOversized);
  return app;
}

export interface ListeningServer {
  server: Server;
  /** e.g. http://127.0.0.1:3978 */
  url: string;
  /** stops accepting, lets requests in flight finish, closes idle keep-alive connections */
  close(): Promise<void>;
  /** drops every connection at once: for when a graceful close ran out of time */
  forceClose(): void;
}

export interface ListenOptions {
  host: string;
  /** 0 picks a free port */
  port: number;
  /** a request whose headers and body have not all arrived by then is cut (default 10 s) */
  requestTimeoutMs?: number;
  logger?: Logger;
}

/**
 * What Node itself answers for a request it cannot parse or that was too slow, as JSON
 * like every other error; nothing when an answer is already under way on the connection.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (!socket.writable || responses.get(socket)?.headersSent) {
    socket.destroy();
    return;
  }
  const code: HttpErrorCode =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'request_timeout' : 'bad_request';
  const body = errorBody(code);
  socket.end(
    `HTTP/1.1 ${HTTP_STATUS[code]} ${code === 'bad_request' ? 'Bad Request' : 'Request Timeout'}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * Adds the JSON answers for unknown paths and errors (after every route the front doors
 * mounted), then listens on host:port and resolves once listening.
 */
export function listen(app: Express, options: ListenOptions): Promise<ListeningServer> {
  app.use(notFound, answerErrors(options.logger));
  const timeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const server = createServer(
    {
      headersTimeout: timeout,
      requestTimeout: timeout,
      // Node checks the two timeouts this often (30 s by default, which would triple them).
      connectionsCheckingInterval: Math.min(1000, timeout),
    },
    app,
  );
  server.on('clientError', answerClientError);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const { port } = server.address() as AddressInfo;
      const host = options.host.includes(':') ? `[${options.host}]` : options.host;
      resolve({
        server,
        url: `http://${host}:${port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeIdleConnections();
          }),
        forceClose: () => server.closeAllConnections(),
      });
    });
  });
}
