import type { ConversationRef, ConversationRefs } from '../../core/index.ts';
import { toConversationRef } from '../rows.ts';
import type { SqlDb } from './sql-db.ts';

const SAVE = `
INSERT INTO conversation_refs
  (conversation_id, platform, tenant_id, team_id, channel_id, conversation_type, service_url, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
ON CONFLICT (conversation_id) DO UPDATE SET
  platform = excluded.platform,
  tenant_id = excluded.tenant_id,
  team_id = excluded.team_id,
  channel_id = excluded.channel_id,
  conversation_type = excluded.conversation_type,
  service_url = excluded.service_url,
  updated_at = excluded.updated_at`;

/** Teams conversation references in the database, so that proactive posts survive a restart. */
export class SqlConversationRefs implements ConversationRefs {
  readonly #db: SqlDb;

  constructor(db: SqlDb) {
    this.#db = db;
  }

  async save(ref: ConversationRef): Promise<void> {
    await this.#db.query(SAVE, [
      ref.conversationId,
      ref.platform,
      ref.tenantId,
      ref.teamId ?? null,
      ref.channelId ?? null,
      ref.conversationType,
      ref.serviceUrl,
      ref.updatedAt,
    ]);
  }

  async forget(conversationId: string): Promise<void> {
    await this.#db.query('DELETE FROM conversation_refs WHERE conversation_id = $1', [
      conversationId,
    ]);
  }

  async forgetTeam(teamId: string): Promise<void> {
    await this.#db.query('DELETE FROM conversation_refs WHERE team_id = $1', [teamId]);
  }

  async get(conversationId: string): Promise<ConversationRef | undefined> {
    const rows = await this.#db.query(
      'SELECT * FROM conversation_refs WHERE conversation_id = $1',
      [conversationId],
    );
    return rows[0] && toConversationRef(rows[0]);
  }

  /** ordered by conversation id, so that callers see a stable order */
  async list(): Promise<ConversationRef[]> {
    const rows = await this.#db.query('SELECT * FROM conversation_refs ORDER BY conversation_id');
    return rows.map(toConversationRef);
  }
}
