import { BotError, type ErrorCode } from '../core/errors.ts';

/**
 * Errors the store raises for an operator to fix: BotErrors with a `store_…` code (main.ts
 * and tests branch on it) and a message that says what to do; none contains a password.
 */
export type StoreErrorCode = Extract<ErrorCode, `store_${string}`>;

export class StoreError extends BotError {
  override name = 'StoreError';
  declare readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

/** The database's schema is newer than this code knows: refusing beats guessing. */
export class StoreSchemaNewerError extends StoreError {
  override name = 'StoreSchemaNewerError';
  readonly databaseVersion: number;
  readonly knownVersion: number;

  constructor(where: string, databaseVersion: number, knownVersion: number) {
    super(
      'store_schema_newer',
      `The database at ${where} has schema version ${databaseVersion}, but this lessons-bot knows versions up to ${knownVersion} only: a newer lessons-bot has used it. Upgrade lessons-bot to the version that wrote it, or point DATABASE_URL at another database.`,
    );
    this.databaseVersion = databaseVersion;
    this.knownVersion = knownVersion;
  }
}
