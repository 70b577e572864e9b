import type { Migration } from '../migration.ts';
import { SQLITE_FOLLOW_UPS } from '../sql/follow-ups-migration.ts';
import { MERGE_DUPLICATE_SUBSCRIPTIONS } from '../sql/merge-duplicate-subscriptions.ts';
import { teamDiscussionsMigration } from '../sql/team-discussions-migration.ts';

/**
 * The SQLite schema. Times are INTEGER milliseconds since the epoch (UTC): they compare
 * and sort as numbers, with no text format to get wrong. Lists and details are JSON text.
 */
export const sqliteMigrations: readonly Migration[] = [
  {
    version: 1,
    description:
      'subscriptions, delivery ledger, broadcasts, acknowledgements, audit log, conversation references',
    sql: `
CREATE TABLE subscriptions (
  id            TEXT PRIMARY KEY,
  platform      TEXT NOT NULL CHECK (platform IN ('slack', 'teams')),
  workspace     TEXT NOT NULL,
  channel       TEXT NOT NULL,
  label         TEXT,
  day           INTEGER NOT NULL CHECK (day BETWEEN 1 AND 7),
  time          TEXT NOT NULL,
  timezone      TEXT NOT NULL,
  themes        TEXT NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('active', 'inactive', 'removed')),
  status_reason TEXT,
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL,
  created_by    TEXT,
  UNIQUE (platform, workspace, channel)
) STRICT;
CREATE INDEX subscriptions_by_created ON subscriptions (created_at, id);

CREATE TABLE deliveries (
  id              TEXT PRIMARY KEY,
  subscription_id TEXT NOT NULL REFERENCES subscriptions (id),
  kind            TEXT NOT NULL CHECK (kind IN ('briefing', 'broadcast')),
  period          TEXT NOT NULL,
  lesson_id       TEXT,
  review_id       TEXT,
  status          TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'retry', 'gone', 'failed', 'in-doubt')),
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
CREATE INDEX deliveries_by_due ON deliveries (due_at, id);
CREATE INDEX deliveries_by_status ON deliveries (status, lease_until);

CREATE TABLE broadcasts (
  id         TEXT PRIMARY KEY,
  review_id  TEXT NOT NULL,
  round      INTEGER NOT NULL CHECK (round >= 1),
  created_at INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  UNIQUE (review_id, round)
) STRICT;
CREATE INDEX broadcasts_by_created ON broadcasts (created_at);

CREATE TABLE acknowledgements (
  delivery_id TEXT NOT NULL REFERENCES deliveries (id),
  user_id     TEXT NOT NULL,
  at          INTEGER NOT NULL,
  PRIMARY KEY (delivery_id, user_id)
) STRICT;
CREATE INDEX acknowledgements_by_at ON acknowledgements (at);

CREATE TABLE audit_log (
  seq    INTEGER PRIMARY KEY AUTOINCREMENT,
  at     INTEGER NOT NULL,
  actor  TEXT NOT NULL,
  action TEXT NOT NULL,
  detail TEXT NOT NULL
) STRICT;
CREATE INDEX audit_log_by_at ON audit_log (at, seq);

CREATE TABLE conversation_refs (
  conversation_id   TEXT PRIMARY KEY,
  platform          TEXT NOT NULL CHECK (platform = 'teams'),
  tenant_id         TEXT NOT NULL,
  team_id           TEXT,
  channel_id        TEXT,
  conversation_type TEXT NOT NULL CHECK (conversation_type IN ('personal', 'groupChat', 'channel')),
  service_url       TEXT NOT NULL,
  updated_at        TEXT NOT NULL
) STRICT;
CREATE INDEX conversation_refs_by_team ON conversation_refs (team_id);
`,
  },
  {
    version: 2,
    description:
      "delivery ledger: the 'claimed' state (a claim before its request is made); subscriptions by updated_at (reading changes)",
    // SQLite cannot change a CHECK in place: the table is rebuilt and renamed, as SQLite's
    // documentation prescribes (migrateSqlite turns foreign keys off around it, so that
    // acknowledgements keep pointing at the same ids). Every row keeps its state.
    sql: `
CREATE TABLE deliveries_v2 (
  id              TEXT PRIMARY KEY,
  subscription_id TEXT NOT NULL REFERENCES subscriptions (id),
  kind            TEXT NOT NULL CHECK (kind IN ('briefing', 'broadcast')),
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
INSERT INTO deliveries_v2
  (id, subscription_id, kind, period, lesson_id, review_id, status, attempts, due_at,
   owner, lease_until, next_attempt_at, sent_at, message_ref, error, updated_at)
SELECT id, subscription_id, kind, period, lesson_id, review_id, status, attempts, due_at,
   owner, lease_until, next_attempt_at, sent_at, message_ref, error, updated_at
FROM deliveries;
DROP TABLE deliveries;
ALTER TABLE deliveries_v2 RENAME TO deliveries;
CREATE INDEX deliveries_by_due ON deliveries (due_at, id);
CREATE INDEX deliveries_by_status ON deliveries (status, lease_until);
CREATE INDEX subscriptions_by_updated ON subscriptions (updated_at);
`,
  },
  {
    version: 3,
    description:
      "subscriptions: the 'paused' state (the bot is not in the channel; it resumes when invited)",
    // Rebuilt and renamed as in version 2; deliveries keep referring to the same ids.
    sql: `
CREATE TABLE subscriptions_v3 (
  id            TEXT PRIMARY KEY,
  platform      TEXT NOT NULL CHECK (platform IN ('slack', 'teams')),
  workspace     TEXT NOT NULL,
  channel       TEXT NOT NULL,
  label         TEXT,
  day           INTEGER NOT NULL CHECK (day BETWEEN 1 AND 7),
  time          TEXT NOT NULL,
  timezone      TEXT NOT NULL,
  themes        TEXT NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('active', 'paused', 'inactive', 'removed')),
  status_reason TEXT,
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL,
  created_by    TEXT,
  UNIQUE (platform, workspace, channel)
) STRICT;
INSERT INTO subscriptions_v3
  (id, platform, workspace, channel, label, day, time, timezone, themes, status,
   status_reason, created_at, updated_at, created_by)
SELECT id, platform, workspace, channel, label, day, time, timezone, themes, status,
   status_reason, created_at, updated_at, created_by
FROM subscriptions;
DROP TABLE subscriptions;
ALTER TABLE subscriptions_v3 RENAME TO subscriptions;
CREATE INDEX subscriptions_by_created ON subscriptions (created_at, id);
CREATE INDEX subscriptions_by_updated ON subscriptions (updated_at);
`,
  },
  MERGE_DUPLICATE_SUBSCRIPTIONS,
  {
    version: 5,
    description:
      'reviews added through the bot, drafts and live, as review files (the lessons/*.yaml format)',
    // A draft and a live review may share an id (a draft of a review already live); the
    // key keeps each id once per state, and approving changes a row's state in one UPDATE.
    sql: `
CREATE TABLE kept_reviews (
  state      TEXT NOT NULL CHECK (state IN ('draft', 'live')),
  id         TEXT NOT NULL,
  text       TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  updated_by TEXT,
  PRIMARY KEY (state, id)
) STRICT;
`,
  },
  teamDiscussionsMigration('INTEGER', ' STRICT'),
  {
    version: 7,
    description:
      'settings: values every replica shares, such as the key of the pseudonyms of people',
    sql: `
CREATE TABLE settings (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
`,
  },
  SQLITE_FOLLOW_UPS,
];
