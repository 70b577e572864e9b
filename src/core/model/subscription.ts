/** Where the bot posts: a channel on a platform, and its weekly schedule and focus. */

export type Platform = 'slack' | 'teams';

/** Where a post goes. One subscription per target. */
export interface Target {
  platform: Platform;
  /** Slack team id (T…), or Teams tenant id ('' when unknown, e.g. local tools) */
  workspace: string;
  /** Slack channel id (C…/G…/D…), or Teams conversation id */
  channel: string;
  /** a name people recognise in reports, e.g. "#safeguarding-team"; optional */
  label?: string;
}

/** ISO weekday: Monday = 1 … Sunday = 7. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** When a channel's weekly briefing is due, in its own wall-clock time. */
export interface Schedule {
  day: Weekday;
  /** 24-hour "HH:MM" */
  time: string;
  /** IANA zone, e.g. "Europe/London" */
  timezone: string;
}

/**
 * `paused`: the bot is not in the channel (never invited, or removed from it); it resumes
 * by itself when the bot is back (invited in Slack; installed or spoken to in Teams).
 * `inactive`: the platform said the channel is gone (deleted, archived, the app
 * uninstalled). `removed`: unsubscribed.
 */
export type SubscriptionStatus = 'active' | 'paused' | 'inactive' | 'removed';

/** The UK nation whose bank holidays a subscription keeps (reminders skip them). */
export type Nation = 'england' | 'wales' | 'scotland' | 'northern-ireland';

export interface Subscription {
  id: string;
  target: Target;
  schedule: Schedule;
  /** theme ids the channel asked to focus on; empty means every theme */
  themes: string[];
  status: SubscriptionStatus;
  /** why it was paused or became inactive, e.g. "not_in_channel", "is_archived" */
  statusReason?: string;
  createdAt: Date;
  updatedAt: Date;
  /** who subscribed: "slack:U123", "teams:<aad id>" or "cli" */
  createdBy?: string;
  /** whose bank holidays a reminder avoids; absent: england */
  nation?: Nation;
  /** false: the channel turned the reminder of an undiscussed lesson off; absent: on */
  reminders?: boolean;
}
