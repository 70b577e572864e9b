import type { FollowUpAnswerKind } from './delivery.ts';
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

/**
 * "Has it made a difference?": posted some weeks after a lesson its team planned a change
 * for, quoting the lesson and the plan, with four answers and an optional "what changed".
 */
export interface FollowUp {
  /** the original post (the lesson's): the answer buttons carry it, answers are kept by it */
  deliveryId: string;
  lesson: LessonCard;
  /** what the team said it would do differently */
  plan: string;
  /** how many weeks ago the lesson was posted */
  weeks: number;
  /** the team's answer, once given: the card then says so instead of asking */
  answer?: FollowUpAnswerKind;
  whatChanged?: string;
}

/** One short reminder, in the thread of (Slack) or as a reply to (Teams) a lesson nobody marked discussed. */
export interface Reminder {
  /** the original post, which the reminder answers and whose button it points to */
  deliveryId: string;
  lessonTitle: string;
  /** where the original was posted: the Notifier's messageRef of it */
  replyTo: string;
}

/** What the Notifier is asked to post. */
export type OutgoingMessage =
  | { kind: 'briefing'; briefing: Briefing }
  | { kind: 'announcement'; announcement: Announcement }
  | { kind: 'follow-up'; followUp: FollowUp }
  | { kind: 'reminder'; reminder: Reminder };
