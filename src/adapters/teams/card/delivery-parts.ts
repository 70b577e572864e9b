/** The store-backed replies as card parts: subscriptions, the preview, publish and report. */
import {
  type ChannelOutcome,
  funnelRows,
  type Reply,
  type ReportSummary,
  type ReviewFunnel,
  statusWithReason,
} from '../../../core/index.ts';
import { briefingParts } from './briefing-parts.ts';
import type { Budget } from './budget.ts';
import { line, plain, truncate } from './card-text.ts';
import {
  botButton,
  type CardAction,
  type CardParts,
  type Element,
  facts,
  heading,
  present,
  subtle,
  text,
} from './elements.ts';
import type { LessonOptions } from './lesson-blocks.ts';

type Subscription = Extract<Reply, { kind: 'subscription' }>;
type Preview = Extract<Reply, { kind: 'briefing' }>;
type Published = Extract<Reply, { kind: 'published' }>;
type Report = Extract<Reply, { kind: 'report' }>;

/**
 * Commands that are safe to run with one tap become buttons; the rest (unsubscribe, or a
 * subscribe with settings that is only an example) are shown as text to type.
 */
const ONE_TAP = new Set(['preview', 'subscription', 'subscribe']);

export function subscription(
  reply: Subscription,
  budget: Budget,
  options: LessonOptions,
): CardParts {
  const examples = reply.examples.slice(0, budget.items);
  const tappable = options.interactive ? examples.filter((e) => ONE_TAP.has(e)) : [];
  const typed = examples.filter((e) => !tappable.includes(e)).map((e) => line(e, budget.line));
  return {
    body: present<Element>([
      text(plain(reply.text, budget.fullText)),
      typed.length > 0 && subtle(`You can also type: ${typed.join(' · ')}`),
    ]),
    actions: present<CardAction>(tappable.map((e) => botButton(e, { text: e }))),
    summary: truncate(reply.text, 200),
  };
}

export function preview(reply: Preview, budget: Budget, notices: Element[]): CardParts {
  const parts = briefingParts(reply.briefing, budget, 'Preview: lesson of the week');
  const when = reply.nextPost
    ? subtle(line(`It will be posted here on ${reply.nextPost}.`, budget.line))
    : null;
  return { ...parts, body: present<Element>([...notices, ...parts.body, when]) };
}

const PLATFORMS = { slack: 'Slack', teams: 'Teams' } as const;

function outcomeFacts(title: string, channels: readonly ChannelOutcome[], budget: Budget) {
  if (channels.length === 0) return [];
  const shown = channels.slice(0, budget.list);
  const rest = channels.length - shown.length;
  return present<Element>([
    text(title, { weight: 'Bolder', spacing: 'Medium' }),
    facts(
      shown.map((c) => ({
        title: line(c.label, budget.line),
        value: line(`${PLATFORMS[c.platform] ?? 'chat'}: ${c.reason}`, budget.line),
      })),
    ),
    rest > 0 && subtle(`And ${rest} more.`),
  ]);
}

export function published(reply: Published, budget: Budget, notices: Element[]): CardParts {
  return {
    body: [
      heading('Review published'),
      text(plain(reply.text, budget.fullText)),
      ...outcomeFacts('Gone (marked inactive)', reply.gone, budget),
      ...outcomeFacts('Without the bot (paused until it is back)', reply.paused, budget),
      ...outcomeFacts('Could not be reached', reply.failed, budget),
      ...notices,
    ],
    actions: [],
    summary: truncate(reply.text, 200),
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One row of the table as a fact: the channel, then what reached it (fits a phone). */
function reportFact(c: ReportSummary['channels'][number], budget: Budget) {
  const status = c.status === 'active' ? '' : ` (${statusWithReason(c)})`;
  const what = [
    plural(c.briefings.delivered, 'weekly lesson'),
    plural(c.broadcasts.delivered, 'announcement'),
    `discussed ${plural(c.discussed, 'post')}`,
    plural(c.plans, 'plan'),
    `last ${c.lastDelivery?.slice(0, 10) ?? 'never'}`,
  ].join(' · ');
  return {
    title: line(`${c.label}${status}`, budget.line),
    value: line(`${PLATFORMS[c.platform] ?? 'chat'}: ${what}`, budget.line),
  };
}

/** A review: its sentence, then its funnel as facts, a stage's name beside its number. */
function reviewFunnel(review: ReviewFunnel, budget: Budget): Element[] {
  return [
    text(plain(review.sentence, budget.fullText), { spacing: 'Medium' }),
    facts(
      funnelRows(review.stages).map((row) => ({
        title: line(row.label, budget.line),
        value: line(row.value, budget.line),
      })),
    ),
  ];
}

function reviewParts({ reviews, reviewsOmitted }: ReportSummary, budget: Budget): Element[] {
  const shown = reviews.slice(0, budget.items);
  const more = reviewsOmitted + reviews.length - shown.length;
  return present<Element>([
    ...shown.flatMap((r) => reviewFunnel(r, budget)),
    more > 0 && subtle(`… and ${plural(more, 'more review')} in the full report.`),
  ]);
}

export function report(reply: Report, budget: Budget, notices: Element[]): CardParts {
  const { channels, omitted } = reply.report;
  const shown = channels.slice(0, budget.list);
  const rest = omitted + channels.length - shown.length;
  return {
    body: present<Element>([
      heading('Dissemination report'),
      text(plain(reply.text, budget.fullText)),
      ...reviewParts(reply.report, budget),
      shown.length > 0 && text('Channels', { weight: 'Bolder', spacing: 'Medium' }),
      shown.length > 0 && facts(shown.map((c) => reportFact(c, budget))),
      rest > 0 &&
        subtle(`${plural(rest, 'more channel')}: lessons-bot report --format html lists them all.`),
      ...notices,
    ]),
    actions: [],
    summary: truncate(`Dissemination report: ${reply.text}`, 200),
  };
}
