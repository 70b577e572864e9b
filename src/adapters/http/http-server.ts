import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import type { Logger } from '../../core/index.ts';
import { requestLog } from './request-log.ts';

/** The one express app every front door mounts on: /slack/events, /api/messages, health. */
export function createHttpApp(options: { logger?: Logger } = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  if (options.logger) app.use(requestLog(options.logger));
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

/** Listens on host:port (port 0 picks a free one) and resolves once listening. */
export function listen(
  app: Express,
  options: { host: string; port: number },
): Promise<ListeningServer> {
  return new Promise((resolve, reject) => {
    const server = app.listen(options.port, options.host);
    server.once('error', reject);
    server.once('listening', () => {
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
