/**
 * A stand-in for where a platform keeps the files people send (SharePoint for Teams), on
 * 127.0.0.1: serves bytes at /files/<name> and records each download.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FileHost {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** serves the bytes and returns their address */
  serve(name: string, bytes: Uint8Array): string;
  /** the names asked for, in order */
  downloads: string[];
  close(): Promise<void>;
}

export async function startFileHost(): Promise<FileHost> {
  const files = new Map<string, Uint8Array>();
  const downloads: string[] = [];
  const server = createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname.slice(7));
    downloads.push(name);
    const bytes = files.get(name);
    if (!bytes) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.end(bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    serve: (name, bytes) => {
      files.set(name, bytes);
      return `${origin}/files/${encodeURIComponent(name)}`;
    },
    downloads,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
