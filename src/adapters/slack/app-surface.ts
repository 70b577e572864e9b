/**
 * What the Slack app registers with Slack. manifest/slack.yaml must say exactly this;
 * test/slack/manifest.test.ts checks that it does.
 */

/** The slash command; help examples and tips are typed with it. */
export const SLASH_COMMAND = '/lessons';

/** Where Slack posts slash commands, interactivity and events in HTTP mode. */
export const SLACK_EVENTS_PATH = '/slack/events';

/** Events API subscriptions: the Home tab is (re)published when a user opens it. */
export const BOT_EVENTS = ['app_home_opened'] as const;

/**
 * The fewest bot scopes that work:
 * - `commands`: the /lessons slash command;
 * - `chat:write`: Share posts the lesson as the bot in channels it is in.
 * views.publish (Home) needs no scope. `chat:write.public` is not asked for: where the bot
 * is not a member, Share posts through the response_url instead (see share-lesson.ts).
 */
export const BOT_SCOPES = ['commands', 'chat:write'] as const;
