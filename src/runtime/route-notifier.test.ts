import { describe, expect, it } from 'vitest';
import { postNow } from '../../test/helpers/post-now.ts';
import type { Notifier, OutgoingMessage, Target } from '../core/index.ts';
import { routeNotifier } from './route-notifier.ts';

const message = { kind: 'briefing' } as unknown as OutgoingMessage;
const slack: Target = { platform: 'slack', workspace: 'T1', channel: 'C1' };
const teams: Target = { platform: 'teams', workspace: 'tenant', channel: '19:abc@thread.tacv2' };

function recording(name: string, seen: string[]): Notifier {
  return {
    prepare: async (target) => ({
      ok: true,
      send: async () => {
        seen.push(`${name} post ${target.channel}`);
        return { ok: true, messageRef: `${name}-1` };
      },
    }),
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
    expect(await postNow(notifier, slack, message)).toEqual({ ok: true, messageRef: 'slack-1' });
    expect(await notifier.update(teams, 'a1', message)).toEqual({ ok: true, messageRef: 'a1' });
    expect(seen).toEqual(['slack post C1', 'teams update 19:abc@thread.tacv2 a1']);
  });

  it('says a platform is not configured here, naming the variables, and refuses its posts for good', async () => {
    const notifier = routeNotifier({ slack: recording('slack', []) });
    expect(notifier.notConfigured?.('slack')).toBeUndefined();
    expect(notifier.notConfigured?.('teams')).toMatch(/set TEAMS_CLIENT_ID/);
    const result = await notifier.prepare(teams, message);
    expect(result).toEqual({
      ok: false,
      outcome: 'failed',
      error: expect.stringContaining('TEAMS_CLIENT_ID'),
    });
  });
});
