import { describe, expect, it } from 'vitest';
import { teamsFailure } from './teams-post-result.ts';

const answered = (status: number, data: unknown, headers: Record<string, unknown> = {}) => ({
  response: { status, data, headers },
});

describe('teamsFailure', () => {
  it('pauses on a 403 or 404 only when the connector says why', () => {
    expect(teamsFailure(answered(403, { error: { code: 'BotNotInConversationRoster' } }))).toEqual({
      ok: false,
      outcome: 'paused',
      error: 'HTTP 403 BotNotInConversationRoster',
    });
    // An outbound proxy or firewall refusing the connector's host: the channel is still there.
    expect(teamsFailure(answered(403, '<html>Access denied</html>'))).toEqual({
      ok: false,
      outcome: 'retry',
      error: 'HTTP 403',
    });
    expect(teamsFailure(answered(404, ''))).toMatchObject({ outcome: 'retry' });
  });

  it('retries when a proxy asks for credentials (407)', () => {
    expect(teamsFailure(answered(407, 'Proxy Authentication Required'))).toEqual({
      ok: false,
      outcome: 'retry',
      error: 'HTTP 407',
    });
  });

  it('retries when no answer came, naming the network error', () => {
    expect(teamsFailure(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }))).toEqual({
      ok: false,
      outcome: 'retry',
      error: 'request failed (econnrefused)',
    });
  });
});
