import type { LessonCard, ReviewCard } from './lesson-card.ts';

/**
 * A weekly "lesson of the week" in the style of a 7-minute briefing. One model,
 * rendered as Block Kit for Slack and as an Adaptive Card for Teams.
 */
export interface Briefing {
  /** the ledger row it is posted under; the "Discussed in our team" button carries it */
  deliveryId: string;
  /** e.g. "2026-W48" */
  period: string;
  lesson: LessonCard;
  /** what happened, in at most two sentences of the review's summary */
  whatHappened: string;
  /** the lesson's own questions, else three reflective prompts */
  questions: string[];
  /** how many people have said it was discussed; 0 when first posted */
  acknowledgements: number;
}

/** "New review published": the card every subscribed channel gets from `publish`. */
export interface Announcement {
  deliveryId: string;
  review: ReviewCard;
  /** up to three key lessons */
  keyLessons: LessonCard[];
  /** all the review's lessons, for "See all N lessons" */
  totalLessons: number;
  acknowledgements: number;
}

/** What the Notifier is asked to post. */
export type OutgoingMessage =
  | { kind: 'briefing'; briefing: Briefing }
  | { kind: 'announcement'; announcement: Announcement };
