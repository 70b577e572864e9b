import type { Account } from '@microsoft/teams.api';
import type {
  AcknowledgementStore,
  ChatImport,
  CommandDeps,
  ConversationRefs,
  Logger,
  ResumableStore,
} from '../../../core/index.ts';

/** The chat import at the Teams door: what a file sent in a personal chat goes to. */
export interface TeamsDraftDoor {
  chatImport: ChatImport;
  /** origins besides SharePoint's that files may come from: a local fake in tests */
  fileOrigins: readonly string[];
}

/** What the Teams routes need, built once by createTeamsBot. */
export interface RouteDeps {
  commands: CommandDeps;
  logger: Logger;
  conversations: ConversationRefs;
  /** admin rights come from configuration, never from the message */
  isAdmin: (user: Account) => boolean;
  now: () => Date;
  /** absent when no store is configured: the button then says so */
  acknowledgements: AcknowledgementStore | undefined;
  /** to resume a conversation's paused subscription when the bot is back; absent without a store */
  subscriptions: ResumableStore | undefined;
  /** importing a review sent in a personal chat; absent: files are not read */
  drafts?: TeamsDraftDoor;
}
