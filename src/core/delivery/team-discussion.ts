/**
 * A team's discussion of a posted card: the team-level record, kept apart from who
 * pressed (the person-level confirmations, `Acknowledgement`), so that deleting or
 * pseudonymising person data leaves the evidence that a team discussed a lesson.
 */

/** The most a team's plan may hold: one line of what the team will do differently. */
export const MAX_PLAN_LENGTH = 280;

/** One per delivery: its channel's team discussed it, from the first press on. */
export interface TeamDiscussion {
  deliveryId: string;
  /** when the team first said so (the first press, or the first plan) */
  discussedAt: Date;
  /** "What will we do differently?", trimmed, at most MAX_PLAN_LENGTH; absent until given */
  plan?: string;
  /** when the plan was last saved */
  plannedAt?: Date;
}
