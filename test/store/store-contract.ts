import { afterEach, beforeEach, describe } from 'vitest';
import type { Store } from '../../src/core/index.ts';
import { acknowledgementContract } from './contract/acknowledgements.ts';
import { auditContract } from './contract/audit.ts';
import { broadcastContract } from './contract/broadcasts.ts';
import { conversationContract } from './contract/conversations.ts';
import { followUpContract } from './contract/follow-ups.ts';
import { hostileContract } from './contract/hostile.ts';
import { keptReviewContract } from './contract/kept-reviews.ts';
import { claimContract } from './contract/ledger-claims.ts';
import { listContract } from './contract/ledger-lists.ts';
import { outcomeContract } from './contract/ledger-outcomes.ts';
import { personDataContract } from './contract/person-data.ts';
import { pingContract } from './contract/ping.ts';
import { subscriptionContract } from './contract/subscriptions.ts';
import { teamDiscussionContract } from './contract/team-discussions.ts';

/**
 * The one contract every Store implementation must meet, written from the doc comments
 * of the Store port (src/core/ports.ts). `open` must return a fresh, empty store: each
 * test opens its own and closes it afterwards.
 */
export function describeStoreContract(name: string, open: () => Promise<Store>): void {
  describe(`${name}: Store contract`, () => {
    let current: Store | undefined;
    const store = (): Store => {
      if (!current) throw new Error('the store is not open');
      return current;
    };
    beforeEach(async () => {
      current = await open();
    });
    afterEach(async () => {
      await current?.close();
      current = undefined;
    });

    subscriptionContract(store);
    claimContract(store);
    outcomeContract(store);
    listContract(store);
    broadcastContract(store);
    followUpContract(store);
    acknowledgementContract(store);
    teamDiscussionContract(store);
    auditContract(store);
    conversationContract(store);
    hostileContract(store);
    pingContract(store);
    keptReviewContract(store);
    personDataContract(store);
  });
}
