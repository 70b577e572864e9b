import type { Account } from '@microsoft/teams.api';
import type {
  AcknowledgementStore,
  CommandDeps,
  ConversationRefs,
  Logger,
  ResumableStore,
} from '../../../core/index.ts';
import type { TeamsDraftDoor } from './on-draft.ts';

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
