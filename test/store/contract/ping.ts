import { describe, expect, it } from 'vitest';
import type { StoreOf } from './fixtures.ts';
import { subscribe } from './fixtures.ts';

export function pingContract(store: StoreOf): void {
  describe('ping', () => {
    it('resolves while the store can write, changing nothing', async () => {
      const sub = await subscribe(store());
      await expect(store().ping()).resolves.toBeUndefined();
      expect(await store().listSubscriptions()).toEqual([sub]);
      expect(await store().listAudit()).toEqual([]);
    });
  });
}
