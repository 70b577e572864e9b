import { describe, expect, it } from 'vitest';
import { MemoryConversationRefs } from '../../src/adapters/teams/index.ts';
import type { ConversationRef } from '../../src/core/index.ts';

const ref = (conversationId: string, teamId?: string): ConversationRef => ({
  platform: 'teams',
  tenantId: 't',
  ...(teamId ? { teamId } : {}),
  conversationId,
  conversationType: teamId ? 'channel' : 'personal',
  serviceUrl: 'https://smba.trafficmanager.net/uk/',
  updatedAt: '2026-11-20T09:00:00.000Z',
});

describe('MemoryConversationRefs', () => {
  it('saves, replaces, gets and lists by conversation id', async () => {
    const refs = new MemoryConversationRefs();
    await refs.save(ref('a'));
    await refs.save({ ...ref('a'), serviceUrl: 'https://smba.trafficmanager.net/emea/' });
    expect(await refs.get('a')).toMatchObject({
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
    });
    expect(await refs.list()).toHaveLength(1);
    expect(await refs.get('b')).toBeUndefined();
  });

  it('forgets one conversation, or a whole team', async () => {
    const refs = new MemoryConversationRefs();
    await refs.save(ref('a'));
    await refs.save(ref('c1', 'team'));
    await refs.save(ref('c2', 'team'));
    await refs.forget('a');
    expect((await refs.list()).map((r) => r.conversationId)).toEqual(['c1', 'c2']);
    await refs.forgetTeam('team');
    expect(await refs.list()).toEqual([]);
  });

  it('hands out copies, so callers cannot change what is stored', async () => {
    const refs = new MemoryConversationRefs();
    await refs.save(ref('a'));
    const got = await refs.get('a');
    if (got) got.serviceUrl = 'changed';
    expect((await refs.get('a'))?.serviceUrl).toBe('https://smba.trafficmanager.net/uk/');
  });
});
