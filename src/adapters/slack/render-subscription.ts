/** Subscription answers and the private preview of the next weekly briefing. */
import type { Reply, SubscriptionChange } from '../../core/index.ts';
import { type Block, context, header, type SlackMessage, section } from './blocks.ts';
import { code, escapeTrim } from './mrkdwn.ts';
import { briefingBlocks } from './render-briefing.ts';
import { noticeBlocks } from './render-notices.ts';

type Subscription = Extract<Reply, { kind: 'subscription' }>;
type Preview = Extract<Reply, { kind: 'briefing' }>;

const ICONS: Record<SubscriptionChange, string> = {
  subscribed: ':white_check_mark:',
  updated: ':white_check_mark:',
  unchanged: ':white_check_mark:',
  current: ':calendar:',
  unsubscribed: ':wave:',
  'not-subscribed': ':information_source:',
};

const INVITE =
  ':bulb: The bot can post here only as a member of this channel: if it is not, type `/invite @lessons-bot`.';

/** Commands to try next, typed the way this front door expects them. */
export function examplesLine(examples: readonly string[], command: string): Block[] {
  const shown = examples.slice(0, 6).map((e) => code(`${command} ${e}`, 200));
  return shown.length === 0 ? [] : [context(`Try: ${shown.join(' · ')}`)];
}

export function renderSubscription(reply: Subscription, command: string): SlackMessage {
  // The core's text names the schedule, the themes and the next post already.
  const text = escapeTrim(reply.text, 2000);
  const started = reply.change === 'subscribed' || reply.change === 'updated';
  return {
    text,
    blocks: [
      section(`${ICONS[reply.change]} ${text}`),
      // With only chat:write the bot posts where it is a member; a slash command works anywhere.
      ...(started ? [context(INVITE)] : []),
      ...examplesLine(reply.examples, command),
    ],
  };
}

/** Only the person who asked sees it, so it says when it would be posted and to whom. */
export function renderPreview(reply: Preview): SlackMessage {
  // Unsubscribed channels get a notice from the core saying how to subscribe.
  const when = reply.nextPost
    ? ` It will be posted in this channel on ${escapeTrim(reply.nextPost, 200)}.`
    : '';
  return {
    text: `Preview: ${escapeTrim(reply.briefing.lesson.title, 200)}`,
    blocks: [
      ...noticeBlocks(reply.notices),
      header('Preview: lesson of the week'),
      context(`:eyes: Only you can see this preview.${when}`),
      ...briefingBlocks(reply.briefing),
    ],
  };
}
