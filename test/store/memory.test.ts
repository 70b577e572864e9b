import { memoryStore } from '../helpers/memory-store.ts';
import { describeSqlStoreDetails } from './sql-details.ts';
import { describeStoreContract } from './store-contract.ts';

// The in-memory Store that the delivery logic's unit tests use must keep the same contract.
describeStoreContract('memory store', async () => memoryStore());
// It also follows the SQL stores where the port is silent, so that unit tests predict them,
// except that it does not check that a claim's subscription exists (the databases' foreign
// key does): a unit test may claim for a made-up subscription id that SQL would refuse.
describeSqlStoreDetails('memory store', async () => memoryStore(), { checksReferences: false });
