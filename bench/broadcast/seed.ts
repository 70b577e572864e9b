/**
 * A fresh SQLite store in a temp folder with one active subscription per channel: Slack
 * channels in one workspace, Teams conversations in one tenant with their conversation
 * references saved (the Teams notifier reads them to find the serviceUrl).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store, Target } from '../../src/core/index.ts';
import { openStore } from '../../src/store/index.ts';

export const SLACK_TEAM = 'TBENCH0001';
export const TEAMS_TENANT = '00000000-0000-0000-0000-0000000be7c4';

export interface BenchChannels {
  slack: string[];
  teams: string[];
}

export function benchChannels(slack: number, teams: number): BenchChannels {
  const n = (i: number) => String(i + 1).padStart(5, '0');
  return {
    slack: Array.from({ length: slack }, (_, i) => `CBENCH${n(i)}`),
    teams: Array.from({ length: teams }, (_, i) => `19:bench${n(i)}@thread.tacv2`),
  };
}

export interface SeededStore {
  store: Store;
  /** closes the store and removes the temp folder */
  dispose(): Promise<void>;
}

export async function seedStore(
  channels: BenchChannels,
  teamsServiceUrl: string,
  now: Date,
): Promise<SeededStore> {
  const dir = await mkdtemp(join(tmpdir(), 'lessons-bot-bench-broadcast-'));
  const store = await openStore(`sqlite:${join(dir, 'bench.db')}`);
  const subscribe = (target: Target) =>
    store.saveSubscription(
      {
        target,
        schedule: { day: 1, time: '09:00', timezone: 'Europe/London' },
        themes: [],
        by: 'cli',
      },
      now,
    );
  for (const channel of channels.slack) {
    await subscribe({ platform: 'slack', workspace: SLACK_TEAM, channel });
  }
  for (const conversationId of channels.teams) {
    await store.conversations.save({
      platform: 'teams',
      tenantId: TEAMS_TENANT,
      teamId: '19:benchteam@thread.tacv2',
      channelId: conversationId,
      conversationId,
      conversationType: 'channel',
      serviceUrl: teamsServiceUrl,
      updatedAt: now.toISOString(),
    });
    await subscribe({ platform: 'teams', workspace: TEAMS_TENANT, channel: conversationId });
  }
  return {
    store,
    async dispose() {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
