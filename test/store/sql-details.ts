import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/index.ts';
import {
  claimed,
  claimOf,
  minutes,
  subscribe,
  subscriptionInput,
  T0,
} from './contract/fixtures.ts';

/**
 * How the SQL stores read the parts of the Store port its doc comments leave open.
 * Not part of the contract (another Store may choose otherwise); written down here so
 * that SQLite and PostgreSQL choose alike, and so that a change is a decision.
 */
export function describeSqlStoreDetails(
  name: string,
  open: () => Promise<Store>,
  options: { checksReferences?: boolean } = {},
): void {
  const { checksReferences = true } = options;
  describe(`${name}: choices where the port is silent`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it('keeps the label when a re-subscription gives none, and replaces it when one is given', async () => {
      const first = await subscribe(store, 'C1');
      const { label: _none, ...bare } = first.target;
      const kept = await store.saveSubscription(
        { ...subscriptionInput('C1'), target: bare },
        minutes(1),
      );
      expect(kept.target.label).toBe('#team-C1');
      const renamed = await store.saveSubscription(
        { ...subscriptionInput('C1'), target: { ...bare, label: '#renamed' } },
        minutes(2),
      );
      expect(renamed.target.label).toBe('#renamed');
    });

    it('keeps createdBy with createdAt when someone else subscribes the channel again', async () => {
      const first = await subscribe(store, 'C1');
      const again = await store.saveSubscription(
        subscriptionInput('C1', { by: 'slack:U2' }),
        minutes(1),
      );
      expect(again).toMatchObject({ id: first.id, createdBy: 'slack:U1', createdAt: T0 });
    });

    it.skipIf(!checksReferences)(
      'refuses a claim for a subscription that does not exist (skipped for the memory test double, which keeps no references)',
      async () => {
        await expect(store.claimDelivery(claimOf('no-such-subscription'))).rejects.toThrow();
      },
    );

    it('lets a retry with no nextAttemptAt be taken over at once', async () => {
      const sub = await subscribe(store);
      const d = await claimed(store, claimOf(sub.id));
      await store.failDelivery(d.id, d.owner ?? '', {
        status: 'retry',
        error: '500',
        now: minutes(1),
      });
      expect(await store.getDelivery(d.id)).toMatchObject({ nextAttemptAt: minutes(1) });
      expect(
        await store.claimDelivery(claimOf(sub.id, { owner: 'b', now: minutes(1) })),
      ).toMatchObject({
        id: d.id,
        attempts: 2,
      });
    });

    it('keeps the owner and the last error, and drops the lease and nextAttemptAt, once a row is settled', async () => {
      const sub = await subscribe(store);
      const d = await claimed(store, claimOf(sub.id));
      await store.failDelivery(d.id, d.owner ?? '', {
        status: 'retry',
        error: 'slack: ratelimited',
        nextAttemptAt: minutes(2),
        now: minutes(1),
      });
      const again = await claimed(store, claimOf(sub.id, { owner: 'b', now: minutes(2) }));
      expect(again).not.toHaveProperty('nextAttemptAt');
      await store.completeDelivery(d.id, 'b', { messageRef: 'C1/2', now: minutes(3) });
      const sent = await store.getDelivery(d.id);
      expect(sent).toMatchObject({ owner: 'b', error: 'slack: ratelimited', status: 'sent' });
      expect(sent).not.toHaveProperty('leaseUntil');
    });

    it('puts every id asked about in countAcknowledgements, with 0 for none', async () => {
      const sub = await subscribe(store);
      const d = await claimed(store, claimOf(sub.id));
      const counts = await store.countAcknowledgements([d.id, 'no-such-id', d.id]);
      expect([...counts]).toEqual([
        [d.id, 0],
        ['no-such-id', 0],
      ]);
    });
  });
}
