/**
 * Importing a review in a direct message: a file sent to the bot becomes a draft card,
 * and the card's buttons approve, hand back or discard it (core/import/chat-import.ts).
 */
import type { App } from '@slack/bolt';
import type { ChatImport, ChatSender } from '../../core/index.ts';
import { readDraftAction, STALE_DRAFT_BUTTON } from '../../core/index.ts';
import { downloadFile } from '../documents/index.ts';
import type { SlackMessage } from './blocks.ts';
import { type FileReceiver, withoutEmptyBlocks } from './direct-message.ts';
import { friendlyError } from './friendly-error.ts';
import { escapeTrim } from './mrkdwn.ts';
import { renderReply } from './render-blocks.ts';
import { DRAFT_ACTION_PATTERN, renderChatImport } from './render-draft.ts';
import type { SlackContext } from './slack-context.ts';

export interface SlackDraftDoor {
  chatImport: ChatImport;
  botToken: string;
  /** Slack's file host, and in tests the fake Web API's origin (SLACK_API_URL) */
  fileOrigins: readonly string[];
}

/** A message may carry several files; more than this is not what the office means to send. */
const MAX_FILES = 3;

/** A DM's files, each made a draft: downloaded from Slack's file host only, and read. */
export function draftFileReceiver(ctx: SlackContext, door: SlackDraftDoor): FileReceiver {
  const allowed = (url: URL) =>
    door.fileOrigins.includes(url.origin) && (url.protocol === 'https:' || isLoopback(url));

  return async (message, post) => {
    const sender: ChatSender = {
      actor: `slack:${message.user}`,
      isAdmin: ctx.isAdmin(message.user),
    };
    for (const file of (message.files ?? []).slice(0, MAX_FILES)) {
      const fileName = file.name ?? 'the file';
      ctx.logger.info('slack file received', { admin: sender.isAdmin });
      try {
        const reply = await door.chatImport.receive(
          {
            fileName,
            ...(file.size !== undefined ? { size: file.size } : {}),
            // Said only once the file is accepted: the download and reading take a while.
            download: async (maxBytes) => {
              await post(reading(fileName));
              return downloadFile({
                url: file.url_private_download ?? '',
                fileName,
                maxBytes,
                headers: { authorization: `Bearer ${door.botToken}` },
                allowed,
                host: 'Slack’s file host',
              });
            },
          },
          sender,
        );
        for (const answer of renderChatImport(reply, ctx.command)) await post(answer);
      } catch (error) {
        await post(friendlyError(error, ctx.logger, 'file')).catch(() => undefined);
      }
    }
  };
}

/** The draft card's buttons: approve, get the draft to edit, discard, publish. */
export function registerDraftListeners(app: App, ctx: SlackContext, door: SlackDraftDoor): void {
  app.action(DRAFT_ACTION_PATTERN, async ({ ack, body, action, respond }) => {
    await ack();
    if (body.type !== 'block_actions' || action.type !== 'button') return;
    const send = (m: SlackMessage) =>
      respond({ ...withoutEmptyBlocks(m), response_type: 'in_channel', replace_original: false });
    try {
      const clicked = readDraftAction(parseJson(action.value));
      if (!clicked) {
        await send(renderReply(STALE_DRAFT_BUTTON, ctx.command));
        return;
      }
      // action_ts is unique to a click, and a retried delivery repeats it.
      const clickedAt = 'action_ts' in action ? action.action_ts : '';
      const key = [body.user.id, body.container?.message_ts, clicked.kind, clickedAt];
      if (!ctx.dedupe.claim(key.join(':'))) return;
      ctx.logger.info('slack draft button', { action: clicked.kind });
      const reply = await door.chatImport.act(clicked, {
        actor: `slack:${body.user.id}`,
        isAdmin: ctx.isAdmin(body.user.id),
      });
      for (const answer of renderChatImport(reply, ctx.command)) await send(answer);
    } catch (error) {
      await send(friendlyError(error, ctx.logger, 'draft button')).catch(() => undefined);
    }
  });
}

function reading(fileName: string): SlackMessage {
  const text = `Reading ${escapeTrim(fileName, 120)}: this takes a few seconds, up to a minute for a long review.`;
  return { text, blocks: [] };
}

function parseJson(value: string | undefined): unknown {
  try {
    return JSON.parse(value ?? '');
  } catch {
    return null;
  }
}

function isLoopback(url: URL): boolean {
  return url.protocol === 'http:' && ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname);
}
