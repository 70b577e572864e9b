import type { Evidence, ReportScope } from './evidence.ts';
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
  /**
   * Posts this team discussed in the period (by when it first said so): one per post,
   * however many colleagues pressed. Never clicks.
   */
  discussed: number;
  /** of the channel's posts, how many got a plan ("What will we do differently?") in the period */
  plans: number;
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
  /** channels and teams that discussed at least one post in the period */
  teamsDiscussed: number;
  /** different lessons (weekly briefings) some team discussed */
  lessonsDiscussed: number;
  /** team discussions: a team discussing a post counts once */
  discussions: number;
  /** plans saved ("What will we do differently?"), one per team and post */
  plans: number;
}

/** A team's answer to "What will we do differently?", quoted as saved. */
export interface ReportPlan {
  subscriptionId: string;
  /** the channel's label, as in `channels` */
  label: string;
  /** the post's period: "2026-W48" or "review:<id>#<round>" */
  period: string;
  lessonId: string | null;
  reviewId: string | null;
  /** the lesson's (or review's) title from the corpus, else its id */
  title: string;
  plan: string;
  plannedAt: string;
}

export interface Report {
  generatedAt: string;
  /** the period asked for; posts by when they were due, discussions by when first made, plans by when saved */
  since: string | null;
  until: string | null;
  /** the review, theme or agency the report was narrowed to: only posts about it count */
  scope: ReportScope;
  channels: ReportChannel[];
  totals: ReportTotals;
  /** every ISO week from the first to the last team discussion, e.g. "2026-W48" */
  weeks: string[];
  /** per channel (same order as `channels`), the posts it discussed in each of `weeks` */
  discussionsByWeek: { subscriptionId: string; label: string; counts: number[] }[];
  /** every plan saved in the period, oldest first */
  plans: ReportPlan[];
  /**
   * The evidence pack: per review, theme and agency, the posts delivered in the period and
   * what became of them (discussed, planned, changed), up to `until`.
   */
  evidence: Evidence;
}

/** One step of a review's evidence funnel, e.g. { label: 'Discussed it', count: 17 }. */
export interface FunnelStage {
  label: string;
  /** teams at this step; the first step's count is the teams reached */
  count: number;
}

/** A review as a chat reply shows it: the sentence to quote, and its funnel as a table. */
export interface ReviewFunnel {
  title: string;
  sentence: string;
  /** teams reached, discussed, planned, changed: in that order, as the evidence pack's funnel */
  stages: FunnelStage[];
}

/** The report cut down for a chat message: totals, the first channels and the first reviews. */
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
    | 'discussed'
    | 'plans'
    | 'lastDelivery'
  >[];
  /** channels left out of `channels` */
  omitted: number;
  /** the first reviews of the evidence pack, by title */
  reviews: ReviewFunnel[];
  /** reviews left out of `reviews` */
  reviewsOmitted: number;
}
