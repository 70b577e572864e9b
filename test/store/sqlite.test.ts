import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { describeSqlStoreDetails } from './sql-details.ts';
import { describeStoreContract } from './store-contract.ts';

const folder = mkdtempSync(join(tmpdir(), 'lessons-bot-sqlite-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let files = 0;

describeStoreContract('SQLite file', () =>
  openStore(`sqlite:${join(folder, `contract-${++files}.db`)}`),
);
describeStoreContract('SQLite :memory:', () => openStore('sqlite::memory:'));
describeSqlStoreDetails('SQLite', () => openStore('sqlite::memory:'));
