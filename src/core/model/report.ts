import type { ThemeRef } from './lesson-card.ts';
import type { Platform, SubscriptionStatus } from './subscription.ts';

/**
 * The evidence of dissemination: what reached which channel and what was discussed.
 * Plain data with ISO 8601 strings, so it serialises as it is (JSON, CSV, HTML, chat).
 */

/** Posts counted from the ledger; `delivered` = `sent` + `inDoubt` (in doubt: probably posted). */
export interface DeliveryCounts {
  delivered: number;
  sent: number;
  inDoubt: number;
}

export interface ReportChannel {
  subscriptionId: string;
  /** the target's label, else its channel id */
  label: string;
  platform: Platform;
  workspace: string;
  channel: string;
  status: SubscriptionStatus;
  /** why it is paused or inactive (e.g. "not_in_channel"), else null */
  statusReason: string | null;
  briefings: DeliveryCounts;
  broadcasts: DeliveryCounts;
  /** posts that did not arrive: the channel was gone, or the post was given up */
  undelivered: number;
  /** "Discussed in our team" presses in the period, on any of the channel's posts */
  acknowledgements: number;
  /** themes of the lessons its delivered briefings carried, by label */
  themes: ThemeRef[];
  /** when its last delivered post was made (an in-doubt one: when it was due), or null */
  lastDelivery: string | null;
}

export interface ReportTotals {
  channels: number;
  activeChannels: number;
  briefingsDelivered: number;
  broadcastsDelivered: number;
  acknowledgements: number;
}

export interface Report {
  generatedAt: string;
  /** the period asked for; posts by when they were due, acknowledgements by when made */
  since: string | null;
  until: string | null;
  channels: ReportChannel[];
  totals: ReportTotals;
  /** every ISO week from the first to the last acknowledgement, e.g. "2026-W48" */
  weeks: string[];
  /** per channel (same order as `channels`), acknowledgements in each of `weeks` */
  acknowledgementsByWeek: { subscriptionId: string; label: string; counts: number[] }[];
}

/** The report cut down for a chat message: totals and the first channels. */
export interface ReportSummary {
  generatedAt: string;
  since: string | null;
  until: string | null;
  totals: ReportTotals;
  channels: Pick<
    ReportChannel,
    | 'label'
    | 'platform'
    | 'status'
    | 'statusReason'
    | 'briefings'
    | 'broadcasts'
    | 'acknowledgements'
    | 'lastDelivery'
  >[];
  /** channels left out of `channels` */
  omitted: number;
}
