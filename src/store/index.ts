/** The store: SQLite (embedded, the default) and PostgreSQL (for replicas) behind one Store port. */
export { createFolderDrafts } from './drafts/folder-drafts.ts';
export {
  createStoreDrafts,
  STORE_DRAFTS_WHERE,
  type StoreDraftsOptions,
} from './drafts/store-drafts.ts';
export { openStore } from './open-store.ts';
export {
  type DatabaseLocation,
  DEFAULT_SQLITE_PATH,
  parseDatabaseUrl,
} from './parse-database-url.ts';
export {
  type AdvisoryLockCoordinator,
  createAdvisoryLockCoordinator,
} from './postgres/advisory-lock-coordinator.ts';
export { redactUrl } from './redact-url.ts';
export {
  isStoreError,
  StoreError,
  type StoreErrorCode,
  StoreSchemaNewerError,
} from './store-errors.ts';
