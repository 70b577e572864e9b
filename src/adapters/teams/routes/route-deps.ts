import type { Account } from '@microsoft/teams.api';
import type { CommandDeps, Logger, Store } from '../../../core/index.ts';
import type { ConversationRefs } from '../conversation-refs.ts';

/** What "Discussed in our team" and the team's plan need: the ledger, discussions and plans. */
export type AcknowledgementStore = Pick<
  Store,
  'getDelivery' | 'getSubscription' | 'acknowledge' | 'recordTeamDiscussion' | 'savePlan'
>;

/** What resuming a paused subscription needs. */
export type ResumableStore = Pick<Store, 'findSubscription' | 'setSubscriptionStatus' | 'audit'>;

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
}
