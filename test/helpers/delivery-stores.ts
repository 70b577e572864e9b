import type { Store } from '../../src/core/index.ts';
import { openStore } from '../../src/store/index.ts';
import { memoryStore } from './memory-store.ts';

/** The stores delivery tests run against: the in-memory one and real SQLite in memory. */
export const STORE_KINDS: { name: string; open: () => Promise<Store> }[] = [
  { name: 'memory store', open: async () => memoryStore() },
  { name: 'SQLite store', open: () => openStore('sqlite::memory:') },
];
