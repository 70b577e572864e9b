import { createHash } from 'node:crypto';

/**
 * A PostgreSQL advisory lock key (a signed 64-bit integer, as text for pg) for a name.
 * Hashing the name with a prefix keeps lessons-bot's locks apart from other programs'
 * on the same database; a collision of 64-bit hashes is not a practical concern.
 */
export function advisoryLockKey(name: string): string {
  return createHash('sha256').update(`lessons-bot:${name}`).digest().readBigInt64BE(0).toString();
}
