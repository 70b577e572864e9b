import type { ConversationRef, ConversationRefs } from '../../core/index.ts';

/**
 * Conversation references in memory: enough for one process and for tests. They are
 * lost on restart, so scheduled posts need the database-backed store.
 */
export class MemoryConversationRefs implements ConversationRefs {
  readonly #refs = new Map<string, ConversationRef>();

  async save(ref: ConversationRef): Promise<void> {
    this.#refs.set(ref.conversationId, { ...ref });
  }

  async forget(conversationId: string): Promise<void> {
    this.#refs.delete(conversationId);
  }

  async forgetTeam(teamId: string): Promise<void> {
    for (const [id, ref] of this.#refs) if (ref.teamId === teamId) this.#refs.delete(id);
  }

  async get(conversationId: string): Promise<ConversationRef | undefined> {
    const ref = this.#refs.get(conversationId);
    return ref ? { ...ref } : undefined;
  }

  async list(): Promise<ConversationRef[]> {
    return [...this.#refs.values()].map((ref) => ({ ...ref }));
  }
}
