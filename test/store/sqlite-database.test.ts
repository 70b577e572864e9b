import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/index.ts';
import { openStore, StoreError, StoreSchemaNewerError } from '../../src/store/index.ts';
import { sqliteMigrations } from '../../src/store/sqlite/migrations.ts';
import { claimOf, subscribe, T0 } from './contract/fixtures.ts';
import { runNode, runWorker } from './helpers/run-node.ts';
import { itMergesDuplicateSubscriptions } from './merge-duplicates.ts';
import { itMigratesAcknowledgementsToTeamDiscussions } from './team-discussions-migration.ts';

const folder = mkdtempSync(join(tmpdir(), 'lessons-bot-sqlite-db-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let files = 0;
const freshFile = () => join(folder, `db-${++files}.db`);
const WORKER = new URL('./helpers/sqlite-worker.ts', import.meta.url).pathname;

function versions(file: string): number[] {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return db
      .prepare('SELECT version FROM schema_version ORDER BY version')
      .all()
      .map((r) => Number(r.version));
  } finally {
    db.close();
  }
}

describe('SQLite store: opening', () => {
  it('creates the file and its folders, in WAL mode with foreign keys on', async () => {
    const file = join(folder, 'deep', 'er', 'bot.db');
    const store = await openStore(`sqlite:${file}`);
    await store.close();
    expect(existsSync(file)).toBe(true);
    const db = new DatabaseSync(file);
    expect(db.prepare('PRAGMA journal_mode').get()?.journal_mode).toBe('wal');
    db.close();
  });

  it('opens ./data/lessons-bot.db in the working directory when DATABASE_URL is unset', async () => {
    const cwd = mkdtempSync(join(folder, 'cwd-'));
    const script = join(folder, 'open-default.ts');
    const index = new URL('../../src/store/index.ts', import.meta.url).pathname;
    writeFileSync(
      script,
      `import { openStore } from ${JSON.stringify(index)};\nconst s = await openStore(undefined);\nawait s.close();\n`,
    );
    const result = await runNode(script, [], { cwd });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(existsSync(join(cwd, 'data', 'lessons-bot.db'))).toBe(true);
  });

  it('resolves a relative sqlite: path against the working directory', async () => {
    const cwd = mkdtempSync(join(folder, 'rel-'));
    const script = join(folder, 'open-relative.ts');
    const index = new URL('../../src/store/index.ts', import.meta.url).pathname;
    writeFileSync(
      script,
      `import { openStore } from ${JSON.stringify(index)};\nconst s = await openStore('sqlite:state/x.db');\nawait s.close();\n`,
    );
    expect((await runNode(script, [], { cwd })).code).toBe(0);
    expect(existsSync(join(cwd, 'state', 'x.db'))).toBe(true);
  });

  it('refuses a folder that cannot be created, saying which and what to do', async () => {
    const notAFolder = join(folder, 'plain-file');
    writeFileSync(notAFolder, 'x');
    const url = `sqlite:${join(notAFolder, 'sub', 'bot.db')}`;
    const error = await openStore(url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: 'store_unavailable' });
    expect((error as Error).message).toContain(
      `Cannot create the folder ${join(notAFolder, 'sub')}`,
    );
    expect((error as Error).message).toContain('DATABASE_URL');
  });

  it('refuses a file that is not a SQLite database', async () => {
    const file = join(folder, 'not-a-db.db');
    writeFileSync(file, 'this is not a database, it is a shopping list\n'.repeat(100));
    const error = await openStore(`sqlite:${file}`).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'store_unavailable' });
    expect((error as Error).message).toContain(file);
  });
});

/** Undoes version 8, so that a test replaying an older migration can run it again after. */
const UNDO_8 =
  'DROP TABLE follow_up_answers; ALTER TABLE subscriptions DROP COLUMN nation; ALTER TABLE subscriptions DROP COLUMN reminders;';

describe('SQLite store: migrations', () => {
  it('records the schema version on a fresh database', async () => {
    const file = freshFile();
    await (await openStore(`sqlite:${file}`)).close();
    expect(versions(file)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const db = new DatabaseSync(file, { readOnly: true });
    const indexes = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all()
      .map((r) => r.name);
    db.close();
    expect(indexes).toEqual([
      'acknowledgements_by_at',
      'audit_log_by_at',
      'broadcasts_by_created',
      'conversation_refs_by_team',
      'deliveries_by_due',
      'deliveries_by_status',
      'follow_up_answers_by_answered',
      'subscriptions_by_created',
      'subscriptions_by_updated',
      'team_discussions_by_discussed',
    ]);
  });

  it('reopens an up-to-date database without changing it, keeping the data', async () => {
    const file = freshFile();
    const first = await openStore(`sqlite:${file}`);
    const sub = await subscribe(first);
    await first.close();
    const second = await openStore(`sqlite:${file}`);
    expect(await second.getSubscription(sub.id)).toEqual(sub);
    await second.close();
    expect(versions(file)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('refuses a database of a newer schema with store_schema_newer, saying what to do', async () => {
    const file = freshFile();
    await (await openStore(`sqlite:${file}`)).close();
    const db = new DatabaseSync(file);
    db.prepare('INSERT INTO schema_version VALUES (?, ?, ?)').run(9, 'from the future', Date.now());
    db.close();
    const error = await openStore(`sqlite:${file}`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreSchemaNewerError);
    expect(error).toMatchObject({
      code: 'store_schema_newer',
      databaseVersion: 9,
      knownVersion: 8,
    });
    const message = (error as Error).message;
    expect(message).toContain('schema version 9');
    expect(message).toContain('up to 8');
    expect(message).toMatch(/Upgrade lessons-bot/);
    expect(message).toMatch(/point DATABASE_URL at another database/);
    expect(message).toContain(file);
  });

  it('brings a version-1 ledger to version 2, every row keeping its state and its acknowledgements', async () => {
    const file = freshFile();
    const v1 = new DatabaseSync(file);
    v1.exec(sqliteMigrations[0]?.sql ?? '');
    v1.exec(`CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT;
      INSERT INTO schema_version VALUES (1, 'v1', 0);`);
    v1.prepare(
      `INSERT INTO subscriptions VALUES ('s1', 'slack', 'T1', 'C1', NULL, 1, '09:00', 'Europe/London', '[]', 'active', NULL, 0, 0, NULL)`,
    ).run();
    const states = ['sending', 'sent', 'retry', 'gone', 'failed', 'in-doubt'];
    states.forEach((status, i) => {
      v1.prepare(
        `INSERT INTO deliveries (id, subscription_id, kind, period, lesson_id, status, attempts, due_at, owner, lease_until, updated_at)
         VALUES (?, 's1', 'briefing', ?, 'r/1', ?, 1, ?, 'old-owner', 60000, 1000)`,
      ).run(`d${i}`, `W${i}`, status, i * 1000);
    });
    v1.prepare(`INSERT INTO acknowledgements VALUES ('d1', 'slack:U1', 5000)`).run();
    v1.close();

    const store = await openStore(`sqlite:${file}`);
    expect(versions(file)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const rows = await store.listDeliveries();
    expect(rows.map((d) => [d.id, d.status, d.owner, d.lessonId])).toEqual(
      states.map((status, i) => [`d${i}`, status, 'old-owner', 'r/1']),
    );
    expect((await store.countAcknowledgements(['d1'])).get('d1')).toBe(1);
    const claim = await store.claimDelivery(claimOf('s1', { period: 'W9' }));
    expect(claim?.status).toBe('claimed');
    await expect(store.claimDelivery(claimOf('no-such-sub', { period: 'W9' }))).rejects.toThrow();
    expect(await store.acknowledge({ deliveryId: 'd1', userId: 'slack:U2', at: T0 })).toEqual({
      added: true,
      count: 2,
    });
    await store.close();
  });

  itMergesDuplicateSubscriptions(
    async () => `sqlite:${freshFile()}`,
    async (url) => {
      const db = new DatabaseSync(url.slice('sqlite:'.length));
      // the later migrations (5: kept_reviews) are undone too, so that they run again
      db.exec(
        `DELETE FROM schema_version WHERE version >= 4; DROP TABLE kept_reviews; DROP TABLE settings; ${UNDO_8}`,
      );
      db.close();
    },
  );

  itMigratesAcknowledgementsToTeamDiscussions(
    async () => `sqlite:${freshFile()}`,
    async (url) => {
      const db = new DatabaseSync(url.slice('sqlite:'.length));
      db.exec(
        `DROP TABLE team_discussions; DROP TABLE settings; DELETE FROM schema_version WHERE version >= 6; ${UNDO_8}`,
      );
      db.close();
    },
  );

  it('lets six processes start together on a new file', async () => {
    // switching a new file to WAL while another process migrates it can deadlock-detect
    // at once ("database is locked", no busy wait): the store retries that switch
    const file = freshFile();
    const startAt = String(Date.now() + 1_000);
    const results = await Promise.all(
      [1, 2, 3, 4, 5, 6].map(() =>
        runWorker<{ opened: boolean }>(WORKER, ['open', `sqlite:${file}`, startAt]),
      ),
    );
    expect(results).toEqual(Array.from({ length: 6 }, () => ({ opened: true })));
    expect(versions(file)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

describe('SQLite store: two stores on one file', () => {
  async function pair(): Promise<[Store, Store, string]> {
    const file = freshFile();
    return [await openStore(`sqlite:${file}`), await openStore(`sqlite:${file}`), file];
  }

  it('lets one of 20 simultaneous claims through two stores win', async () => {
    const [a, b] = await pair();
    const sub = await subscribe(a);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? a : b).claimDelivery(claimOf(sub.id, { owner: `owner-${i}` })),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await b.listDeliveries()).toHaveLength(1);
    await a.close();
    await b.close();
  });

  it('sees the other store’s writes at once', async () => {
    const [a, b] = await pair();
    const sub = await subscribe(a);
    const d = await a.claimDelivery(claimOf(sub.id));
    expect(await b.getDelivery(d?.id ?? '')).toEqual(d);
    expect(await b.acknowledge({ deliveryId: d?.id ?? '', userId: 'u', at: T0 })).toEqual({
      added: true,
      count: 1,
    });
    expect(await a.acknowledge({ deliveryId: d?.id ?? '', userId: 'u', at: T0 })).toEqual({
      added: false,
      count: 1,
    });
    await a.close();
    await b.close();
  });

  it('gives each period to exactly one of four racing processes, and each acknowledgement once', async () => {
    const file = freshFile();
    const store = await openStore(`sqlite:${file}`);
    const sub = await subscribe(store);
    const target = await store.claimDelivery(claimOf(sub.id, { period: 'acked' }));
    await store.close();
    const count = 400;
    const startAt = String(Date.now() + 1500);
    const results = await Promise.all(
      ['w1', 'w2', 'w3', 'w4'].map((name) =>
        runWorker<{ periods: string[]; acks: number }>(WORKER, [
          'race',
          `sqlite:${file}`,
          startAt,
          sub.id,
          target?.id ?? '',
          name,
          String(count),
        ]),
      ),
    );
    const won = results.flatMap((r) => r.periods);
    expect(won).toHaveLength(count);
    expect(new Set(won).size).toBe(count);
    expect(results.reduce((sum, r) => sum + r.acks, 0)).toBe(count);
    const check = await openStore(`sqlite:${file}`);
    expect(await check.listDeliveries()).toHaveLength(count + 1);
    expect((await check.countAcknowledgements([target?.id ?? ''])).get(target?.id ?? '')).toBe(
      count,
    );
    await check.close();
  });
});
