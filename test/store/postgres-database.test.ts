import { afterAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/index.ts';
import { openStore, StoreSchemaNewerError } from '../../src/store/index.ts';
import { postgresMigrations } from '../../src/store/postgres/migrations.ts';
import { recordingLogger } from '../helpers/recording-logger.ts';
import { claimed, claimOf, minutes, subscribe, T0 } from './contract/fixtures.ts';
import {
  SKIP_NOTE,
  TEST_DATABASE_URL,
  TestSchemas,
  warnIfSkipped,
} from './helpers/postgres-schemas.ts';
import { itMergesDuplicateSubscriptions } from './merge-duplicates.ts';
import { itMigratesAcknowledgementsToTeamDiscussions } from './team-discussions-migration.ts';

warnIfSkipped();

describe.skipIf(!TEST_DATABASE_URL)(
  `PostgreSQL store: database${TEST_DATABASE_URL ? '' : ` (${SKIP_NOTE})`}`,
  () => {
    const schemas = new TestSchemas(TEST_DATABASE_URL ?? '');
    afterAll(() => schemas.dropAll());

    const versions = async (schema: string) =>
      (
        await schemas.admin<{ version: number }>(
          `SELECT version FROM ${schema}.schema_version ORDER BY version`,
        )
      ).map((r) => r.version);

    /** Undoes version 8, so that a test replaying an older migration can run it again after. */
    function undo8(schema: string | undefined): string {
      return `DROP TABLE ${schema}.follow_up_answers; ALTER TABLE ${schema}.subscriptions DROP COLUMN nation, DROP COLUMN reminders;`;
    }

    describe('migrations', () => {
      it('creates every table in a fresh schema and records its version', async () => {
        const { schema, url } = await schemas.create();
        const logger = recordingLogger();
        await (await openStore(url, { logger })).close();
        expect(await versions(schema)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
        const tables = await schemas.admin<{ table_name: string }>(
          `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`,
          [schema],
        );
        expect(tables.map((t) => t.table_name)).toEqual([
          'acknowledgements',
          'audit_log',
          'broadcasts',
          'conversation_refs',
          'deliveries',
          'follow_up_answers',
          'kept_reviews',
          'schema_version',
          'settings',
          'subscriptions',
          'team_discussions',
        ]);
        expect(logger.lines.map((l) => l.message)).toContain('store schema migrated');
        const indexes = await schemas.admin<{ indexname: string; indexdef: string }>(
          'SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = $1 ORDER BY indexname',
          [schema],
        );
        const definitions = indexes.map((i) => i.indexdef.replace(`${schema}.`, ''));
        for (const expected of [
          'UNIQUE INDEX subscriptions_platform_workspace_channel_key ON subscriptions USING btree (platform, workspace, channel)',
          'UNIQUE INDEX deliveries_subscription_id_kind_period_key ON deliveries USING btree (subscription_id, kind, period)',
          'INDEX deliveries_by_due ON deliveries USING btree (due_at, id)',
          'INDEX deliveries_by_status ON deliveries USING btree (status, lease_until)',
          'UNIQUE INDEX broadcasts_review_id_round_key ON broadcasts USING btree (review_id, round)',
          'UNIQUE INDEX acknowledgements_pkey ON acknowledgements USING btree (delivery_id, user_id)',
          'INDEX conversation_refs_by_team ON conversation_refs USING btree (team_id)',
          'INDEX subscriptions_by_updated ON subscriptions USING btree (updated_at)',
          'INDEX team_discussions_by_discussed ON team_discussions USING btree (discussed_at)',
          'INDEX follow_up_answers_by_answered ON follow_up_answers USING btree (answered_at)',
        ]) {
          expect(definitions).toContain(`CREATE ${expected}`);
        }
      });

      it('keeps the ledger’s times as timestamptz', async () => {
        const { schema, url } = await schemas.create();
        await (await openStore(url)).close();
        const columns = await schemas.admin<{ column_name: string; data_type: string }>(
          `SELECT column_name, data_type FROM information_schema.columns
         WHERE table_schema = $1 AND table_name = 'deliveries' AND column_name LIKE '%_at'
         ORDER BY column_name`,
          [schema],
        );
        expect(columns).toEqual(
          ['due_at', 'next_attempt_at', 'sent_at', 'updated_at'].map((column_name) => ({
            column_name,
            data_type: 'timestamp with time zone',
          })),
        );
      });

      it('reopens an up-to-date schema without changing it, keeping the data', async () => {
        const { schema, url } = await schemas.create();
        const first = await openStore(url);
        const sub = await subscribe(first);
        await first.close();
        const second = await openStore(url);
        expect(await second.getSubscription(sub.id)).toEqual(sub);
        await second.close();
        expect(await versions(schema)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      });

      it('refuses a schema newer than the code with store_schema_newer', async () => {
        const { schema, url } = await schemas.create();
        await (await openStore(url)).close();
        await schemas.admin(
          `INSERT INTO ${schema}.schema_version (version, description) VALUES (9, 'future')`,
        );
        const error = await openStore(url).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(StoreSchemaNewerError);
        expect(error).toMatchObject({
          code: 'store_schema_newer',
          databaseVersion: 9,
          knownVersion: 8,
        });
        expect((error as Error).message).toMatch(
          /Upgrade lessons-bot.*point DATABASE_URL at another database/,
        );
      });

      it('brings a version-1 ledger to version 2, every row keeping its state', async () => {
        const { schema, url } = await schemas.create();
        const v1 = postgresMigrations[0]?.sql ?? '';
        await schemas.admin(`SET search_path = ${schema}; ${v1}
          CREATE TABLE schema_version (version integer PRIMARY KEY, description text NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now());
          INSERT INTO schema_version (version, description) VALUES (1, 'v1');
          INSERT INTO subscriptions VALUES ('s1', 'slack', 'T1', 'C1', NULL, 1, '09:00',
            'Europe/London', '{}', 'active', NULL, now(), now(), NULL);`);
        const states = ['sending', 'sent', 'retry', 'gone', 'failed', 'in-doubt'];
        for (const [i, status] of states.entries()) {
          await schemas.admin(
            `INSERT INTO ${schema}.deliveries (id, subscription_id, kind, period, lesson_id, status,
               attempts, due_at, owner, updated_at)
             VALUES ($1, 's1', 'briefing', $2, 'r/1', $3, 1, to_timestamp($4), 'old-owner', now())`,
            [`d${i}`, `W${i}`, status, i],
          );
        }
        const store = await openStore(url);
        expect(await versions(schema)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
        const rows = await store.listDeliveries();
        expect(rows.map((d) => [d.id, d.status, d.owner])).toEqual(
          states.map((status, i) => [`d${i}`, status, 'old-owner']),
        );
        expect((await store.claimDelivery(claimOf('s1', { period: 'W9' })))?.status).toBe(
          'claimed',
        );
        await store.close();
        const bad = schemas.admin(
          `UPDATE ${schema}.deliveries SET status = 'posted' WHERE id = 'd0'`,
        );
        await expect(bad).rejects.toThrow(/deliveries_status_check/);
      });

      const schemaOf = new Map<string, string>();
      itMergesDuplicateSubscriptions(
        async () => {
          const { schema, url } = await schemas.create();
          schemaOf.set(url, schema);
          return url;
        },
        async (url) => {
          // the later migrations (5: kept_reviews, 7: settings) are undone too, so that they run again
          const schema = schemaOf.get(url);
          await schemas.admin(
            `DELETE FROM ${schema}.schema_version WHERE version >= 4; DROP TABLE ${schema}.kept_reviews; DROP TABLE ${schema}.settings; ${undo8(schema)}`,
          );
        },
      );

      itMigratesAcknowledgementsToTeamDiscussions(
        async () => {
          const { schema, url } = await schemas.create();
          schemaOf.set(url, schema);
          return url;
        },
        async (url) => {
          const schema = schemaOf.get(url);
          await schemas.admin(
            `DROP TABLE ${schema}.team_discussions; DROP TABLE ${schema}.settings; DELETE FROM ${schema}.schema_version WHERE version >= 6; ${undo8(schema)}`,
          );
        },
      );

      it('keeps the subscription states to the known ones, paused among them', async () => {
        const { schema, url } = await schemas.create();
        const store = await openStore(url);
        const sub = await subscribe(store);
        expect(await store.setSubscriptionStatus(sub.id, 'paused', 'not_in_channel', T0)).toBe(
          true,
        );
        await store.close();
        const bad = schemas.admin(`UPDATE ${schema}.subscriptions SET status = 'asleep'`);
        await expect(bad).rejects.toThrow(/subscriptions_status_check/);
      });

      it('lets four replicas start together on an empty database', async () => {
        const { schema, url } = await schemas.create();
        const stores = await Promise.all([1, 2, 3, 4].map(() => openStore(url)));
        await Promise.all(stores.map((s) => s.close()));
        expect(await versions(schema)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      });
    });

    describe('two stores (replicas) on one database', () => {
      async function replicas(): Promise<[Store, Store]> {
        const { url } = await schemas.create();
        return [await openStore(url), await openStore(url)];
      }

      it('lets one of 20 simultaneous claims through two stores win', async () => {
        const [a, b] = await replicas();
        const sub = await subscribe(a);
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            (i % 2 ? a : b).claimDelivery(claimOf(sub.id, { owner: `r${i}` })),
          ),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
        expect(await a.listDeliveries()).toHaveLength(1);
        await Promise.all([a.close(), b.close()]);
      });

      it('lets one of 20 simultaneous claims through two stores take over a due retry', async () => {
        const [a, b] = await replicas();
        const sub = await subscribe(a);
        const first = await claimed(a, claimOf(sub.id));
        await a.failDelivery(first.id, first.owner ?? '', {
          status: 'retry',
          error: '503',
          nextAttemptAt: minutes(5),
          now: minutes(1),
        });
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            (i % 2 ? a : b).claimDelivery(claimOf(sub.id, { owner: `r${i}`, now: minutes(5) })),
          ),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
        expect(await b.getDelivery(first.id)).toMatchObject({ attempts: 2, status: 'claimed' });
        await Promise.all([a.close(), b.close()]);
      });

      it('adds one of 20 simultaneous acknowledgements by the same user through two stores', async () => {
        const [a, b] = await replicas();
        const sub = await subscribe(a);
        const d = await claimed(a, claimOf(sub.id));
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            (i % 2 ? a : b).acknowledge({ deliveryId: d.id, userId: 'u', at: T0 }),
          ),
        );
        expect(results.filter((r) => r?.added)).toHaveLength(1);
        expect(results.every((r) => r?.count === 1)).toBe(true);
        await Promise.all([a.close(), b.close()]);
      });

      it('creates one broadcast round when two replicas publish again at once', async () => {
        const [a, b] = await replicas();
        await a.startBroadcast({ reviewId: 'r', again: false, by: 'cli', now: T0 });
        const results = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            (i % 2 ? a : b).startBroadcast({
              reviewId: 'r',
              again: true,
              by: 'cli',
              now: minutes(1),
            }),
          ),
        );
        const created = results.filter((r) => r.created);
        expect(created.length).toBeGreaterThanOrEqual(1);
        const rounds = (await a.listBroadcasts({ reviewId: 'r' })).map((x) => x.round);
        expect(rounds).toEqual([...new Set(rounds)]);
        expect(rounds.length).toBe(1 + created.length);
        await Promise.all([a.close(), b.close()]);
      });
    });

    describe('logging', () => {
      it('logs where it opened, never with the password', async () => {
        const { url } = await schemas.create();
        const withPassword = new URL(url);
        withPassword.username = 'postgres';
        withPassword.password = 'hunter2'; // trust auth on the test server ignores it
        const logger = recordingLogger();
        await (await openStore(withPassword.toString(), { logger })).close();
        const opened = logger.lines.find((l) => l.message === 'store opened');
        expect(opened?.fields).toMatchObject({
          dialect: 'postgres',
          database: expect.stringContaining('postgres:***@'),
        });
        expect(JSON.stringify(logger.lines)).not.toContain('hunter2');
      });
    });

    describe('close', () => {
      it('ends the pool: later calls fail, and a second close is harmless', async () => {
        const { url } = await schemas.create();
        const store = await openStore(url);
        await store.close();
        await store.close();
        await expect(store.listSubscriptions()).rejects.toThrow();
      });
    });
  },
);
