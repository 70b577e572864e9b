/** What the Slack handlers share: the core's deps and the adapter's own pieces. */
import type {
  AcknowledgementStore,
  Clock,
  CommandDeps,
  Logger,
  ResumableStore,
} from '../../core/index.ts';
import type { Dedupe } from './dedupe.ts';
import type { HomeSubscription } from './render-home.ts';

/** Lists the channels subscribed in a workspace, for the Home tab. */
export type SubscriptionLister = (who: {
  teamId: string;
  userId: string;
}) => Promise<readonly HomeSubscription[]>;

export interface SlackContext {
  deps: CommandDeps;
  logger: Logger;
  /** the slash command, e.g. `/lessons` */
  command: string;
  isAdmin(userId: string): boolean;
  dedupe: Dedupe;
  listSubscriptions: SubscriptionLister;
  /** absent when no store is configured: the button then says so */
  acknowledgements: AcknowledgementStore | undefined;
  /** to resume a channel's paused subscription when the bot is invited; absent without a store */
  subscriptions: ResumableStore | undefined;
  clock: Clock;
}
