import { expect, it } from 'vitest';
import type { Store, SubscriptionInput } from '../../src/core/index.ts';
import { openStore } from '../../src/store/index.ts';
import { recordingLogger } from '../helpers/recording-logger.ts';
import { claimed, claimOf, minutes, T0 } from './contract/fixtures.ts';

/**
 * A database made before the command line learned the Slack workspace: the same channel
 * stored twice, once with workspace '' (subscriptions add without --team) and once with
 * the real one (/lessons subscribe), each with its own ledger. Reopened, the migration
 * folds them together. `url` gives a fresh database; `forgetMerge` makes it look as if
 * the merge migration (version 4) had not run yet.
 */
export function itMergesDuplicateSubscriptions(
  url: () => Promise<string>,
  forgetMerge: (url: string) => Promise<void>,
): void {
  it('merges two subscriptions of one channel into the older, keeping its ledger and every acknowledgement, and reports it', async () => {
    const at = await url();
    const seeded = await openStore(at);
    const input = (workspace: string, channel: string, extra: Partial<SubscriptionInput> = {}) => ({
      target: { platform: 'slack' as const, workspace, channel },
      schedule: { day: 1 as const, time: '09:00', timezone: 'Europe/London' },
      themes: [],
      ...extra,
    });
    const older = await seeded.saveSubscription(input('', 'C01ASSESS', { by: 'cli' }), T0);
    const newer = await seeded.saveSubscription(
      input('T1', 'C01ASSESS', {
        target: { platform: 'slack', workspace: 'T1', channel: 'C01ASSESS', label: '#assess' },
        by: 'slack:U9',
      }),
      minutes(1),
    );
    const other = await seeded.saveSubscription(input('T1', 'C02OTHER'), minutes(2));
    // one channel id in two named workspaces: not provably one channel
    await seeded.saveSubscription(input('T1', 'C03SHARED'), minutes(3));
    await seeded.saveSubscription(input('T2', 'C03SHARED'), minutes(4));
    // an older row that was unsubscribed loses to the live one
    const gone = await seeded.saveSubscription(
      {
        ...input('', '19:chat@thread.v2'),
        target: { platform: 'teams', workspace: '', channel: '19:chat@thread.v2' },
      },
      minutes(5),
    );
    await seeded.setSubscriptionStatus(gone.id, 'removed', 'unsubscribed', minutes(6));
    const live = await seeded.saveSubscription(
      {
        ...input('', ''),
        target: { platform: 'teams', workspace: 'tenant-1', channel: '19:chat@thread.v2' },
      },
      minutes(7),
    );

    const post = async (
      store: Store,
      subscriptionId: string,
      period: string,
      kind: 'briefing' | 'broadcast' = 'briefing',
    ) => {
      const d = await claimed(store, claimOf(subscriptionId, { period, kind }));
      await store.completeDelivery(d.id, d.owner ?? '', { messageRef: `ref-${d.id}`, now: T0 });
      return d;
    };
    const keptWeek = await post(seeded, older.id, '2026-W48');
    const twiceWeek = await post(seeded, newer.id, '2026-W48');
    const onlyNewer = await post(seeded, newer.id, '2026-W49');
    const round = await post(seeded, newer.id, 'review:croydon-claire#1', 'broadcast');
    await seeded.acknowledge({ deliveryId: keptWeek.id, userId: 'slack:U1', at: T0 });
    await seeded.acknowledge({ deliveryId: twiceWeek.id, userId: 'slack:U1', at: T0 });
    await seeded.acknowledge({ deliveryId: twiceWeek.id, userId: 'slack:U2', at: T0 });
    await seeded.acknowledge({ deliveryId: round.id, userId: 'slack:U3', at: T0 });
    await seeded.close();
    await forgetMerge(at);

    const logger = recordingLogger();
    const store = await openStore(at, { logger });
    try {
      const all = await store.listSubscriptions({
        status: ['active', 'paused', 'inactive', 'removed'],
      });
      const assess = all.filter((s) => s.target.channel === 'C01ASSESS');
      expect(assess).toEqual([
        {
          ...older,
          target: { platform: 'slack', workspace: 'T1', channel: 'C01ASSESS', label: '#assess' },
        },
      ]);
      expect(all.filter((s) => s.target.channel === 'C03SHARED')).toHaveLength(2);
      expect(await store.getSubscription(other.id)).toEqual(other);
      const chat = all.filter((s) => s.target.platform === 'teams');
      expect(chat.map((s) => [s.id, s.status, s.target.workspace])).toEqual([
        [live.id, 'active', 'tenant-1'],
      ]);

      const ledger = await store.listDeliveries({ subscriptionId: older.id });
      expect(ledger.map((d) => [d.id, d.period]).sort()).toEqual(
        [
          [keptWeek.id, '2026-W48'],
          [onlyNewer.id, '2026-W49'],
          [round.id, 'review:croydon-claire#1'],
        ].sort(),
      );
      expect(await store.getDelivery(twiceWeek.id)).toBeUndefined();
      const acks = await store.listAcknowledgements();
      expect(acks.map((a) => [a.deliveryId, a.userId]).sort()).toEqual(
        [
          [keptWeek.id, 'slack:U1'],
          [keptWeek.id, 'slack:U2'],
          [round.id, 'slack:U3'],
        ].sort(),
      );

      const merges = (await store.listAudit()).filter((e) => e.action === 'subscriptions.merge');
      expect(merges.map((e) => e.detail)).toEqual([
        {
          kept: older.id,
          merged: newer.id,
          platform: 'slack',
          workspace: 'T1',
          channel: 'C01ASSESS',
          postsMoved: 2,
          duplicatePostsDropped: 1,
        },
        {
          kept: live.id,
          merged: gone.id,
          platform: 'teams',
          workspace: 'tenant-1',
          channel: '19:chat@thread.v2',
          postsMoved: 0,
          duplicatePostsDropped: 0,
        },
      ]);
      const said = logger.lines.filter((l) => l.level === 'warn').map((l) => l.message);
      expect(said.filter((m) => m === 'merged two subscriptions of one channel')).toHaveLength(2);
      expect(said).toContain('one channel id in several workspaces: left as they are');
      // the unique key holds for the merged channel: the door with the workspace finds it
      expect(
        (await store.findSubscription({ platform: 'slack', workspace: 'T1', channel: 'C01ASSESS' }))
          ?.id,
      ).toBe(older.id);
    } finally {
      await store.close();
    }
  });
}
