import type { BriefingCommands, Corpus, DeliveryRunner, Store } from '../../core/index.ts';

/** What the delivery commands need, built by main.ts from the configuration. */
export interface CliServices {
  store: Store;
  runner: DeliveryRunner;
  briefings: BriefingCommands;
  /** the Slack workspace the bot token belongs to (auth.test); absent when Slack is not configured */
  slackWorkspace?: () => Promise<string>;
  close(): Promise<void>;
}

export type OpenServices = (corpus: Corpus) => Promise<CliServices>;
