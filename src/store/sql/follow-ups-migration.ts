import type { Migration } from '../migration.ts';

const DESCRIPTION =
  "follow-ups and reminders: the ledger's 'follow_up' and 'reminder' kinds, a subscription's nation and reminders setting, teams' answers to a follow-up";

/** The parts both dialects share; `timeType` is the dialect's time type. */
function common(timeType: string, strict: string): string {
  return `
ALTER TABLE subscriptions ADD COLUMN nation TEXT
  CHECK (nation IS NULL OR nation IN ('england', 'wales', 'scotland', 'northern-ireland'));
ALTER TABLE subscriptions ADD COLUMN reminders TEXT
  CHECK (reminders IS NULL OR reminders IN ('on', 'off'));
CREATE TABLE follow_up_answers (
  delivery_id  TEXT PRIMARY KEY REFERENCES deliveries (id),
  answer       TEXT NOT NULL CHECK (answer IN ('changed', 'partly', 'not-yet', 'decided-against')),
  what_changed TEXT CHECK (what_changed IS NULL OR length(what_changed) <= 280),
  answered_at  ${timeType} NOT NULL
)${strict};
CREATE INDEX follow_up_answers_by_answered ON follow_up_answers (answered_at);
`;
}

/**
 * Version 8 in PostgreSQL. deliveries_kind_check is the name PostgreSQL gave version 1's
 * unnamed CHECK; every row keeps its kind.
 */
export const POSTGRES_FOLLOW_UPS: Migration = {
  version: 8,
  description: DESCRIPTION,
  sql: `
ALTER TABLE deliveries DROP CONSTRAINT deliveries_kind_check;
ALTER TABLE deliveries ADD CONSTRAINT deliveries_kind_check
  CHECK (kind IN ('briefing', 'broadcast', 'follow_up', 'reminder'));
${common('timestamptz', '')}`,
};

/**
 * Version 8 in SQLite, which cannot change a CHECK in place: the ledger is rebuilt and
 * renamed as in version 2 (foreign keys are off around it, so acknowledgements and team
 * discussions keep pointing at the same ids).
 */
export const SQLITE_FOLLOW_UPS: Migration = {
  version: 8,
  description: DESCRIPTION,
  sql: `
CREATE TABLE deliveries_v8 (
  id              TEXT PRIMARY KEY,
  subscription_id TEXT NOT NULL REFERENCES subscriptions (id),
  kind            TEXT NOT NULL CHECK (kind IN ('briefing', 'broadcast', 'follow_up', 'reminder')),
  period          TEXT NOT NULL,
  lesson_id       TEXT,
  review_id       TEXT,
  status          TEXT NOT NULL CHECK (status IN ('claimed', 'sending', 'sent', 'retry', 'gone', 'failed', 'in-doubt')),
  attempts        INTEGER NOT NULL,
  due_at          INTEGER NOT NULL,
  owner           TEXT,
  lease_until     INTEGER,
  next_attempt_at INTEGER,
  sent_at         INTEGER,
  message_ref     TEXT,
  error           TEXT,
  updated_at      INTEGER NOT NULL,
  UNIQUE (subscription_id, kind, period)
) STRICT;
INSERT INTO deliveries_v8
  (id, subscription_id, kind, period, lesson_id, review_id, status, attempts, due_at,
   owner, lease_until, next_attempt_at, sent_at, message_ref, error, updated_at)
SELECT id, subscription_id, kind, period, lesson_id, review_id, status, attempts, due_at,
   owner, lease_until, next_attempt_at, sent_at, message_ref, error, updated_at
FROM deliveries;
DROP TABLE deliveries;
ALTER TABLE deliveries_v8 RENAME TO deliveries;
CREATE INDEX deliveries_by_due ON deliveries (due_at, id);
CREATE INDEX deliveries_by_status ON deliveries (status, lease_until);
${common('INTEGER', ' STRICT')}`,
};
