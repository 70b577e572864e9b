import pg from 'pg';
import { CONNECT_TIMEOUT_MS } from './connect-timeout.ts';

/** One connection kept for advisory locks: they belong to the session that took them. */
export interface LockSession {
  client: pg.ClientBase;
  /** closes the connection, which releases its locks; safe to call twice */
  end(): Promise<void>;
}

/**
 * From a pool, a client checked out and never returned (returned, it would carry its
 * locks to whoever borrows it next); from a URL, a Client of its own. `onLost` hears
 * of a connection that dropped after it was opened.
 */
export async function openLockSession(
  source: pg.Pool | string,
  onLost: (session: LockSession, error: unknown) => void,
): Promise<LockSession> {
  const { client, close } = await connect(source);
  let ended = false;
  const session: LockSession = {
    client,
    async end() {
      if (ended) return;
      ended = true;
      await close().catch(() => {});
    },
  };
  client.on('error', (error) => onLost(session, error));
  return session;
}

async function connect(
  source: pg.Pool | string,
): Promise<{ client: pg.ClientBase; close: () => Promise<void> }> {
  if (typeof source !== 'string') {
    const client = await source.connect();
    return { client, close: async () => client.release(true) };
  }
  const client = new pg.Client({
    connectionString: source,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    application_name: 'lessons-bot coordinator',
  });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw error;
  }
  return { client, close: () => client.end() };
}
