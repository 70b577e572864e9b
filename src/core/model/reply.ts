/**
 * The neutral view model every front door renders: Block Kit for Slack, an Adaptive
 * Card for Teams, text or JSON for the command line. Nothing here knows a platform.
 */
import type { ErrorCode } from '../errors.ts';
import type { Briefing } from './briefing.ts';
import type { ChannelOutcome, FollowUpAnswerKind } from './delivery.ts';
import type { LessonCard, ReviewCard, ThemeRef } from './lesson-card.ts';
import type { ReportSummary } from './report.ts';
import type { Platform, SubscriptionStatus } from './subscription.ts';

/** Something the user can do next; renderers turn these into buttons or hints. */
export type Action =
  | { kind: 'search'; query: string }
  | { kind: 'themes' }
  | { kind: 'more'; query: string; offset: number }
  | { kind: 'more-theme'; theme: string; offset: number }
  | { kind: 'lesson'; id: string }
  | { kind: 'share'; id: string }
  | { kind: 'theme'; id: string; label: string }
  | { kind: 'review'; id: string };

/**
 * "Discussed in our team" on a posted briefing or announcement: records an acknowledgement
 * for the ledger row the card was posted under. It is not a command (it changes the store
 * and the card it sits on), so it is kept out of Action, which always maps to a Command.
 */
export interface AckAction {
  kind: 'ack';
  deliveryId: string;
}

/** "What will we do differently?" on a posted briefing: asks the team for its plan. */
export interface PlanAction {
  kind: 'plan';
  deliveryId: string;
}

/** An answer to "Has it made a difference?" on a follow-up, for the lesson's post. */
export interface FollowUpAction {
  kind: 'follow-up';
  deliveryId: string;
  answer: FollowUpAnswerKind;
}

/** Whatever a button may carry: a command to run, an acknowledgement, the team's plan or its answer. */
export type ButtonAction = Action | AckAction | PlanAction | FollowUpAction;

/** A line shown above the answer: a privacy reminder, "showing results for …", a hint. */
export interface Notice {
  /** `corrected`: misspelt words were read as others; `text` says what was searched instead */
  kind: 'privacy' | 'corrected' | 'info';
  text: string;
}

/** A "did you mean …" that can be a button: a close lesson or review id, say. */
export interface Suggestion {
  label: string;
  action: Action;
}

export interface HelpSection {
  title: string;
  /** plain sentences */
  lines: string[];
  /** commands to try, in the grammar; renderers add the front door's prefix (e.g. `/lessons `) */
  examples: string[];
}

/** A channel's weekly briefing subscription, ready to show. */
export interface SubscriptionCard {
  id: string;
  platform: Platform;
  /** what people call the channel: its label, else its id */
  channel: string;
  /** "Monday" */
  day: string;
  /** 24-hour "09:00" */
  time: string;
  /** IANA zone, e.g. "Europe/London" */
  timezone: string;
  /** "every Monday at 09:00 (Europe/London)" */
  schedule: string;
  /** the focus; empty means lessons on every theme */
  themes: ThemeRef[];
  status: SubscriptionStatus;
  /** why it stopped, when inactive (e.g. "channel_not_found"); null otherwise */
  statusReason: string | null;
  /** "Monday 23 November 2026, 09:00 (Europe/London)"; null unless active */
  nextPost: string | null;
  /** the same instant, ISO 8601 */
  nextPostAt: string | null;
}

/**
 * What a subscription command did: `subscribed` (new), `updated` (changed or made active
 * again), `unchanged` (subscribe with the same settings), `current` (the `subscription`
 * command), `unsubscribed`, `not-subscribed` (nothing to show or remove).
 */
export type SubscriptionChange =
  | 'subscribed'
  | 'updated'
  | 'unchanged'
  | 'current'
  | 'unsubscribed'
  | 'not-subscribed';

/** How many channels a `publish` reached, and how. They add up to `subscriptions`. */
export interface PublishCounts {
  /** active subscriptions the review was for */
  subscriptions: number;
  /** posted now */
  sent: number;
  /** had it already from an earlier run (sent, or in doubt) */
  already: number;
  /** being posted by another process, or waiting for a retry */
  pending: number;
  gone: number;
  paused: number;
  failed: number;
}

export type Reply =
  | {
      kind: 'results';
      /** what the user typed, for "Results for …" (renderers escape it) */
      query: string;
      heading: string;
      total: number;
      offset: number;
      lessons: LessonCard[];
      more: Action | null;
      notices: Notice[];
    }
  | {
      kind: 'no-results';
      query: string;
      suggestions: (ThemeRef & { count: number })[];
      notices: Notice[];
    }
  | { kind: 'lesson'; lesson: LessonCard; notices: Notice[] }
  | { kind: 'themes'; themes: (ThemeRef & { description: string; count: number })[] }
  | { kind: 'reviews'; reviews: ReviewCard[] }
  | { kind: 'review'; review: ReviewCard; lessons: LessonCard[] }
  | { kind: 'help'; title: string; sections: HelpSection[] }
  | { kind: 'error'; code: ErrorCode; message: string; suggestions: Suggestion[] }
  | { kind: 'notice'; text: string }
  /**
   * `subscribe`, `subscription`, `unsubscribe`. `text` is the whole answer as one plain
   * sentence or two (renderers may show just that); `examples` are commands to try next,
   * in the grammar, without the front door's prefix.
   */
  | {
      kind: 'subscription';
      change: SubscriptionChange;
      subscription: SubscriptionCard | null;
      text: string;
      examples: string[];
    }
  /**
   * `preview`: the briefing the channel would get next, shown only to whoever asked.
   * `briefing.deliveryId` is '' as nothing was claimed: show no "Discussed in our team" button.
   */
  | {
      kind: 'briefing';
      preview: true;
      briefing: Briefing;
      /** when it would be posted, "Monday 23 November 2026, 09:00 (Europe/London)"; null if not subscribed */
      nextPost: string | null;
      notices: Notice[];
    }
  /**
   * `publish <review>`: what the broadcast did. `resumed`: the review had been published
   * before and this run only completed that round (`notices` say how to send it again).
   * `gone` channels were marked inactive; `paused` ones (the bot is not in them) wait for
   * it to be back; `failed` ones were given up. Their `label` is the channel's name or id,
   * `reason` the platform's words.
   */
  | {
      kind: 'published';
      review: ReviewCard;
      round: number;
      resumed: boolean;
      counts: PublishCounts;
      gone: ChannelOutcome[];
      paused: ChannelOutcome[];
      failed: ChannelOutcome[];
      text: string;
      notices: Notice[];
    }
  /** `report` in chat: totals and the first channels; the full report is a file from the CLI. */
  | { kind: 'report'; report: ReportSummary; text: string; notices: Notice[] };
