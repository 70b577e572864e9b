/**
 * A direct message a person sends the bot (message.im). A file in it is the chat import's
 * (draft-listeners.ts); words are a question, answered as `/lessons <words>` is.
 */
import type { App } from '@slack/bolt';
import { answerLater, parseCommand } from '../../core/index.ts';
import { answerCommand } from './answer-command.ts';
import type { SlackMessage } from './blocks.ts';
import { friendlyError } from './friendly-error.ts';
import { decodeSlackText } from './mrkdwn.ts';
import { renderReply } from './render-blocks.ts';
import type { SlackContext } from './slack-context.ts';

/** A file as message.im carries it (files.info's fields). */
interface SlackFile {
  name?: string;
  size?: number;
  url_private_download?: string;
}

/** The fields of a message.im event read here; Bolt's union of message types is wider. */
interface DirectMessage {
  channel: string;
  channel_type?: string;
  user?: string;
  bot_id?: string;
  subtype?: string;
  ts: string;
  text?: string;
  team?: string;
  files?: SlackFile[];
}

/** A person's new message in the bot's DM, with the fields a reply needs. */
export type PersonsMessage = DirectMessage & { user: string };

/** Posts a message in the DM, as the bot. */
export type Post = (message: SlackMessage) => Promise<unknown>;

/** What a DM's files go to: the chat import, when it is set up. */
export type FileReceiver = (message: PersonsMessage, post: Post) => Promise<void>;

/**
 * A person's new message in the bot's DM, claimed once: Slack retries an event it thinks
 * was lost, and edits, deletions and the bot's own posts are not questions.
 */
function personsDirectMessage(event: unknown, ctx: SlackContext): PersonsMessage | undefined {
  const message = event as DirectMessage;
  if (message.channel_type !== 'im' || message.bot_id || !message.user) return undefined;
  if (message.subtype !== undefined && message.subtype !== 'file_share') return undefined;
  if (!ctx.dedupe.claim(`im:${message.channel}:${message.ts}`)) return undefined;
  return { ...message, user: message.user };
}

/** A message without blocks is sent as its text alone, which Slack then shows. */
export function withoutEmptyBlocks(message: SlackMessage): SlackMessage | { text: string } {
  return message.blocks.length > 0 ? message : { text: message.text };
}

/**
 * The bot's direct messages: files go to `receiveFiles` (the chat import); words, or files
 * where there is no import, are a question answered as `/lessons <words>` is.
 */
export function registerDirectMessages(
  app: App,
  ctx: SlackContext,
  receiveFiles: FileReceiver | undefined,
): void {
  app.event('message', async ({ event, body, client }) => {
    const message = personsDirectMessage(event, ctx);
    if (!message) return;
    const post: Post = (reply) =>
      client.chat.postMessage({
        channel: message.channel,
        ...withoutEmptyBlocks(reply),
        unfurl_links: false,
        unfurl_media: false,
      });
    if (receiveFiles && (message.files?.length ?? 0) > 0) {
      await receiveFiles(message, post);
      return;
    }
    await answerQuestion(ctx, message, message.team ?? body.team_id, post);
  });
}

async function answerQuestion(
  ctx: SlackContext,
  message: PersonsMessage,
  teamId: string | undefined,
  post: Post,
): Promise<void> {
  const parsed = parseCommand(decodeSlackText(message.text ?? ''));
  const input = { userId: message.user, teamId, channelId: message.channel };
  try {
    const later = answerLater(parsed, ctx.isAdmin(input.userId));
    if (later) await post(renderReply(later, ctx.command));
    await post(await answerCommand(ctx, parsed, input));
  } catch (error) {
    await post(friendlyError(error, ctx.logger, 'direct message')).catch(() => undefined);
  }
}
