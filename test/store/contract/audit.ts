import { describe, expect, it } from 'vitest';
import { minutes, type StoreOf, T0 } from './fixtures.ts';

export function auditContract(store: StoreOf): void {
  describe('audit and listAudit', () => {
    it('keeps entries with their detail, oldest first', async () => {
      const detail = {
        reviewId: 'croydon-claire',
        round: 2,
        again: true,
        channels: ['C1', 'C2'],
        result: { sent: 10, gone: [{ channel: 'C9', reason: 'is_archived' }], failed: null },
      };
      await store().audit({ at: minutes(2), actor: 'slack:U1', action: 'publish', detail });
      await store().audit({ at: minutes(1), actor: 'cli', action: 'reload', detail: {} });
      await store().audit({
        at: minutes(3),
        actor: 'teams:aad',
        action: 'report',
        detail: { since: '2026-01-01' },
      });
      expect(await store().listAudit()).toEqual([
        { at: minutes(1), actor: 'cli', action: 'reload', detail: {} },
        { at: minutes(2), actor: 'slack:U1', action: 'publish', detail },
        { at: minutes(3), actor: 'teams:aad', action: 'report', detail: { since: '2026-01-01' } },
      ]);
    });

    it('keeps entries of the same instant in the order they were written', async () => {
      for (const action of ['first', 'second', 'third', 'fourth']) {
        await store().audit({ at: T0, actor: 'cli', action, detail: {} });
      }
      expect((await store().listAudit()).map((e) => e.action)).toEqual([
        'first',
        'second',
        'third',
        'fourth',
      ]);
    });

    it('lists from `since` inclusive', async () => {
      for (const n of [1, 2, 3]) {
        await store().audit({ at: minutes(n), actor: 'cli', action: `a${n}`, detail: {} });
      }
      const actions = (await store().listAudit({ since: minutes(2) })).map((e) => e.action);
      expect(actions).toEqual(['a2', 'a3']);
    });
  });
}
