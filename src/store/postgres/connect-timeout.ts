/** A PostgreSQL host that does not answer fails within this, rather than hanging the start. */
export const CONNECT_TIMEOUT_MS = 5_000;
