import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/index.ts';
import { openStore } from '../../src/store/index.ts';
import { minutes, sentDelivery, subscriptionInput } from './contract/fixtures.ts';
import {
  SKIP_NOTE,
  TEST_DATABASE_URL,
  TestSchemas,
  warnIfSkipped,
} from './helpers/postgres-schemas.ts';

const PSEUDONYM = /^slack:~[A-Za-z0-9_-]{43}$/;
const KEY_A = 'fictional-key-A-0123456789abcdefghijklmnop';
const KEY_B = 'fictional-key-B-0123456789abcdefghijklmnop';

/** Everything person-level the store keeps, as it keeps it. */
async function peopleKept(store: Store): Promise<string[]> {
  return [
    ...(await store.listAcknowledgements()).map((a) => a.userId),
    ...(await store.listAudit()).map((e) => e.actor),
    ...(await store.listSubscriptions()).map((s) => s.createdBy ?? ''),
    ...(await store.listBroadcasts()).map((b) => b.createdBy),
    ...(await store.reviews.list('draft')).map((r) => r.by ?? ''),
  ];
}

/** slack:U1 acknowledges, publishes, subscribes, broadcasts and drafts; the CLI reloads. */
async function actAs(store: Store, deliveryId: string): Promise<void> {
  await store.acknowledge({ deliveryId, userId: 'slack:U1', at: minutes(1) });
  await store.audit({ at: minutes(1), actor: 'slack:U1', action: 'publish', detail: {} });
  await store.audit({ at: minutes(2), actor: 'cli', action: 'reload', detail: {} });
  await store.saveSubscription(subscriptionInput('C2', { by: 'slack:U1' }), minutes(1));
  await store.startBroadcast({ reviewId: 'r', again: false, by: 'slack:U1', now: minutes(1) });
  await store.reviews.saveDraft(
    { id: 'd', text: 'fictional', by: 'slack:U1', now: minutes(1) },
    false,
  );
}

/**
 * `url()` gives a new empty database each call; the same url opened twice is two replicas
 * of one database.
 */
function describePseudonyms(name: string, url: () => Promise<string>): void {
  describe(`${name}: people's ids are kept as pseudonyms`, () => {
    it('keeps no platform id, one pseudonym per person, and "cli" as it is', async () => {
      const store = await openStore(await url(), { pseudonyms: {} });
      try {
        const d = await sentDelivery(store);
        await actAs(store, d.id);
        const kept = await peopleKept(store);
        expect(kept).not.toContain('slack:U1');
        const people = kept.filter((id) => id !== 'cli');
        expect(people).toHaveLength(6); // sentDelivery's subscription is slack:U1's too
        expect(new Set(people).size).toBe(1);
        expect(people[0]).toMatch(PSEUDONYM);
        expect(kept).toContain('cli');
      } finally {
        await store.close();
      }
    });

    it('gives every replica the same key, made once and kept in the database', async () => {
      const where = await url();
      const first = await openStore(where, { pseudonyms: {} });
      const second = await openStore(where, { pseudonyms: {} });
      try {
        const d = await sentDelivery(first);
        expect(
          await first.acknowledge({ deliveryId: d.id, userId: 'slack:U1', at: minutes(1) }),
        ).toEqual({ added: true, count: 1 });
        // the same person through the other replica is recognised: no second acknowledgement
        expect(
          await second.acknowledge({ deliveryId: d.id, userId: 'slack:U1', at: minutes(2) }),
        ).toEqual({ added: false, count: 1 });
        expect((await second.forgetPerson('slack:U1')).acknowledgements).toBe(1);
      } finally {
        await first.close();
        await second.close();
      }
    });

    it('uses PERSON_KEY when given: another key, other pseudonyms (rotation unlinks)', async () => {
      const where = await url();
      const pseudonymOf = async (key: string) => {
        const store = await openStore(where, { pseudonyms: { key } });
        try {
          await store.audit({ at: minutes(1), actor: 'slack:U1', action: key, detail: {} });
          return (await store.listAudit()).find((e) => e.action === key)?.actor;
        } finally {
          await store.close();
        }
      };
      const a = await pseudonymOf(KEY_A);
      const b = await pseudonymOf(KEY_B);
      expect(a).toMatch(PSEUDONYM);
      expect(b).toMatch(PSEUDONYM);
      expect(a).not.toBe(b);
      // the same key on another database gives the same pseudonym: it depends on nothing else
      const elsewhere = await openStore(await url(), { pseudonyms: { key: KEY_A } });
      try {
        await elsewhere.audit({ at: minutes(1), actor: 'slack:U1', action: 'x', detail: {} });
        expect((await elsewhere.listAudit())[0]?.actor).toBe(a);
      } finally {
        await elsewhere.close();
      }
    });

    it('replaces the ids kept before pseudonyms with the pseudonyms the bot now writes', async () => {
      const where = await url();
      const before = await openStore(where);
      const d = await sentDelivery(before);
      await actAs(before, d.id);
      expect(await peopleKept(before)).toContain('slack:U1');
      await before.close();

      const after = await openStore(where, { pseudonyms: {} });
      try {
        const kept = await peopleKept(after);
        expect(kept).not.toContain('slack:U1');
        expect(kept.filter((id) => PSEUDONYM.test(id))).toHaveLength(6);
        // the same person, now pseudonymised, has already acknowledged this delivery
        expect(
          await after.acknowledge({ deliveryId: d.id, userId: 'slack:U1', at: minutes(9) }),
        ).toEqual({ added: false, count: 1 });
        expect(await after.forgetPerson('slack:U1')).toEqual({
          acknowledgements: 1,
          auditEntries: 1,
          subscriptions: 2,
          broadcasts: 1,
          reviews: 1,
        });
        expect(await peopleKept(after)).not.toContainEqual(expect.stringMatching(PSEUDONYM));
      } finally {
        await after.close();
      }
    });
  });
}

const folder = mkdtempSync(join(tmpdir(), 'lessons-bot-pseudonyms-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let files = 0;
describePseudonyms('SQLite', async () => `sqlite:${join(folder, `p-${++files}.db`)}`);

warnIfSkipped();
describe.skipIf(!TEST_DATABASE_URL)(
  `PostgreSQL${TEST_DATABASE_URL ? '' : ` (${SKIP_NOTE})`}`,
  () => {
    const schemas = new TestSchemas(TEST_DATABASE_URL ?? '');
    afterAll(() => schemas.dropAll());
    describePseudonyms('PostgreSQL', async () => (await schemas.create()).url);
  },
);
