import type { Migration } from '../migration.ts';
import { POSTGRES_FOLLOW_UPS } from '../sql/follow-ups-migration.ts';
import { MERGE_DUPLICATE_SUBSCRIPTIONS } from '../sql/merge-duplicate-subscriptions.ts';
import { teamDiscussionsMigration } from '../sql/team-discussions-migration.ts';

/**
 * The PostgreSQL schema. Times are timestamptz. The audit detail is `json`, not `jsonb`,
 * so that it reads back exactly as written (key order, and a \u0000 that jsonb refuses).
 */
export const postgresMigrations: readonly Migration[] = [
  {
    version: 1,
    description:
      'subscriptions, delivery ledger, broadcasts, acknowledgements, audit log, conversation references',
    sql: `
CREATE TABLE subscriptions (
  id            text PRIMARY KEY,
  platform      text NOT NULL CHECK (platform IN ('slack', 'teams')),
  workspace     text NOT NULL,
  channel       text NOT NULL,
  label         text,
  day           smallint NOT NULL CHECK (day BETWEEN 1 AND 7),
  time          text NOT NULL,
  timezone      text NOT NULL,
  themes        text[] NOT NULL,
  status        text NOT NULL CHECK (status IN ('active', 'inactive', 'removed')),
  status_reason text,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  created_by    text,
  UNIQUE (platform, workspace, channel)
);
CREATE INDEX subscriptions_by_created ON subscriptions (created_at, id);

CREATE TABLE deliveries (
  id              text PRIMARY KEY,
  subscription_id text NOT NULL REFERENCES subscriptions (id),
  kind            text NOT NULL CHECK (kind IN ('briefing', 'broadcast')),
  period          text NOT NULL,
  lesson_id       text,
  review_id       text,
  status          text NOT NULL CHECK (status IN ('sending', 'sent', 'retry', 'gone', 'failed', 'in-doubt')),
  attempts        integer NOT NULL,
  due_at          timestamptz NOT NULL,
  owner           text,
  lease_until     timestamptz,
  next_attempt_at timestamptz,
  sent_at         timestamptz,
  message_ref     text,
  error           text,
  updated_at      timestamptz NOT NULL,
  UNIQUE (subscription_id, kind, period)
);
CREATE INDEX deliveries_by_due ON deliveries (due_at, id);
CREATE INDEX deliveries_by_status ON deliveries (status, lease_until);

CREATE TABLE broadcasts (
  id         text PRIMARY KEY,
  review_id  text NOT NULL,
  round      integer NOT NULL CHECK (round >= 1),
  created_at timestamptz NOT NULL,
  created_by text NOT NULL,
  UNIQUE (review_id, round)
);
CREATE INDEX broadcasts_by_created ON broadcasts (created_at);

CREATE TABLE acknowledgements (
  delivery_id text NOT NULL REFERENCES deliveries (id),
  user_id     text NOT NULL,
  at          timestamptz NOT NULL,
  PRIMARY KEY (delivery_id, user_id)
);
CREATE INDEX acknowledgements_by_at ON acknowledgements (at);

CREATE TABLE audit_log (
  seq    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at     timestamptz NOT NULL,
  actor  text NOT NULL,
  action text NOT NULL,
  detail json NOT NULL
);
CREATE INDEX audit_log_by_at ON audit_log (at, seq);

-- updated_at is the port's own ISO 8601 string, kept as text so it reads back exactly
CREATE TABLE conversation_refs (
  conversation_id   text PRIMARY KEY,
  platform          text NOT NULL CHECK (platform = 'teams'),
  tenant_id         text NOT NULL,
  team_id           text,
  channel_id        text,
  conversation_type text NOT NULL CHECK (conversation_type IN ('personal', 'groupChat', 'channel')),
  service_url       text NOT NULL,
  updated_at        text NOT NULL
);
CREATE INDEX conversation_refs_by_team ON conversation_refs (team_id);
`,
  },
  {
    version: 2,
    description:
      "delivery ledger: the 'claimed' state (a claim before its request is made); subscriptions by updated_at (reading changes)",
    // deliveries_status_check is the name PostgreSQL gave version 1's unnamed CHECK.
    // Every row keeps its state; ADD CONSTRAINT checks them all against the new list.
    sql: `
ALTER TABLE deliveries DROP CONSTRAINT deliveries_status_check;
ALTER TABLE deliveries ADD CONSTRAINT deliveries_status_check
  CHECK (status IN ('claimed', 'sending', 'sent', 'retry', 'gone', 'failed', 'in-doubt'));
CREATE INDEX subscriptions_by_updated ON subscriptions (updated_at);
`,
  },
  {
    version: 3,
    description:
      "subscriptions: the 'paused' state (the bot is not in the channel; it resumes when invited)",
    sql: `
ALTER TABLE subscriptions DROP CONSTRAINT subscriptions_status_check;
ALTER TABLE subscriptions ADD CONSTRAINT subscriptions_status_check
  CHECK (status IN ('active', 'paused', 'inactive', 'removed'));
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
  state      text NOT NULL CHECK (state IN ('draft', 'live')),
  id         text NOT NULL,
  text       text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by text,
  PRIMARY KEY (state, id)
);
`,
  },
  teamDiscussionsMigration('timestamptz', ''),
  {
    version: 7,
    description:
      'settings: values every replica shares, such as the key of the pseudonyms of people',
    sql: `
CREATE TABLE settings (
  name  text PRIMARY KEY,
  value text NOT NULL
);
`,
  },
  POSTGRES_FOLLOW_UPS,
];
