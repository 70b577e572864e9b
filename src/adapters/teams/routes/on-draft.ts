/**
 * Importing a review in a personal chat: a file sent to the bot (a file download info
 * attachment) becomes a draft card, and the card's buttons approve, hand back or discard
 * it (core/import/chat-import.ts).
 */
import type { IMessageActivity } from '@microsoft/teams.api';
import type { IActivityContext } from '@microsoft/teams.apps';
import {
  type ChatImport,
  type ChatImportReply,
  type ChatSender,
  type DraftAction,
  isDraftReply,
  type Reply,
  readDraftAction,
} from '../../../core/index.ts';
import { downloadFile } from '../../documents/index.ts';
import { line } from '../card/card-text.ts';
import { DRAFT_DATA_KEY, draftTextMessages, renderDraftCard } from '../card/draft-card.ts';
import { renderCard } from '../card/render-card.ts';
import { toMessage } from '../card/to-message.ts';
import { withErrorBoundary } from '../error-boundary.ts';
import { isPersonal, teamsUserId } from '../teams-conversation.ts';
import type { RouteDeps } from './route-deps.ts';

type MessageContext = IActivityContext<IMessageActivity>;

/** How Teams attaches a file sent in a personal chat (the app must declare supportsFiles). */
export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

export interface TeamsDraftDoor {
  chatImport: ChatImport;
  /** origins besides SharePoint's that files may come from: a local fake in tests */
  fileOrigins: readonly string[];
}

interface SentFile {
  name: string;
  downloadUrl: string;
}

/** A message sends this many files at most, as the office means to send one review at a time. */
const MAX_FILES = 3;

const STALE: Reply = {
  kind: 'error',
  code: 'command_invalid',
  message: 'That button no longer works. Please send the document again.',
  suggestions: [],
};

const PUBLISHING: Reply = {
  kind: 'notice',
  text: 'Publishing to every subscribed channel. This can take a few minutes; the result will follow here.',
};

function filesOf(activity: IMessageActivity): SentFile[] {
  return (activity.attachments ?? []).flatMap((attachment) => {
    if (attachment.contentType !== FILE_DOWNLOAD_INFO) return [];
    const url = (attachment.content as { downloadUrl?: unknown } | undefined)?.downloadUrl;
    return typeof url === 'string'
      ? [{ name: attachment.name ?? 'the file', downloadUrl: url }]
      : [];
  });
}

/** The draft button pressed, null for one that is stale, undefined when it is no draft button. */
function draftActionOf(value: unknown): DraftAction | null | undefined {
  if (typeof value !== 'object' || value === null || !(DRAFT_DATA_KEY in value)) return undefined;
  return readDraftAction((value as Record<string, unknown>)[DRAFT_DATA_KEY]);
}

/** SharePoint and OneDrive hold what people send in Teams; nothing else is downloaded from. */
function fileHostAllows(origins: readonly string[]) {
  return (url: URL) =>
    (url.protocol === 'https:' && url.hostname.endsWith('.sharepoint.com')) ||
    origins.includes(url.origin);
}

async function answer(ctx: MessageContext, reply: ChatImportReply): Promise<void> {
  if (!isDraftReply(reply)) {
    await ctx.send(toMessage(renderCard(reply)));
    return;
  }
  if (reply.kind !== 'draft-text') {
    await ctx.send(toMessage(renderDraftCard(reply)));
    return;
  }
  for (const text of draftTextMessages(reply))
    await ctx.send({ type: 'message', text, textFormat: 'markdown' });
}

/**
 * Handles a file sent in a personal chat, or a draft card's button; false for any other
 * message, which the ordinary route answers.
 */
export async function onDraftMessage(deps: RouteDeps, ctx: MessageContext): Promise<boolean> {
  const door = deps.drafts;
  if (!door) return false;
  const action = draftActionOf(ctx.activity.value);
  const files = isPersonal(ctx.activity) ? filesOf(ctx.activity) : [];
  if (action === undefined && files.length === 0) return false;
  const sender: ChatSender = {
    actor: teamsUserId(ctx.activity),
    isAdmin: deps.isAdmin(ctx.activity.from),
  };
  if (action === null) {
    await answer(ctx, STALE);
    return true;
  }
  if (action) {
    deps.logger.info('Teams draft button', { action: action.kind });
    if (action.kind === 'draft-publish' && sender.isAdmin) {
      // As the publish command: say so now, answer when done, and let the request end.
      await answer(ctx, PUBLISHING);
      void door.chatImport
        .act(action, sender)
        .then((reply) => answer(ctx, reply))
        .catch((error: unknown) => deps.logger.error('publish failed', { error: String(error) }));
      return true;
    }
    await answer(ctx, await door.chatImport.act(action, sender));
    return true;
  }
  // Reading takes up to a minute: the request ends now, so that the connector does not
  // time out and send it again, and the answers follow in the chat.
  deps.logger.info('Teams file received', { files: files.length, admin: sender.isAdmin });
  void withErrorBoundary(
    deps.logger,
    'file',
    () => receiveFiles(door, ctx, sender, files),
    answer,
  )(ctx);
  return true;
}

async function receiveFiles(
  door: TeamsDraftDoor,
  ctx: MessageContext,
  sender: ChatSender,
  files: readonly SentFile[],
): Promise<void> {
  const allowed = fileHostAllows(door.fileOrigins);
  for (const file of files.slice(0, MAX_FILES)) {
    const reply = await door.chatImport.receive(
      {
        fileName: file.name,
        download: async (maxBytes) => {
          await ctx.send(
            `Reading ${line(file.name, 120)}: this takes a few seconds, up to a minute for a long review.`,
          );
          return downloadFile({
            url: file.downloadUrl,
            fileName: file.name,
            maxBytes,
            allowed,
            host: 'SharePoint or OneDrive, where Teams keeps the files people send',
          });
        },
      },
      sender,
    );
    await answer(ctx, reply);
  }
}
