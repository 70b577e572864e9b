/**
 * An outbound HTTP proxy on 127.0.0.1, as a council's network puts between the bot and
 * the internet: it records every request that passes through it and forwards plain HTTP
 * requests (absolute-form, `POST http://host/path`) to their target. It forwards to
 * 127.0.0.1 only, so nothing a test sends leaves the machine. A CONNECT (the tunnel an
 * HTTPS request asks for) is recorded and refused: what goes through a tunnel is TLS,
 * which the proxy could not read anyway.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  method: string;
  /** the absolute URL asked for, or host:port for a CONNECT */
  target: string;
  /** the authorization header the proxy could read, if any */
  authorization: string | undefined;
}

export interface ForwardProxy {
  /** e.g. http://127.0.0.1:40123, for HTTP_PROXY / HTTPS_PROXY */
  url: string;
  seen: ProxiedRequest[];
  close(): Promise<void>;
}

export async function startForwardProxy(): Promise<ForwardProxy> {
  const seen: ProxiedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const target = req.url ?? '';
    seen.push({ method: req.method ?? '', target, authorization: req.headers.authorization });
    const url = URL.canParse(target) ? new URL(target) : undefined;
    if (url?.protocol !== 'http:' || url.hostname !== '127.0.0.1') {
      res.writeHead(403).end('this test proxy forwards to http://127.0.0.1 only');
      return;
    }
    const headers = { ...req.headers, host: url.host };
    const upstream = request(url, { method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connect', (req, socket) => {
    seen.push({
      method: 'CONNECT',
      target: req.url ?? '',
      authorization: req.headers.authorization,
    });
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
