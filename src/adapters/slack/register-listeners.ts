/**
 * Bolt's routes, each thin: take what Slack sent, call the answer functions, send the
 * result. One error boundary: each listener catches and answers kindly; app.error is
 * the backstop for whatever escapes (authorization failures, bugs).
 */
import type { App } from '@slack/bolt';
import { answerLater, errorLogFields, parseCommand, resumeSubscription } from '../../core/index.ts';
import { ACTION_ID_PATTERN } from './action-value.ts';
import { answerButton } from './answer-button.ts';
import { answerCommand } from './answer-command.ts';
import { BOT_EVENTS } from './app-surface.ts';
import type { SlackMessage } from './blocks.ts';
import { buildHome } from './build-home.ts';
import type { Responder } from './button-click.ts';
import { type FileReceiver, registerDirectMessages } from './direct-message.ts';
import { friendlyError } from './friendly-error.ts';
import { decodeSlackText } from './mrkdwn.ts';
import { registerPlanModal } from './plan-modal.ts';
import { renderReply } from './render-blocks.ts';
import type { SlackContext } from './slack-context.ts';

async function safely(
  ctx: SlackContext,
  where: string,
  answer: () => Promise<SlackMessage>,
): Promise<SlackMessage> {
  try {
    return await answer();
  } catch (error) {
    return friendlyError(error, ctx.logger, where);
  }
}

/** `receiveFiles`: where files sent in the bot's DM go (the chat import), when it is set up. */
export function registerListeners(app: App, ctx: SlackContext, receiveFiles?: FileReceiver): void {
  app.command(ctx.command, async ({ command, ack, respond }) => {
    const parsed = parseCommand(decodeSlackText(command.text));
    const input = {
      userId: command.user_id,
      teamId: command.team_id,
      channelId: command.channel_id,
      channelName: command.channel_name,
    };
    // A broadcast paces itself within Slack's rate limits and can take minutes, longer
    // than Slack's 3 seconds: the core's notice now, the answer through response_url.
    const later = answerLater(parsed, ctx.isAdmin(input.userId));
    if (later) {
      await ack({ response_type: 'ephemeral', ...renderReply(later, ctx.command) });
      const message = await safely(ctx, 'command', () => answerCommand(ctx, parsed, input));
      await respond({ response_type: 'ephemeral', replace_original: false, ...message }).catch(
        (error: unknown) => ctx.logger.warn('could not send a late answer', errorLogFields(error)),
      );
      return;
    }
    // Answered in the ack itself: one round trip, well inside Slack's 3 seconds.
    const message = await safely(ctx, 'command', () => answerCommand(ctx, parsed, input));
    await ack({ response_type: 'ephemeral', ...message });
  });

  app.action(ACTION_ID_PATTERN, async ({ ack, body, action, respond, client }) => {
    await ack();
    if (body.type !== 'block_actions' || action.type !== 'button') return;
    const io: Responder = {
      respond: (message) => respond(message),
      postMessage: (channel, message) =>
        client.chat.postMessage({ channel, ...message, unfurl_links: false, unfurl_media: false }),
      openView: (triggerId, view) => client.views.open({ trigger_id: triggerId, view }),
    };
    // action_ts is unique to a click, and a retried delivery repeats it.
    const clickedAt = 'action_ts' in action ? action.action_ts : '';
    const actionId = 'action_id' in action ? action.action_id : '';
    const click = {
      value: action.value,
      userId: body.user.id,
      teamId: body.team?.id ?? body.user.team_id,
      channelId: body.channel?.id,
      channelName: body.channel?.name,
      ephemeral: body.container?.is_ephemeral === true,
      triggerId: body.trigger_id,
      inputs: typedInputs(body.state?.values),
      key: [body.team?.id, body.user.id, body.container?.message_ts, actionId, clickedAt].join(':'),
    };
    try {
      await answerButton(ctx, click, io);
    } catch (error) {
      const message = friendlyError(error, ctx.logger, 'button');
      await respond({ ...message, response_type: 'ephemeral', replace_original: false }).catch(
        () => {},
      );
    }
  });

  registerPlanModal(app, ctx);
  registerDirectMessages(app, ctx, receiveFiles);

  app.event(BOT_EVENTS[0], async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    const view = await buildHome(ctx, { teamId: body.team_id, userId: event.user });
    await client.views.publish({ user_id: event.user, view });
  });

  // Someone joined a channel the bot is in; when it is the bot itself, it was invited.
  app.event(BOT_EVENTS[1], async ({ event, context }) => {
    if (!ctx.subscriptions || event.user !== context.botUserId) return;
    const target = { platform: 'slack' as const, workspace: event.team, channel: event.channel };
    const by = `slack:${event.inviter ?? event.user}`;
    if (await resumeSubscription(ctx.subscriptions, target, by, ctx.clock())) {
      ctx.logger.info('subscription resumed: the bot was invited', { channel: event.channel });
    }
  });

  app.error(async (args: ErrorArgs) => backstop(ctx, args));
}

/** The text typed in a message's inputs, by block id; other kinds of input are not ours. */
function typedInputs(
  values: Record<string, Record<string, { value?: string | null }>> | undefined,
): Record<string, string> {
  const typed: Record<string, string> = {};
  for (const [block, actions] of Object.entries(values ?? {}))
    for (const input of Object.values(actions))
      if (typeof input.value === 'string') typed[block] = input.value;
  return typed;
}

/** What Bolt's extended error handler receives (its type is not exported). */
interface ErrorArgs {
  error: Error;
  body?: unknown;
}

/** Logs what escaped the listeners and, when the request has a response_url, tells the user. */
async function backstop(ctx: SlackContext, { error, body }: ErrorArgs): Promise<void> {
  const message = friendlyError(error, ctx.logger, 'bolt');
  const url = (body as { response_url?: unknown } | undefined)?.response_url;
  if (typeof url !== 'string') return;
  await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...message, response_type: 'ephemeral', replace_original: false }),
  }).catch(() => {});
}
