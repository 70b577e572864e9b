import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The floor: a bare node:http server that answers every POST with a reply computed
 * beforehand, byte for byte what the bot answered. Whatever the bot costs on top of
 * this is its own work (signature checks, parsing, search, rendering).
 */
export async function startFloorServer(
  replies: Record<string, { status: number; type: string; body: string }>,
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const reply = replies[req.url ?? ''];
      if (!reply) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(reply.status, { 'content-type': reply.type }).end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
