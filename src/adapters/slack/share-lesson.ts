/**
 * "Share to channel": the bot posts the lesson in the conversation, saying who shared it.
 * Where the bot is not a member (a private channel or a DM it was not invited to),
 * chat.postMessage fails with not_in_channel or channel_not_found, and the response_url,
 * which works wherever the user clicked, posts it in the channel instead; this keeps the
 * scopes to `commands` and `chat:write`.
 */
import { handleCommand } from '../../core/index.ts';
import type { ButtonClick, Responder } from './button-click.ts';
import { describeError } from './friendly-error.ts';
import { renderReply, renderSharedLesson } from './render-blocks.ts';
import type { SlackContext } from './slack-context.ts';

const NOT_A_MEMBER = new Set(['not_in_channel', 'channel_not_found']);

/** The `error` of a Web API platform error ("not_in_channel"), if that is what this is. */
export function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

function sorry(message: string) {
  return {
    ...renderReply({ kind: 'error', code: 'internal', message, suggestions: [] }),
    response_type: 'ephemeral' as const,
    replace_original: false,
  };
}

export async function shareLesson(
  ctx: SlackContext,
  id: string,
  click: ButtonClick,
  io: Responder,
): Promise<void> {
  const reply = await handleCommand({ kind: 'lesson', id }, ctx.deps, { isAdmin: false });
  if (reply.kind !== 'lesson') {
    await io.respond({
      ...renderReply(reply, ctx.command),
      response_type: 'ephemeral',
      replace_original: false,
    });
    return;
  }
  if (!ctx.dedupe.claim(`share:${click.key}`)) {
    ctx.logger.info('slack share already done; retry ignored');
    return;
  }
  const message = renderSharedLesson(reply.lesson, click.userId);
  if (click.channelId) {
    try {
      await io.postMessage(click.channelId, message);
      return;
    } catch (error) {
      const code = slackErrorCode(error);
      if (!code || !NOT_A_MEMBER.has(code)) {
        ctx.logger.warn('slack share failed', { error: describeError(error) });
        const said = code ? ` (Slack said “${code}”)` : '';
        await io.respond(
          sorry(`Sorry, I could not share that lesson here${said}. Please try again later.`),
        );
        return;
      }
    }
  }
  ctx.logger.info('slack share via response_url: the bot is not in this conversation');
  try {
    await io.respond({ ...message, response_type: 'in_channel', replace_original: false });
  } catch {
    const invite = `I can't post in this conversation. Invite me with ${'`'}/invite @lessons-bot${'`'} and press Share again.`;
    // The response_url may have expired (30 minutes, 5 uses): then nobody can be told.
    await io.respond(sorry(invite)).catch((error: unknown) => {
      ctx.logger.warn('slack share: could not reach the user', { error: describeError(error) });
    });
  }
}
