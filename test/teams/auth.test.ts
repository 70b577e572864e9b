import { afterEach, describe, expect, it } from 'vitest';
import { createHttpApp } from '../../src/adapters/http/index.ts';
import {
  createTeamsBot,
  decideAuthMode,
  isLoopback,
  MemoryConversationRefs,
  TeamsStartError,
} from '../../src/adapters/teams/index.ts';
import { silentLogger } from '../../src/core/index.ts';
import { personalMessage, postActivity } from '../helpers/teams-activities.ts';
import { realCommandDeps, startTeamsHarness, type TeamsHarness } from '../helpers/teams-harness.ts';

const CREDENTIALS = {
  clientId: '00000000-0000-0000-0000-0000000000b0',
  clientSecret: 'not-a-real-secret',
  tenantId: '00000000-0000-0000-0000-00000000c0de',
  allowUnauthenticated: false,
};

describe('decideAuthMode', () => {
  it('checks tokens whenever credentials are set, even with TEAMS_ALLOW_UNAUTHENTICATED', () => {
    expect(decideAuthMode(CREDENTIALS, '0.0.0.0').kind).toBe('authenticated');
    const mode = decideAuthMode({ ...CREDENTIALS, allowUnauthenticated: true }, '0.0.0.0');
    expect(mode.kind).toBe('authenticated');
    expect(mode.warnings.join()).toContain('ignored');
  });

  it('allows local mode on loopback, with a warning', () => {
    for (const host of ['127.0.0.1', '::1', 'localhost']) {
      const mode = decideAuthMode({ allowUnauthenticated: false }, host);
      expect(mode.kind).toBe('local');
      expect(mode.warnings).toHaveLength(1);
    }
  });

  it('refuses local mode off loopback unless asked for explicitly', () => {
    expect(() => decideAuthMode({ allowUnauthenticated: false }, '0.0.0.0')).toThrowError(
      expect.objectContaining({ name: 'TeamsStartError', code: 'teams_auth_required' }),
    );
    expect(decideAuthMode({ allowUnauthenticated: true }, '0.0.0.0').kind).toBe('local');
  });

  it('names the missing variables when credentials are half set', () => {
    expect(() =>
      decideAuthMode({ clientId: 'x', allowUnauthenticated: false }, '127.0.0.1'),
    ).toThrowError(/TEAMS_CLIENT_SECRET, TEAMS_TENANT_ID are missing/);
  });

  it('knows loopback addresses', () => {
    expect(isLoopback('127.0.0.5')).toBe(true);
    expect(isLoopback('0.0.0.0')).toBe(false);
    expect(isLoopback('192.168.1.4')).toBe(false);
  });
});

describe('createTeamsBot', () => {
  it('throws a coded error instead of starting unauthenticated on 0.0.0.0', async () => {
    const make = async () =>
      createTeamsBot({
        deps: await realCommandDeps(),
        teams: { allowUnauthenticated: false },
        http: createHttpApp(),
        host: '0.0.0.0',
        logger: silentLogger,
        conversations: new MemoryConversationRefs(),
      });
    await expect(make()).rejects.toBeInstanceOf(TeamsStartError);
  });
});

describe('the messaging endpoint with credentials', () => {
  let h: TeamsHarness;
  afterEach(async () => h.close());

  it('rejects an unsigned request with 401 and does not answer it', async () => {
    h = await startTeamsHarness({ teams: CREDENTIALS });
    expect(h.bot.mode).toBe('authenticated');
    const res = await postActivity(
      h.url,
      personalMessage(h.connector.serviceUrl, 'lessons on chronologies'),
    );
    expect(res.status).toBe(401);
    expect(h.connector.posted).toEqual([]);
    expect(await h.conversations.list()).toEqual([]);
  });

  it('rejects a malformed bearer token with 401', async () => {
    h = await startTeamsHarness({ teams: CREDENTIALS });
    const res = await postActivity(h.url, personalMessage(h.connector.serviceUrl, 'themes'), {
      authorization: 'Bearer not-a-jwt',
    });
    expect(res.status).toBe(401);
    expect(h.connector.posted).toEqual([]);
  });
});

describe('the messaging endpoint in local mode', () => {
  let h: TeamsHarness;
  afterEach(async () => h.close());

  it('accepts unsigned requests on 127.0.0.1 and warns about it in the log', async () => {
    h = await startTeamsHarness();
    expect(h.bot.mode).toBe('local');
    const res = await postActivity(h.url, personalMessage(h.connector.serviceUrl, 'themes'));
    expect(res.status).toBe(200);
    expect(
      h.logger.lines.some((l) => l.level === 'warn' && l.message.startsWith('Teams local mode')),
    ).toBe(true);
  });
});
