import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.ts';

function problems(env: Record<string, string>): string[] {
  try {
    readConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  return [];
}

describe('readConfig', () => {
  it('has defaults that need nothing set', () => {
    expect(readConfig({})).toEqual({
      lessonsDir: './lessons',
      watchLessons: true,
      catchUpHours: 48,
      followUpWeeks: 6,
      shutdownTimeoutSeconds: 10,
      requestTimeoutSeconds: 10,
      host: '127.0.0.1',
      port: 3978,
      logLevel: 'info',
      teams: { allowUnauthenticated: false },
      admins: { slack: [], teams: [] },
      personDataRetentionDays: 400,
    });
  });

  it('treats empty variables as unset', () => {
    expect(readConfig({ PORT: '', SLACK_BOT_TOKEN: ' ', DATABASE_URL: '' }).port).toBe(3978);
  });

  it('reads a full Slack and Teams configuration', () => {
    const config = readConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 'sig',
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
      TEAMS_CLIENT_ID: 'id',
      TEAMS_CLIENT_SECRET: 'secret',
      TEAMS_TENANT_ID: 'tenant',
      ADMINS: 'slack:u0123abcd, teams:6F1C3E2A-1B2C-4D5E-8F90-0123456789AB',
      DATABASE_URL: 'postgres://bot:pw@db:5432/lessons',
      CATCH_UP_HOURS: '24',
      FOLLOW_UP_WEEKS: '8',
      LESSONS_WATCH: 'false',
    });
    expect(config.slack).toEqual({
      botToken: 'xoxb-1',
      signingSecret: 'sig',
      apiUrl: 'http://127.0.0.1:9/api/',
    });
    expect(config.teams).toEqual({
      clientId: 'id',
      clientSecret: 'secret',
      tenantId: 'tenant',
      allowUnauthenticated: false,
    });
    expect(config.admins).toEqual({
      slack: ['U0123ABCD'],
      teams: ['6f1c3e2a-1b2c-4d5e-8f90-0123456789ab'],
    });
    expect(config.databaseUrl).toBe('postgres://bot:pw@db:5432/lessons');
    expect(config.catchUpHours).toBe(24);
    expect(config.followUpWeeks).toBe(8);
    expect(config.watchLessons).toBe(false);
  });

  it('refuses a FOLLOW_UP_WEEKS that is not a whole number of weeks from 1 to 52', () => {
    for (const bad of ['0', '-1', '2.5', 'six', '53', '9'.repeat(400)]) {
      const found = problems({ FOLLOW_UP_WEEKS: bad });
      expect(found.length).toBeGreaterThan(0);
      for (const problem of found) expect(problem).toMatch(/^FOLLOW_UP_WEEKS: .*from 1 to 52/);
    }
  });

  it('names SLACK_SIGNING_SECRET when only the bot token is set', () => {
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual([
      expect.stringMatching(/^SLACK_SIGNING_SECRET is missing: /),
    ]);
  });

  it('accepts Socket Mode without a signing secret', () => {
    expect(
      readConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1-a' }).slack?.appToken,
    ).toBe('xapp-1-a');
  });

  it('reports every problem at once, one line each, naming what to set', () => {
    const lines = problems({
      PORT: '99999',
      SLACK_SIGNING_SECRET: 'sig',
      TEAMS_CLIENT_ID: 'id',
      ADMINS: 'bob,slack:U1234567',
      DATABASE_URL: 'mysql://db/lessons',
      LOG_LEVEL: 'loud',
      TEAMS_ALLOW_UNAUTHENTICATED: 'maybe',
    });
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringContaining('set PORT to a port number'),
        expect.stringContaining('set DATABASE_URL to sqlite:PATH'),
        expect.stringContaining('set LOG_LEVEL to one of'),
        expect.stringContaining('set TEAMS_ALLOW_UNAUTHENTICATED to true or false'),
      ]),
    );
    const next = problems({
      SLACK_SIGNING_SECRET: 'sig',
      TEAMS_CLIENT_ID: 'id',
      ADMINS: 'bob,slack:U1234567',
    });
    expect(next).toEqual([
      expect.stringMatching(/^SLACK_SIGNING_SECRET is set but SLACK_BOT_TOKEN is not/),
      expect.stringMatching(/^TEAMS_CLIENT_SECRET, TEAMS_TENANT_ID are missing/),
      expect.stringMatching(/^ADMINS: “bob” is neither slack:/),
    ]);
  });

  it('refuses tokens of the wrong kind without repeating them', () => {
    const lines = problems({ SLACK_BOT_TOKEN: 'xapp-secret-value', SLACK_SIGNING_SECRET: 's' });
    expect(lines).toEqual([expect.stringContaining('starting xoxb-')]);
    expect(lines.join('\n')).not.toContain('secret-value');
  });

  it('never echoes a database password', () => {
    const lines = problems({ DATABASE_URL: 'mysql://bot:hunter2@db/lessons' });
    expect(lines.join('\n')).not.toContain('hunter2');
  });

  it('reads PERSON_DATA_RETENTION_DAYS and PERSON_KEY', () => {
    const key = 'fictional-Key-0123456789-abcdefghijklm';
    const config = readConfig({ PERSON_DATA_RETENTION_DAYS: ' 30 ', PERSON_KEY: key });
    expect(config.personDataRetentionDays).toBe(30);
    expect(config.personKey).toBe(key);
    expect(readConfig({ PERSON_KEY: '' }).personKey).toBeUndefined();
  });

  it('refuses a retention that is not a positive whole number of days, saying what to set', () => {
    for (const days of ['0', '-5', '1.5', 'forever', '400d', '9'.repeat(10_000), '36501']) {
      // the same line may come twice (not digits, and so not in range): one thing to fix
      expect(new Set(problems({ PERSON_DATA_RETENTION_DAYS: days }))).toEqual(
        new Set([
          'PERSON_DATA_RETENTION_DAYS: set PERSON_DATA_RETENTION_DAYS to a whole number from 1 to 36500',
        ]),
      );
    }
  });

  it('refuses a weak PERSON_KEY without repeating it', () => {
    for (const key of ['short-secret', 'a'.repeat(64), 'abababababababababababababababababab']) {
      const lines = problems({ PERSON_KEY: key });
      expect(lines).toEqual([
        expect.stringMatching(
          /^PERSON_KEY: PERSON_KEY is too weak: set it to at least 32 random characters/,
        ),
      ]);
      expect(lines.join('\n')).not.toContain(key);
    }
  });

  it('copes with a huge value', () => {
    expect(problems({ ADMINS: 'x'.repeat(100_000) })[0]?.length).toBeLessThan(200);
  });
});

describe('readConfig for the command line', () => {
  it('needs only the bot token to post to Slack', () => {
    expect(readConfig({ SLACK_BOT_TOKEN: 'xoxb-1' }, 'cli').slack).toEqual({ botToken: 'xoxb-1' });
  });
});
