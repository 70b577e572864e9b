import type { Migration } from '../migration.ts';

/**
 * Version 6 of both schemas: a team's discussion of a card, kept apart from who pressed.
 * Each delivery somebody acknowledged becomes its team's discussion, first press = the
 * team's; the presses stay as they were, as the colleagues' confirmations. `discussed_at`
 * and `planned_at` take the dialect's time type (INTEGER ms in SQLite, timestamptz).
 * It can run again harmlessly (tests that replay an older migration do so).
 */
export function teamDiscussionsMigration(timeType: string, strict: string): Migration {
  return {
    version: 6,
    description:
      "team discussions: a team's discussion of a card and its plan, apart from who pressed (existing acknowledgements: first press = the team's)",
    sql: `
CREATE TABLE IF NOT EXISTS team_discussions (
  delivery_id  TEXT PRIMARY KEY REFERENCES deliveries (id),
  discussed_at ${timeType} NOT NULL,
  plan         TEXT CHECK (plan IS NULL OR length(plan) <= 280),
  planned_at   ${timeType}
)${strict};
CREATE INDEX IF NOT EXISTS team_discussions_by_discussed ON team_discussions (discussed_at);
INSERT INTO team_discussions (delivery_id, discussed_at)
SELECT delivery_id, min(at) FROM acknowledgements WHERE true GROUP BY delivery_id
ON CONFLICT (delivery_id) DO NOTHING;
`,
  };
}
