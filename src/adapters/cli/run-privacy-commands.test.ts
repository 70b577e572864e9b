import { describe, expect, it } from 'vitest';
import { personToForget } from './run-privacy-commands.ts';

describe('personToForget', () => {
  it('writes an id as the bot keeps it, so that the pseudonym is the stored one', () => {
    expect(personToForget(' slack:u0123abcd ', 'lessons-bot')).toBe('slack:U0123ABCD');
    expect(personToForget('slack:W0123ABCD', 'lessons-bot')).toBe('slack:W0123ABCD');
    expect(personToForget('teams:6F1C3E2A-1B2C-4D5E-8F90-0123456789AB', 'lessons-bot')).toBe(
      'teams:6f1c3e2a-1b2c-4d5e-8f90-0123456789ab',
    );
    // a Teams id without an Entra object id (local tools) is kept as it is
    expect(personToForget('teams:29:1AbC-fictional', 'lessons-bot')).toBe(
      'teams:29:1AbC-fictional',
    );
  });

  it('refuses what names no one, saying what to give and quoting at most 60 characters', () => {
    for (const bad of [
      'U0123ABCD',
      'slack:',
      'slack:C0123ABCD',
      'slack:U1',
      'slack:U0123 ABCD',
      'teams:',
      'teams:a b',
      'teams:x\nslack:U0123ABCD',
      'email:someone@example.org',
      `slack:U${'A'.repeat(100_000)}`,
    ]) {
      const error = (() => {
        try {
          personToForget(bad, 'lessons-bot');
        } catch (e) {
          return e as Error & { code?: string };
        }
        return undefined;
      })();
      expect(error?.code).toBe('command_invalid');
      expect(error?.message).toMatch(/--user takes slack:<member id>/);
      expect(error?.message.length).toBeLessThan(400);
    }
    expect(() => personToForget(undefined, 'npm run cli --')).toThrow(
      /forget needs the person, e\.g\. npm run cli -- forget --user slack:U0123ABCD/,
    );
  });
});
