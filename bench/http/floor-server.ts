import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FloorReply {
  status: number;
  type: string;
  body: string;
  /**
   * What the bot sent out before it answered, sent again the same way: a Teams bot
   * replies by POSTing its card to the conversation's service URL, and the request to
   * /api/messages is answered once that post is accepted.
   */
  forward?: { url: string; body: string };
}

/** POSTs JSON over a kept-alive connection; resolves with the status. */
function post(agent: Agent, url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * The floor: a bare node:http server that answers every POST with a reply computed
 * beforehand, byte for byte what the bot answered, after making the same outgoing post
 * the bot made, if any. Whatever the bot costs on top of this is its own work
 * (signature checks, parsing, search, rendering, the SDKs).
 */
export async function startFloorServer(
  replies: Record<string, FloorReply>,
): Promise<{ url: string; close(): Promise<void> }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 100 });
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', async () => {
      const reply = replies[req.url ?? ''];
      if (!reply) {
        res.writeHead(404).end();
        return;
      }
      if (reply.forward) {
        const status = await post(agent, reply.forward.url, reply.forward.body).catch(() => 0);
        if (status < 200 || status > 299) {
          res.writeHead(502).end();
          return;
        }
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
        agent.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
