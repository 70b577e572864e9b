import { describe, expect, it } from 'vitest';
import type { ConversationRef } from '../../../src/core/index.ts';
import type { StoreOf } from './fixtures.ts';

function channelRef(conversationId: string, teamId: string): ConversationRef {
  return {
    platform: 'teams',
    tenantId: 'tenant-1',
    teamId,
    channelId: conversationId,
    conversationId,
    conversationType: 'channel',
    serviceUrl: 'https://smba.trafficmanager.net/uk/',
    updatedAt: '2026-11-23T09:00:00.000Z',
  };
}

const personal: ConversationRef = {
  platform: 'teams',
  tenantId: '',
  conversationId: 'a:1personal-chat',
  conversationType: 'personal',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  updatedAt: '2026-11-23T10:15:30+01:00',
};

export function conversationContract(store: StoreOf): void {
  describe('conversations', () => {
    it('saves and reads back a reference exactly, optional fields absent when not given', async () => {
      const refs = store().conversations;
      const channel = channelRef('19:general@thread.tacv2', '19:team@thread.tacv2');
      await refs.save(channel);
      await refs.save(personal);
      expect(await refs.get(channel.conversationId)).toEqual(channel);
      const read = await refs.get(personal.conversationId);
      expect(read).toEqual(personal);
      expect(read).not.toHaveProperty('teamId');
      expect(read).not.toHaveProperty('channelId');
      expect(await refs.get('unknown')).toBeUndefined();
    });

    it('replaces a reference saved again under the same conversation id', async () => {
      const refs = store().conversations;
      const first = channelRef('19:general@thread.tacv2', '19:team@thread.tacv2');
      await refs.save(first);
      const moved = {
        ...first,
        serviceUrl: 'https://smba.trafficmanager.net/amer/',
        updatedAt: '2026-12-01T00:00:00.000Z',
      };
      await refs.save(moved);
      expect(await refs.list()).toEqual([moved]);
    });

    it('forgets one conversation, and an unknown one without complaint', async () => {
      const refs = store().conversations;
      await refs.save(channelRef('19:a@thread.tacv2', 'team-1'));
      await refs.save(personal);
      await refs.forget('19:a@thread.tacv2');
      await refs.forget('never-saved');
      expect(await refs.list()).toEqual([personal]);
    });

    it('forgets every conversation of a team, and only those', async () => {
      const refs = store().conversations;
      const keep = channelRef('19:c@thread.tacv2', 'team-2');
      await refs.save(channelRef('19:a@thread.tacv2', 'team-1'));
      await refs.save(channelRef('19:b@thread.tacv2', 'team-1'));
      await refs.save(keep);
      await refs.save(personal);
      await refs.forgetTeam('team-1');
      const ids = (await refs.list()).map((r) => r.conversationId).sort();
      expect(ids).toEqual([keep.conversationId, personal.conversationId].sort());
    });

    it('lists nothing when nothing was saved', async () => {
      expect(await store().conversations.list()).toEqual([]);
    });
  });
}
