import { describe, expect, it } from 'vitest';
import type { SubscriptionStatus } from '../../../src/core/index.ts';
import { minutes, type StoreOf, subscribe, subscriptionInput, T0 } from './fixtures.ts';

export function subscriptionContract(store: StoreOf): void {
  describe('saveSubscription', () => {
    it('inserts an active subscription with a new id and the given target, schedule and themes', async () => {
      const sub = await store().saveSubscription(subscriptionInput('C1'), T0);
      expect(sub).toEqual({
        id: expect.any(String),
        target: { platform: 'slack', workspace: 'T1', channel: 'C1', label: '#team-C1' },
        schedule: { day: 1, time: '09:00', timezone: 'Europe/London' },
        themes: ['chronologies', 'voice-of-the-child'],
        status: 'active',
        createdAt: T0,
        updatedAt: T0,
        createdBy: 'slack:U1',
      });
      expect(await store().getSubscription(sub.id)).toEqual(sub);
    });

    it('leaves optional fields absent, not undefined, when they were not given', async () => {
      const { by: _by, ...input } = subscriptionInput('C1', {
        target: { platform: 'teams', workspace: '', channel: '19:abc@thread.tacv2' },
        themes: [],
      });
      const sub = await store().saveSubscription(input, T0);
      const read = await store().getSubscription(sub.id);
      for (const got of [sub, read]) {
        expect(got).not.toHaveProperty('createdBy');
        expect(got).not.toHaveProperty('statusReason');
        expect(got?.target).not.toHaveProperty('label');
        expect(got?.target.workspace).toBe('');
        expect(got?.themes).toEqual([]);
      }
    });

    it('updates the subscription of the same target, keeping its id and createdAt', async () => {
      const first = await store().saveSubscription(subscriptionInput('C1'), T0);
      const second = await store().saveSubscription(
        subscriptionInput('C1', {
          schedule: { day: 3, time: '14:30', timezone: 'Europe/Dublin' },
          themes: ['neglect'],
        }),
        minutes(10),
      );
      expect(second).toMatchObject({
        id: first.id,
        createdAt: T0,
        updatedAt: minutes(10),
        schedule: { day: 3, time: '14:30', timezone: 'Europe/Dublin' },
        themes: ['neglect'],
        status: 'active',
      });
      expect(await store().listSubscriptions()).toHaveLength(1);
    });

    it('makes a removed or inactive subscription active again, without its old reason', async () => {
      const sub = await subscribe(store(), 'C1');
      await store().setSubscriptionStatus(sub.id, 'inactive', 'channel_not_found', minutes(1));
      const again = await store().saveSubscription(subscriptionInput('C1'), minutes(2));
      expect(again).toMatchObject({ id: sub.id, status: 'active', createdAt: T0 });
      expect(again).not.toHaveProperty('statusReason');

      await store().setSubscriptionStatus(sub.id, 'removed', undefined, minutes(3));
      const back = await store().saveSubscription(subscriptionInput('C1'), minutes(4));
      expect(back).toMatchObject({ id: sub.id, status: 'active', updatedAt: minutes(4) });
      expect(await store().findSubscription(back.target)).toEqual(back);
    });

    it('keeps one subscription per platform, workspace and channel when several doors save it at once', async () => {
      const saved = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          store().saveSubscription(subscriptionInput('C1', { by: `slack:U${i}` }), minutes(i)),
        ),
      );
      expect(new Set(saved.map((s) => s.id)).size).toBe(1);
      const all = await store().listSubscriptions({
        status: ['active', 'paused', 'inactive', 'removed'],
      });
      expect(all.map((s) => s.target.channel)).toEqual(['C1']);
    });

    it('makes a paused subscription active again, without its reason', async () => {
      const sub = await subscribe(store(), 'C1');
      await store().setSubscriptionStatus(sub.id, 'paused', 'not_in_channel', minutes(1));
      const again = await store().saveSubscription(subscriptionInput('C1'), minutes(2));
      expect(again).toMatchObject({ id: sub.id, status: 'active' });
      expect(again).not.toHaveProperty('statusReason');
    });

    it('keeps targets apart by platform, workspace and channel', async () => {
      const base = subscriptionInput('C1');
      const ids = new Set<string>();
      for (const target of [
        base.target,
        { ...base.target, channel: 'C2' },
        { ...base.target, workspace: 'T2' },
        { ...base.target, platform: 'teams' as const },
      ]) {
        ids.add((await store().saveSubscription({ ...base, target }, T0)).id);
      }
      expect(ids.size).toBe(4);
      expect(await store().listSubscriptions()).toHaveLength(4);
    });
  });

  describe('getSubscription', () => {
    it('is undefined for an unknown id', async () => {
      await subscribe(store());
      expect(await store().getSubscription('no-such-id')).toBeUndefined();
    });
  });

  describe('findSubscription', () => {
    it('finds an active or inactive subscription by platform, workspace and channel', async () => {
      const sub = await subscribe(store(), 'C1');
      const where = { platform: 'slack', workspace: 'T1', channel: 'C1' } as const;
      expect(await store().findSubscription(where)).toEqual(sub);
      await store().setSubscriptionStatus(sub.id, 'inactive', 'is_archived', minutes(1));
      expect(await store().findSubscription(where)).toMatchObject({
        id: sub.id,
        status: 'inactive',
        statusReason: 'is_archived',
      });
      expect(await store().findSubscription({ ...where, workspace: 'T9' })).toBeUndefined();
      expect(await store().findSubscription({ ...where, platform: 'teams' })).toBeUndefined();
    });

    it('does not find a removed subscription', async () => {
      const sub = await subscribe(store(), 'C1');
      await store().setSubscriptionStatus(sub.id, 'removed', undefined, minutes(1));
      expect(await store().findSubscription(sub.target)).toBeUndefined();
    });
  });

  describe('listSubscriptions', () => {
    it('lists oldest first, every status but removed by default', async () => {
      const c = await subscribe(store(), 'C3', minutes(3));
      const a = await subscribe(store(), 'C1', minutes(1));
      const b = await subscribe(store(), 'C2', minutes(2));
      const d = await subscribe(store(), 'C4', minutes(4));
      const e = await subscribe(store(), 'C5', minutes(5));
      await store().setSubscriptionStatus(b.id, 'inactive', 'is_archived', minutes(5));
      await store().setSubscriptionStatus(d.id, 'removed', undefined, minutes(5));
      await store().setSubscriptionStatus(e.id, 'paused', 'not_in_channel', minutes(6));
      const listed = await store().listSubscriptions();
      expect(listed.map((s) => s.id)).toEqual([a.id, b.id, c.id, e.id]);
      expect(listed.at(-1)).toMatchObject({ status: 'paused', statusReason: 'not_in_channel' });
    });

    it('lists the statuses asked for, and nothing for an empty list', async () => {
      const a = await subscribe(store(), 'C1', minutes(1));
      const b = await subscribe(store(), 'C2', minutes(2));
      const c = await subscribe(store(), 'C3', minutes(3));
      await store().setSubscriptionStatus(b.id, 'removed', undefined, minutes(5));
      await store().setSubscriptionStatus(c.id, 'inactive', 'is_archived', minutes(5));
      const ids = async (status: ('active' | 'inactive' | 'removed')[]) =>
        (await store().listSubscriptions({ status })).map((s) => s.id);
      expect(await ids(['removed'])).toEqual([b.id]);
      expect(await ids(['active'])).toEqual([a.id]);
      expect(await ids(['active', 'inactive', 'removed'])).toEqual([a.id, b.id, c.id]);
      expect(await ids([])).toEqual([]);
    });

    it('lists those changed since a time, inclusive: saved, re-saved or given a new status', async () => {
      const a = await subscribe(store(), 'C1', minutes(1));
      const b = await subscribe(store(), 'C2', minutes(2));
      const c = await subscribe(store(), 'C3', minutes(3));
      const d = await subscribe(store(), 'C4', minutes(4));
      await store().saveSubscription(subscriptionInput('C1'), minutes(10));
      await store().setSubscriptionStatus(b.id, 'removed', undefined, minutes(11));
      const every = ['active', 'inactive', 'removed'] as const;
      const ids = async (updatedSince: Date, status: readonly SubscriptionStatus[] = every) =>
        (await store().listSubscriptions({ status, updatedSince })).map((s) => s.id);
      expect(await ids(minutes(10))).toEqual([a.id, b.id]);
      expect(await ids(minutes(4))).toEqual([a.id, b.id, d.id]);
      expect(await ids(minutes(10, 1))).toEqual([b.id]);
      expect(await ids(minutes(12))).toEqual([]);
      expect(await ids(minutes(3), ['active'])).toEqual([a.id, c.id, d.id]);
      const defaults = await store().listSubscriptions({ updatedSince: minutes(10) });
      expect(defaults.map((s) => s.id)).toEqual([a.id]);
    });
  });

  describe('setSubscriptionStatus', () => {
    it('sets the status, its reason and updatedAt; true when the subscription exists', async () => {
      const sub = await subscribe(store(), 'C1');
      expect(
        await store().setSubscriptionStatus(sub.id, 'inactive', 'channel_not_found', minutes(7)),
      ).toBe(true);
      expect(await store().getSubscription(sub.id)).toMatchObject({
        status: 'inactive',
        statusReason: 'channel_not_found',
        updatedAt: minutes(7),
        createdAt: T0,
      });
    });

    it('clears the reason when none is given', async () => {
      const sub = await subscribe(store(), 'C1');
      await store().setSubscriptionStatus(sub.id, 'inactive', 'channel_not_found', minutes(1));
      await store().setSubscriptionStatus(sub.id, 'active', undefined, minutes(2));
      const read = await store().getSubscription(sub.id);
      expect(read?.status).toBe('active');
      expect(read).not.toHaveProperty('statusReason');
    });

    it('is false for an unknown id', async () => {
      expect(await store().setSubscriptionStatus('no-such-id', 'removed', undefined, T0)).toBe(
        false,
      );
    });
  });
}
