import { expect, it } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { claimed, claimOf, minutes, subscribe } from './contract/fixtures.ts';

/**
 * A database from before team discussions: acknowledgements only. `forgetVersion6` makes
 * it look as if migration 6 had not run (its table dropped, its version row deleted);
 * reopened, each acknowledged delivery becomes its team's discussion, first press = the
 * team's, and every press stays as a colleague's confirmation.
 */
export function itMigratesAcknowledgementsToTeamDiscussions(
  url: () => Promise<string>,
  forgetVersion6: (url: string) => Promise<void>,
): void {
  it("turns each acknowledged delivery into its team's discussion, first press = the team's", async () => {
    const at = await url();
    const seeded = await openStore(at);
    const sub = await subscribe(seeded);
    const week1 = await claimed(seeded, claimOf(sub.id, { period: '2026-W47' }));
    const week2 = await claimed(seeded, claimOf(sub.id, { period: '2026-W48' }));
    await claimed(seeded, claimOf(sub.id, { period: '2026-W49' }));
    await seeded.acknowledge({ deliveryId: week1.id, userId: 'slack:U2', at: minutes(20) });
    await seeded.acknowledge({ deliveryId: week1.id, userId: 'slack:U1', at: minutes(5) });
    await seeded.acknowledge({ deliveryId: week1.id, userId: 'slack:U3', at: minutes(30) });
    await seeded.acknowledge({ deliveryId: week2.id, userId: 'slack:U1', at: minutes(60) });
    await seeded.close();
    await forgetVersion6(at);

    const store = await openStore(at);
    try {
      expect(await store.listTeamDiscussions()).toEqual([
        { deliveryId: week1.id, discussedAt: minutes(5) },
        { deliveryId: week2.id, discussedAt: minutes(60) },
      ]);
      expect(await store.listAcknowledgements()).toHaveLength(4);
      expect(await store.recordTeamDiscussion(week1.id, minutes(90))).toEqual({
        added: false,
        discussedAt: minutes(5),
      });
    } finally {
      await store.close();
    }
  });
}
