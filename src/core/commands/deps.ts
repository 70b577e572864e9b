import type { Corpus } from '../lessons/index.ts';
import type { Reply, Target } from '../model/index.ts';
import type { Metrics } from '../ports.ts';
import type { SearchIndex } from '../search/index.ts';
import type { CommandKind, ReportFilters } from './command.ts';

/** What command handling needs. Platform adapters and the CLI build this once. */
export interface CommandDeps {
  corpus: Corpus;
  search: SearchIndex;
  /** lessons per page of answers; chat shows a few, the command line more */
  pageSize: number;
  /** in [0, 1); injected so that `random` is testable */
  random: () => number;
  /** weekly briefings, broadcasts and reports; absent where no store is configured */
  briefings?: BriefingCommands;
  /** counts commands and times searches, for /metrics */
  metrics?: Metrics;
}

/** A chat conversation a command came from, and who sent it. */
export interface Conversation {
  target: Target;
  /** platform-prefixed: "slack:U123" or "teams:<aad object id>" */
  userId: string;
}

/** Who is asking, and where: admin rights come from configuration, never from the message. */
export interface CommandContext {
  isAdmin: boolean;
  /** set in Slack and Teams; absent on the command line and in the console */
  where?: Conversation;
  /** how the command line is typed where the hint is read, e.g. "npm run cli --"; default "lessons-bot" */
  commandLine?: string;
}

/** The commands that need the store: implemented in core/delivery, wired by main.ts. */
export interface BriefingCommands {
  subscribe(where: Conversation, args: string): Promise<Reply>;
  unsubscribe(where: Conversation): Promise<Reply>;
  subscription(where: Conversation): Promise<Reply>;
  preview(where: Conversation): Promise<Reply>;
  /** admin only: the caller has checked */
  publish(actor: string, review: string, again: boolean): Promise<Reply>;
  /** admin only: `since` and the filters as the user typed them, e.g. "2026-01-01" */
  report(actor: string, since: string | undefined, filters?: ReportFilters): Promise<Reply>;
  /** admin only */
  reload(actor: string): Promise<Reply>;
  /** an admin command refused to someone who is not an admin: audited and logged */
  refused(actor: string, command: CommandKind): Promise<void>;
}

/** Longer questions are refused rather than cut, so nobody is surprised by what was searched. */
export const MAX_QUESTION_LENGTH = 500;
