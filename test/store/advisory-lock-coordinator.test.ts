import cron, { type RunCoordinator } from 'node-cron';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type AdvisoryLockCoordinator,
  createAdvisoryLockCoordinator,
} from '../../src/store/index.ts';
import { advisoryLockKey } from '../../src/store/postgres/lock-key.ts';
import { recordingLogger } from '../helpers/recording-logger.ts';
import { SKIP_NOTE, TEST_DATABASE_URL, warnIfSkipped } from './helpers/postgres-schemas.ts';

warnIfSkipped();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** keys unique to this run, so that parallel runs on one database never meet */
const run = `${process.pid}-${Date.now()}`;
let keys = 0;
const freshKey = () => `test:${run}:${++keys}`;

describe('createAdvisoryLockCoordinator without a database', () => {
  it('answers false, and logs why, when PostgreSQL cannot be reached; never shows the password', async () => {
    const logger = recordingLogger();
    const coordinator = createAdvisoryLockCoordinator('postgres://bot:hunter2@127.0.0.1:9/x', {
      logger,
    });
    expect(await coordinator.shouldRun('k', 1000)).toBe(false);
    await coordinator.close();
    expect(logger.lines).toEqual([
      expect.objectContaining({
        level: 'error',
        message: expect.stringMatching(/skipping this run/),
      }),
    ]);
    expect(logger.lines[0]?.fields).toMatchObject({
      key: 'k',
      error: expect.stringMatching(/ECONNREFUSED/),
    });
    expect(JSON.stringify(logger.lines)).not.toContain('hunter2');
  });

  it('has the shape of node-cron’s RunCoordinator', () => {
    const coordinator: RunCoordinator = createAdvisoryLockCoordinator(
      'postgres://nobody@127.0.0.1:9/x',
    );
    expect(typeof coordinator.shouldRun).toBe('function');
  });
});

describe.skipIf(!TEST_DATABASE_URL)(
  `createAdvisoryLockCoordinator${TEST_DATABASE_URL ? '' : ` (${SKIP_NOTE})`}`,
  () => {
    const url = TEST_DATABASE_URL ?? '';
    const opened: AdvisoryLockCoordinator[] = [];
    const pools: pg.Pool[] = [];
    const coordinator = (source: string | pg.Pool = url) => {
      const c = createAdvisoryLockCoordinator(source, { logger: recordingLogger() });
      opened.push(c);
      return c;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((c) => c.close()));
      await Promise.all(pools.splice(0).map((p) => p.end()));
    });

    it('elects exactly one of two replicas asking for the same key at once', async () => {
      const [a, b] = [coordinator(), coordinator()];
      for (let i = 0; i < 5; i++) {
        const key = freshKey();
        const answers = await Promise.all([a.shouldRun(key, 5_000), b.shouldRun(key, 5_000)]);
        expect(answers.filter(Boolean)).toHaveLength(1);
      }
    });

    it('elects one of five replicas, one built on a pool', async () => {
      const pool = new pg.Pool({ connectionString: url });
      pools.push(pool);
      const replicas = [
        coordinator(pool),
        coordinator(),
        coordinator(),
        coordinator(),
        coordinator(),
      ];
      const key = freshKey();
      const answers = await Promise.all(replicas.map((r) => r.shouldRun(key, 5_000)));
      expect(answers.filter(Boolean)).toHaveLength(1);
    });

    it('never elects the same replica twice for a key it holds', async () => {
      const a = coordinator();
      const key = freshKey();
      const answers = await Promise.all([a.shouldRun(key, 5_000), a.shouldRun(key, 5_000)]);
      expect(answers.sort()).toEqual([false, true]);
      expect(await a.shouldRun(key, 5_000)).toBe(false);
    });

    it('keeps the key taken after the run completes, until the ttl has passed', async () => {
      const [a, b] = [coordinator(), coordinator()];
      const key = freshKey();
      expect(await a.shouldRun(key, 400)).toBe(true);
      a.onComplete(key);
      expect(await b.shouldRun(key, 400)).toBe(false);
      await sleep(700);
      expect(await b.shouldRun(key, 400)).toBe(true);
      expect(await a.shouldRun(key, 400)).toBe(false);
    });

    it('elects each key separately', async () => {
      const [a, b] = [coordinator(), coordinator()];
      expect(await a.shouldRun(freshKey(), 5_000)).toBe(true);
      expect(await b.shouldRun(freshKey(), 5_000)).toBe(true);
    });

    it('releases its keys when closed', async () => {
      const [a, b] = [coordinator(), coordinator()];
      const key = freshKey();
      expect(await a.shouldRun(key, 60_000)).toBe(true);
      await a.close();
      expect(await a.shouldRun(freshKey(), 60_000)).toBe(false);
      expect(await b.shouldRun(key, 60_000)).toBe(true);
    });

    it('recovers when its connection is killed: the locks are gone, and it reconnects', async () => {
      const logger = recordingLogger();
      const a = createAdvisoryLockCoordinator(url, { logger });
      opened.push(a);
      const b = coordinator();
      const key = freshKey();
      expect(await a.shouldRun(key, 60_000)).toBe(true);
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_locks
       WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid()
         AND classid = $1::oid AND objid = $2::oid AND objsubid = 1`,
        lockKeyHalves(key),
      );
      await admin.end();
      await sleep(200);
      expect(await b.shouldRun(key, 60_000)).toBe(true);
      expect(await a.shouldRun(freshKey(), 60_000)).toBe(true);
      expect(logger.lines.map((l) => l.message)).toContain(
        'run coordinator lost its PostgreSQL connection; its locks are gone',
      );
    });

    it('lets node-cron run each slot once across two replicas', async () => {
      const runs: string[] = [];
      const name = `briefings-${run}`;
      const tasks = ['replica-a', 'replica-b'].map((replica) =>
        cron.schedule(
          '* * * * * *',
          ({ date }) => void runs.push(`${date.toISOString()} ${replica}`),
          {
            name,
            distributed: true,
            runCoordinator: coordinator(),
            distributedLease: 5_000,
          },
        ),
      );
      await sleep(3_300);
      await Promise.all(tasks.map((t) => t.destroy()));
      const slots = runs.map((r) => r.split(' ')[0]);
      expect(slots.length).toBeGreaterThanOrEqual(2);
      expect(new Set(slots).size).toBe(slots.length);
    });
  },
);

/** the coordinator's lock key for `key`, as pg_locks shows it: high and low 32 bits */
function lockKeyHalves(key: string): [string, string] {
  const unsigned = BigInt.asUintN(64, BigInt(advisoryLockKey(`cron:${key}`)));
  return [(unsigned >> 32n).toString(), (unsigned & 0xffffffffn).toString()];
}
