/** What the partnership office sees after `publish` and `report`. */
import {
  type ChannelOutcome,
  funnelRows,
  type Reply,
  type ReportSummary,
  type ReviewFunnel,
  statusWithReason,
} from '../../core/index.ts';
import {
  type Block,
  context,
  fieldsSection,
  header,
  type SlackMessage,
  section,
  sectionsOf,
} from './blocks.ts';
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

/**
 * Longer than any sentence a valid corpus makes (a title is at most 200 characters, even
 * escaped), so the numbers at its end are shown; the fields carry them in any case.
 */
const SENTENCE_CHARS = 1500;

/** A review: its sentence, then its funnel as fields, a stage's name beside its number. */
function reviewFunnel(review: ReviewFunnel): Block {
  const fields = funnelRows(review.stages).flatMap((row) => [
    `*${escapeTrim(row.label, 200)}*`,
    escapeTrim(row.value, 200),
  ]);
  return fieldsSection(escapeTrim(review.sentence, SENTENCE_CHARS), fields);
}

function reviewBlocks({ reviews, reviewsOmitted }: ReportSummary): Block[] {
  return [
    ...reviews.map(reviewFunnel),
    ...(reviewsOmitted > 0
      ? [context(`… and ${plural(reviewsOmitted, 'more review')} in the full report.`)]
      : []),
  ];
}

export function renderReport(reply: Report): SlackMessage {
  const text = escapeTrim(reply.text, 2500);
  const { channels, omitted } = reply.report;
  const shown = channels.slice(0, MAX_CHANNELS);
  const rest = omitted + channels.length - shown.length;
  return {
    // Slack shows the blocks and not this text, which notifications and screen readers read.
    text: `Dissemination report: ${text}`,
    blocks: [
      header('Dissemination report'),
      section(text),
      ...reviewBlocks(reply.report),
      ...(shown.length > 0 ? sectionsOf(['*Channels*', ...shown.map(channelRow)]) : []),
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
