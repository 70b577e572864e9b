import { afterAll, describe } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import {
  SKIP_NOTE,
  TEST_DATABASE_URL,
  TestSchemas,
  warnIfSkipped,
} from './helpers/postgres-schemas.ts';
import { describeSqlStoreDetails } from './sql-details.ts';
import { describeStoreContract } from './store-contract.ts';

warnIfSkipped();

describe.skipIf(!TEST_DATABASE_URL)(
  `PostgreSQL store${TEST_DATABASE_URL ? '' : ` (${SKIP_NOTE})`}`,
  () => {
    const schemas = new TestSchemas(TEST_DATABASE_URL ?? '');
    afterAll(() => schemas.dropAll());

    const fresh = async () => openStore((await schemas.create()).url);
    describeStoreContract('PostgreSQL', fresh);
    describeSqlStoreDetails('PostgreSQL', fresh);
  },
);
