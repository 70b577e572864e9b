import type { Activity } from '@microsoft/teams.api';
import { describe, expect, it } from 'vitest';
import { MemoryConversationRefs } from '../../src/adapters/teams/index.ts';
import {
  captureOnMessage,
  forgetConversation,
} from '../../src/adapters/teams/routes/remember-conversation.ts';
import type { RouteDeps } from '../../src/adapters/teams/routes/route-deps.ts';
import { personalMessage } from '../helpers/teams-activities.ts';

/** Conversation references that count the reads and writes that reach them. */
class CountingRefs extends MemoryConversationRefs {
  gets = 0;
  saves = 0;
  override async get(id: string) {
    this.gets += 1;
    return super.get(id);
  }
  override async save(...args: Parameters<MemoryConversationRefs['save']>) {
    this.saves += 1;
    return super.save(...args);
  }
}

function setup() {
  const conversations = new CountingRefs();
  let now = Date.parse('2026-11-23T09:00:00Z');
  const deps = { conversations, now: () => new Date(now) } as unknown as RouteDeps;
  const message = (serviceUrl: string) =>
    personalMessage(serviceUrl, 'lessons on chronologies') as unknown as Activity;
  return { conversations, deps, message, later: (ms: number) => (now += ms) };
}

describe('captureOnMessage', () => {
  it('saves a new conversation once, then answers messages without reading the store', async () => {
    const { conversations, deps, message } = setup();
    for (let i = 0; i < 5; i++) await captureOnMessage(deps, message('http://127.0.0.1:1/'));
    expect(conversations.saves).toBe(1);
    expect(conversations.gets).toBe(1);
    expect((await conversations.list()).map((r) => r.serviceUrl)).toEqual(['http://127.0.0.1:1/']);
  });

  it('saves again when the service URL moves', async () => {
    const { conversations, deps, message } = setup();
    await captureOnMessage(deps, message('http://127.0.0.1:1/'));
    await captureOnMessage(deps, message('http://127.0.0.1:2/'));
    expect(conversations.saves).toBe(2);
    expect((await conversations.list()).map((r) => r.serviceUrl)).toEqual(['http://127.0.0.1:2/']);
  });

  it('looks at the store again after a while, and after a forget', async () => {
    const { conversations, deps, message, later } = setup();
    await captureOnMessage(deps, message('http://127.0.0.1:1/'));
    later(11 * 60_000);
    await captureOnMessage(deps, message('http://127.0.0.1:1/'));
    expect(conversations.gets).toBe(2);
    expect(conversations.saves).toBe(1);

    await forgetConversation(deps, message('http://127.0.0.1:1/'));
    expect(await conversations.list()).toEqual([]);
    await captureOnMessage(deps, message('http://127.0.0.1:1/'));
    expect(conversations.saves).toBe(2);
    expect(await conversations.list()).toHaveLength(1);
  });
});
