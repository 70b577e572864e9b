/**
 * Slack's Socket Mode side on 127.0.0.1: the bot gets this server's ws:// URL from the
 * fake apps.connections.open, is greeted with `hello`, and then receives envelopes;
 * `deliver` resolves with the bot's ack for that envelope (with its payload, if any).
 */
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export interface Envelope {
  envelope_id: string;
  type: 'slash_commands' | 'interactive' | 'events_api';
  payload: Record<string, unknown>;
  accepts_response_payload?: boolean;
  retry_attempt?: number;
  retry_reason?: string;
}

export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

export interface FakeSocketServer {
  url: string;
  /** resolves once a client has connected and been sent `hello` */
  connected: Promise<void>;
  deliver(envelope: Envelope, timeoutMs?: number): Promise<SocketAck>;
  close(): Promise<void>;
}

export async function startFakeSocketServer(): Promise<FakeSocketServer> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const waiting = new Map<string, (ack: SocketAck) => void>();
  let socket: WebSocket | undefined;
  const connected = new Promise<void>((resolve) => {
    server.on('connection', (ws) => {
      socket = ws;
      ws.on('message', (data) => {
        const ack = JSON.parse(String(data)) as SocketAck;
        waiting.get(ack.envelope_id)?.(ack);
        waiting.delete(ack.envelope_id);
      });
      ws.send(
        JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' } }),
      );
      resolve();
    });
  });

  return {
    url: `ws://127.0.0.1:${port}/link/?ticket=test`,
    connected,
    deliver: (envelope, timeoutMs = 5000) =>
      new Promise<SocketAck>((resolve, reject) => {
        if (!socket) return reject(new Error('no Socket Mode client connected'));
        const timer = setTimeout(
          () => reject(new Error(`no ack for ${envelope.envelope_id}`)),
          timeoutMs,
        );
        waiting.set(envelope.envelope_id, (ack) => {
          clearTimeout(timer);
          resolve(ack);
        });
        socket.send(JSON.stringify(envelope));
      }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}
