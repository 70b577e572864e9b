import type pg from 'pg';
import type { Logger } from '../../core/index.ts';
import { silentLogger } from '../../core/index.ts';
import { describeError, passwordOf, scrub } from '../describe-error.ts';
import { advisoryLockKey } from './lock-key.ts';
import { type LockSession, openLockSession } from './lock-session.ts';

/**
 * node-cron 4's `RunCoordinator` (matched by shape, so that the store does not depend on
 * node-cron): decides which replica runs a scheduled slot. Only needed on PostgreSQL;
 * with SQLite there is one process, and node-cron runs every slot itself.
 */
export interface AdvisoryLockCoordinator {
  /** true for exactly one replica per key until `ttlMs` has passed; false on any error */
  shouldRun(key: string, ttlMs: number): Promise<boolean>;
  /** nothing to do: the lock is held for the whole ttl (see createAdvisoryLockCoordinator) */
  onComplete(key: string): void;
  /** releases every lock and the connection; shouldRun answers false afterwards */
  close(): Promise<void>;
}

/** a key this process holds, or is asking for (session not yet known) */
interface Held {
  session?: LockSession;
  timer?: NodeJS.Timeout;
}

const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * A run coordinator backed by PostgreSQL session advisory locks, on one dedicated
 * connection (a pool's client, checked out and kept, or its own Client from a URL).
 *
 * The lock is released by a timer after ttlMs, not when the run completes: replicas'
 * clocks and timers differ by milliseconds, and a replica that fires just after the
 * winner finished must still find the slot taken. Errors never elect: they log and
 * return false, so a database outage skips runs rather than doubling them (the ledger
 * would refuse a double post anyway).
 *
 * @example
 *   const coordinator = createAdvisoryLockCoordinator(databaseUrl, { logger });
 *   cron.schedule('0 9 * * 1', run, { distributed: true, runCoordinator: coordinator });
 */
export function createAdvisoryLockCoordinator(
  source: pg.Pool | string,
  options: { logger?: Logger } = {},
): AdvisoryLockCoordinator {
  const logger = options.logger ?? silentLogger;
  const secret = typeof source === 'string' ? passwordOf(source) : undefined;
  const held = new Map<string, Held>();
  let session: Promise<LockSession> | undefined;
  let closed = false;
  const say = (error: unknown) => scrub(describeError(error), secret);

  /** the connection is gone, and with it every lock it held */
  const lost = (gone: LockSession, error: unknown): void => {
    logger.warn('run coordinator lost its PostgreSQL connection; its locks are gone', {
      error: say(error),
    });
    for (const [key, entry] of held) {
      if (entry.session !== gone) continue;
      clearTimeout(entry.timer);
      held.delete(key);
    }
    session = undefined;
    void gone.end();
  };

  const connect = (): Promise<LockSession> => {
    if (session) return session;
    const opening = openLockSession(source, lost);
    session = opening;
    opening.catch(() => {
      if (session === opening) session = undefined;
    });
    return opening;
  };

  const release = async (key: string, entry: Held): Promise<void> => {
    if (held.get(key) !== entry || !entry.session) return;
    held.delete(key);
    try {
      await entry.session.client.query('SELECT pg_advisory_unlock($1::bigint)', [lockOf(key)]);
    } catch (error) {
      logger.warn('run coordinator could not release a lock', { key, error: say(error) });
    }
  };

  const tryLock = async (key: string, ttlMs: number, entry: Held): Promise<boolean> => {
    entry.session = await connect();
    if (closed) return false;
    const { rows } = await entry.session.client.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock($1::bigint) AS locked',
      [lockOf(key)],
    );
    if (rows[0]?.locked !== true) return false;
    const delay = Math.min(Math.max(0, ttlMs || 0), MAX_TIMER_MS);
    entry.timer = setTimeout(() => void release(key, entry), delay).unref();
    return true;
  };

  return {
    async shouldRun(key, ttlMs) {
      // a session advisory lock is re-entrant for its own session, so this process must
      // remember what it holds (or is asking for) or it would elect itself twice
      if (closed || held.has(key)) return false;
      const entry: Held = {};
      held.set(key, entry);
      try {
        if (await tryLock(key, ttlMs, entry)) return true;
      } catch (error) {
        logger.error('run coordinator could not reach PostgreSQL; skipping this run', {
          key,
          error: say(error),
        });
      }
      if (held.get(key) === entry) held.delete(key);
      return false;
    },
    onComplete() {},
    async close() {
      closed = true;
      for (const entry of held.values()) clearTimeout(entry.timer);
      held.clear();
      const current = session;
      session = undefined;
      // ending the session releases every advisory lock it held
      if (current) await current.then((s) => s.end()).catch(() => {});
    },
  };
}

function lockOf(key: string): string {
  return advisoryLockKey(`cron:${key}`);
}
