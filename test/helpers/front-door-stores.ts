import { afterAll } from 'vitest';
import {
  type Corpus,
  createBriefingCommands,
  createDeliveryRunner,
  type Notifier,
  type Store,
} from '../../src/core/index.ts';
import { openStore } from '../../src/store/index.ts';
import {
  TEST_DATABASE_URL,
  TestSchemas,
  warnIfSkipped,
} from '../store/helpers/postgres-schemas.ts';
import type { VirtualTime } from './delivery-clock.ts';
import { recordingLogger } from './recording-logger.ts';

/**
 * The stores a journey through a front door runs on: SQLite in memory, and PostgreSQL
 * (a schema of its own, dropped after the file) when TEST_DATABASE_URL is set; without
 * it the file says, on stderr, that PostgreSQL was not tested.
 */
export function frontDoorStores(): { name: string; open: () => Promise<Store> }[] {
  warnIfSkipped();
  const schemas = TEST_DATABASE_URL ? new TestSchemas(TEST_DATABASE_URL) : undefined;
  afterAll(async () => {
    await schemas?.dropAll();
  });
  return [
    { name: 'SQLite', open: () => openStore('sqlite::memory:') },
    ...(schemas
      ? [{ name: 'PostgreSQL', open: async () => openStore((await schemas.create()).url) }]
      : []),
  ];
}

/** The delivery runner and the chat's briefing commands, wired as main.ts wires them, on virtual time. */
export function frontDoorDelivery(
  store: Store,
  notifier: Notifier,
  corpus: Corpus,
  time: VirtualTime,
) {
  const runner = createDeliveryRunner({
    store,
    notifier,
    corpus: () => corpus,
    clock: time.clock,
    owner: 'test-runner',
    logger: recordingLogger(),
    options: { sleep: time.sleep },
  });
  const briefings = createBriefingCommands({
    store,
    runner,
    corpus: () => corpus,
    clock: time.clock,
    notifier,
  });
  return { runner, briefings };
}
