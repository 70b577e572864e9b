import { describe, expect, it } from 'vitest';
import type { Notifier, OutgoingMessage, Target } from '../core/index.ts';
import { routeNotifier } from './route-notifier.ts';

const message = { kind: 'briefing' } as unknown as OutgoingMessage;
const slack: Target = { platform: 'slack', workspace: 'T1', channel: 'C1' };
const teams: Target = { platform: 'teams', workspace: 'tenant', channel: '19:abc@thread.tacv2' };

function recording(name: string, seen: string[]): Notifier {
  return {
    post: async (target) => {
      seen.push(`${name} post ${target.channel}`);
      return { ok: true, messageRef: `${name}-1` };
    },
    update: async (target, ref) => {
      seen.push(`${name} update ${target.channel} ${ref}`);
      return { ok: true, messageRef: ref };
    },
  };
}

describe('routeNotifier', () => {
  it('sends each target to its own platform’s notifier', async () => {
    const seen: string[] = [];
    const notifier = routeNotifier({
      slack: recording('slack', seen),
      teams: recording('teams', seen),
    });
    expect(await notifier.post(slack, message)).toEqual({ ok: true, messageRef: 'slack-1' });
    expect(await notifier.update(teams, 'a1', message)).toEqual({ ok: true, messageRef: 'a1' });
    expect(seen).toEqual(['slack post C1', 'teams update 19:abc@thread.tacv2 a1']);
  });

  it('passes the runner’s hooks on to the platform’s notifier', async () => {
    let marked = 0;
    const hooks = {
      sending: async () => {
        marked += 1;
      },
    };
    const slackNotifier: Notifier = {
      ...recording('slack', []),
      post: async (_target, _message, given) => {
        await given?.sending();
        return { ok: true, messageRef: 'slack-1' };
      },
    };
    await routeNotifier({ slack: slackNotifier }).post(slack, message, hooks);
    expect(marked).toBe(1);
  });

  it('says a platform is not configured here, naming the variables, and refuses its posts for good', async () => {
    const notifier = routeNotifier({ slack: recording('slack', []) });
    expect(notifier.notConfigured?.('slack')).toBeUndefined();
    expect(notifier.notConfigured?.('teams')).toMatch(/set TEAMS_CLIENT_ID/);
    const result = await notifier.post(teams, message);
    expect(result).toEqual({
      ok: false,
      outcome: 'failed',
      error: expect.stringContaining('TEAMS_CLIENT_ID'),
    });
  });
});
