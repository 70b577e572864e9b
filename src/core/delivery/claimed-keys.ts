import type { DeliveryKey } from '../ports.ts';

/**
 * The weekly posts (subscription, period) a runner knows to have a ledger row: for each
 * subscription, the latest such week. A row, once written, is never deleted, so what is
 * known stays true, and a tick asks the ledger only about the other weeks. One entry per
 * subscription: a week gone by is forgotten when the next is known.
 */
export class ClaimedKeys {
  readonly #latest = new Map<string, string>();

  has(key: DeliveryKey): boolean {
    return this.#latest.get(key.subscriptionId) === key.period;
  }

  add(key: DeliveryKey): void {
    this.#latest.set(key.subscriptionId, key.period);
  }
}
