/** What the partnership office sees after `publish` and `report`. */
import {
  type ChannelOutcome,
  type Reply,
  type ReportSummary,
  statusWithReason,
} from '../../core/index.ts';
import { type Block, context, type SlackMessage, section, sectionsOf } from './blocks.ts';
import { code, escapeTrim } from './mrkdwn.ts';
import { noticeBlocks } from './render-notices.ts';

type Published = Extract<Reply, { kind: 'published' }>;
type Report = Extract<Reply, { kind: 'report' }>;

/** Enough to act on in chat; the command line's report has every channel. */
const MAX_CHANNELS = 20;

const PLATFORMS = { slack: 'Slack', teams: 'Teams' } as const;

function outcomeLines(title: string, channels: readonly ChannelOutcome[]): Block[] {
  if (channels.length === 0) return [];
  const lines = channels
    .slice(0, MAX_CHANNELS)
    .map(
      (c) =>
        `• ${escapeTrim(c.label, 100)} (${PLATFORMS[c.platform] ?? 'chat'}): ${escapeTrim(c.reason, 200)}`,
    );
  const rest = channels.length - MAX_CHANNELS;
  if (rest > 0) lines.push(`… and ${rest} more`);
  return sectionsOf([`*${title}*`, ...lines]);
}

export function renderPublished(reply: Published): SlackMessage {
  const text = escapeTrim(reply.text, 2500);
  return {
    text,
    blocks: [
      section(`:mega: ${text}`),
      ...outcomeLines('Gone (marked inactive)', reply.gone),
      ...outcomeLines('Without the bot (paused until it is back)', reply.paused),
      ...outcomeLines('Could not be reached', reply.failed),
      ...noticeBlocks(reply.notices),
    ],
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One row of the table, two lines so that it fits a phone: who, then what reached them. */
function channelRow(c: ReportSummary['channels'][number]): string {
  const what = [
    plural(c.briefings.delivered, 'weekly lesson'),
    plural(c.broadcasts.delivered, 'announcement'),
    `discussed ${plural(c.discussed, 'post')}`,
    plural(c.plans, 'plan'),
    `last ${c.lastDelivery?.slice(0, 10) ?? 'never'}`,
  ].join(' · ');
  const status = c.status === 'active' ? '' : ` · ${escapeTrim(statusWithReason(c), 200)}`;
  return `*${escapeTrim(c.label, 100)}* · ${PLATFORMS[c.platform] ?? 'chat'}${status}\n${what}`;
}

export function renderReport(reply: Report): SlackMessage {
  const text = escapeTrim(reply.text, 2500);
  const { channels, omitted } = reply.report;
  const shown = channels.slice(0, MAX_CHANNELS);
  const rest = omitted + channels.length - shown.length;
  return {
    text,
    blocks: [
      section(`:bar_chart: ${text}`),
      ...sectionsOf(shown.map(channelRow)),
      ...(rest > 0
        ? [
            context(
              `${plural(rest, 'more channel')}: ${code('lessons-bot report --format html')} lists them all.`,
            ),
          ]
        : []),
      ...noticeBlocks(reply.notices),
    ],
  };
}
