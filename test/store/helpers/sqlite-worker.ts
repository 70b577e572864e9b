/**
 * A second (third, …) process on the same SQLite file, for the concurrency tests.
 * Usage: node sqlite-worker.ts <mode> <database url> <start at ms> [args…]
 * - open: opens the store (running migrations) and prints {"opened":true}
 * - race <subscription id> <delivery id> <name> <count>: claims periods P0…P(count-1)
 *   and acknowledges the delivery as users u0…u(count-1); prints what it won
 */
import type { Store } from '../../../src/core/index.ts';
import { openStore } from '../../../src/store/index.ts';

const [mode, url, startAt, ...rest] = process.argv.slice(2);

async function race(store: Store): Promise<{ periods: string[]; acks: number }> {
  const [subscriptionId = '', deliveryId = '', name = '', count = '0'] = rest;
  const periods: string[] = [];
  let acks = 0;
  for (let i = 0; i < Number(count); i++) {
    const now = new Date();
    const claim = await store.claimDelivery({
      subscriptionId,
      kind: 'briefing',
      period: `P${i}`,
      dueAt: now,
      owner: `${name}:${process.pid}`,
      now,
      leaseMs: 60_000,
    });
    if (claim) periods.push(claim.period);
    const ack = await store.acknowledge({ deliveryId, userId: `u${i}`, at: now });
    if (ack?.added) acks++;
  }
  return { periods, acks };
}

// start together, so that the processes really overlap
while (Date.now() < Number(startAt)) await new Promise((resolve) => setTimeout(resolve, 1));
const store = await openStore(url);
const result = mode === 'open' ? { opened: true } : await race(store);
await store.close();
process.stdout.write(JSON.stringify(result));
