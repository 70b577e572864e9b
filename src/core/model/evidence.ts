/**
 * The evidence pack: for each review (and in all, by theme and by agency), how much reached
 * teams, how well they took it up, and what difference it made. Team-level only: teams
 * (channels) and lessons, never people. Plain data with ISO 8601 strings.
 */

import type { FollowUpAnswerKind } from './delivery.ts';

/** Teams' latest answers, by kind: one per team and post. */
export interface FollowUpCounts {
  changed: number;
  partly: number;
  notYet: number;
  decidedAgainst: number;
}

/** The numbers of one review, theme or agency, or of them all. */
export interface EvidenceCounts {
  /** different teams (channels) with at least one delivered post about it */
  teamsReached: number;
  /** its lessons delivered as weekly briefings (posts, one per team and lesson) */
  lessonsDelivered: number;
  /** review announcements delivered (posts) */
  announcementsDelivered: number;
  /** of the teams reached, those that discussed one of those posts */
  teamsDiscussed: number;
  /** median days from a post's arrival to its team's discussion, one decimal; null if none */
  medianDaysToDiscussion: number | null;
  /** of the teams reached, those that saved a plan ("What will we do differently?") */
  teamsPlanned: number;
  /** plans saved, one per team and post */
  plans: number;
  /** of the teams reached, those whose answer is "changed" or "partly" */
  teamsChanged: number;
  followUps: FollowUpCounts;
}

/** A team's own words about a post: its plan, or what changed. Never a person's name. */
export interface EvidenceQuote {
  /** the team's channel label */
  team: string;
  lessonId: string | null;
  /** the lesson's (or the review's) title */
  title: string;
  text: string;
  /** when it was saved */
  at: string;
  /** for "what changed": the answer it came with; null for plans */
  answer: FollowUpAnswerKind | null;
}

export interface ReviewEvidence extends EvidenceCounts {
  reviewId: string;
  title: string;
  /** one sentence a board can quote, e.g. "The learning from Child R reached 23 teams; …" */
  sentence: string;
  /** plans quoted, oldest first */
  quotedPlans: EvidenceQuote[];
  /** "what changed" answers quoted, oldest first */
  quotedChanges: EvidenceQuote[];
}

export interface BreakdownEvidence extends EvidenceCounts {
  id: string;
  label: string;
}

/** What the report was narrowed to; null where not narrowed. */
export interface ReportScope {
  reviewId: string | null;
  themeId: string | null;
  agencyId: string | null;
}

export interface Evidence {
  totals: EvidenceCounts;
  /** reviews with at least one delivered post, by title */
  reviews: ReviewEvidence[];
  /** themes of the delivered lessons, by label */
  themes: BreakdownEvidence[];
  /** agencies of the delivered lessons, by label */
  agencies: BreakdownEvidence[];
}
