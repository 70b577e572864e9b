import { createHmac, randomBytes } from 'node:crypto';
import type { SqlDb } from './sql-db.ts';

/** A platform user id ("slack:U123", "teams:<aad id>") → what the store keeps instead. */
export type Pseudonymise = (userId: string) => string;

/** Ids that name a person; anything else ("cli", "lessons-bot") is no one's and kept as it is. */
const PERSON_ID = /^(slack|teams):./s;

/** What pseudonymise makes: the platform, "~" and an HMAC-SHA256 in base64url. */
export const PSEUDONYM = /^(slack|teams):~[A-Za-z0-9_-]{43}$/;

/** Keeps ids as they are: a store opened without pseudonyms (tests, tools reading raw rows). */
export const keepIds: Pseudonymise = (userId) => userId;

/**
 * The same person gets the same pseudonym under the same key, so their acknowledgements can
 * be counted, found and erased; without the key nobody can tell whose they are.
 *
 * @example pseudonymiser(key)('slack:U123') // 'slack:~q3Ck…' (43 characters after the ~)
 */
export function pseudonymiser(key: Buffer): Pseudonymise {
  return (userId) => {
    const platform = PERSON_ID.exec(userId)?.[1];
    if (platform === undefined) return userId;
    return `${platform}:~${createHmac('sha256', key).update(userId).digest('base64url')}`;
  };
}

/**
 * The configured key (PERSON_KEY), or the one kept in the settings table: made once, by
 * whichever replica comes first (the insert does nothing when another got there), so that
 * every replica computes the same pseudonyms without anyone configuring anything.
 */
export async function personKey(db: SqlDb, configured: string | undefined): Promise<Buffer> {
  if (configured !== undefined) return Buffer.from(configured, 'utf8');
  await db.query(
    `INSERT INTO settings (name, value) VALUES ('person_key', $1) ON CONFLICT (name) DO NOTHING`,
    [randomBytes(32).toString('base64url')],
  );
  const rows = await db.query(`SELECT value FROM settings WHERE name = 'person_key'`);
  return Buffer.from(String(rows[0]?.value), 'base64url');
}
