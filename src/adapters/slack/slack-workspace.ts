import { BotError } from '../../core/index.ts';
import { slackFailure } from './slack-post-result.ts';
import { quietSlackClient } from './slack-web-client.ts';

/**
 * The id (T…) of the workspace the bot token belongs to, from auth.test: what the command
 * line stores for a Slack channel when no --team is given, so that a channel subscribed
 * there and by /lessons subscribe is one subscription.
 */
export async function slackWorkspaceId(settings: {
  botToken: string;
  apiUrl?: string | undefined;
}): Promise<string> {
  const client = quietSlackClient({ ...settings, timeoutMs: 10_000 });
  let teamId: string | undefined;
  try {
    teamId = (await client.auth.test()).team_id;
  } catch (error) {
    throw new BotError(
      'not_available',
      `Slack did not say which workspace the bot is in (auth.test: ${slackFailure(error).error}): check SLACK_BOT_TOKEN, or give the workspace id with --team T….`,
      { cause: error },
    );
  }
  if (!teamId)
    throw new BotError(
      'not_available',
      'Slack’s auth.test named no workspace: give it with --team T….',
    );
  return teamId;
}
