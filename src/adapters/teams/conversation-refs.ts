/**
 * The conversation-reference port, as the Teams adapter uses it. It is defined in
 * core/ports.ts; this file is the adapter's one way in until core/index.ts exports it.
 */
export type { ConversationRef, ConversationRefs } from '../../core/ports.ts';
