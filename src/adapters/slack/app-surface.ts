/**
 * What the Slack app registers with Slack. manifest/slack.yaml must say exactly this;
 * test/slack/manifest.test.ts checks that it does.
 */

/** The slash command; help examples and tips are typed with it. */
export const SLASH_COMMAND = '/lessons';

/** Where Slack posts slash commands, interactivity and events in HTTP mode. */
export const SLACK_EVENTS_PATH = '/slack/events';

/**
 * Events API subscriptions: the Home tab is (re)published when a user opens it; a channel
 * whose subscription was paused (the bot was not in it) resumes when the bot is invited;
 * a direct message to the bot brings an admin's review document (or edited draft).
 */
export const BOT_EVENTS = ['app_home_opened', 'member_joined_channel', 'message.im'] as const;

/**
 * The fewest bot scopes that work:
 * - `commands`: the /lessons slash command;
 * - `chat:write`: Share, weekly lessons and announcements post as the bot in channels it is in;
 * - `channels:read`, `groups:read`: member_joined_channel in public and private channels
 *   (the bot invited), and conversations.info when a channel subscribes (is the bot in it?).
 * views.publish (Home) needs no scope. `chat:write.public` is not asked for: where the bot
 * is not a member, Share posts through the response_url instead (see share-lesson.ts), and a
 * subscription waits, paused, until the bot is invited.
 * - `im:history`: message.im, the direct messages people send the bot (and only those:
 *   no channel's messages are read): a question there is answered as /lessons answers it,
 *   and an admin sends a review's document there;
 * - `files:read`: downloading that document (url_private_download with the bot token).
 * `files:write` is not asked for: the draft to edit goes back as text in a message.
 */
export const BOT_SCOPES = [
  'commands',
  'chat:write',
  'channels:read',
  'groups:read',
  'im:history',
  'files:read',
] as const;
