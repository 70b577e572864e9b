/**
 * The App Home tab: what the bot does, how to ask, the themes and the newest reviews,
 * and the workspace's channel subscriptions.
 */
import type { HelpSection, Reply, ReviewCard } from '../../core/index.ts';
import { type Block, context, divider, header, section, sectionsOf } from './blocks.ts';
import { fitBlocks } from './fit-blocks.ts';
import { code, escapeTrim } from './mrkdwn.ts';
import { reviewLine } from './render-browse.ts';
import { helpSectionText } from './render-help.ts';
import { LIMITS } from './slack-limits.ts';

/** One subscribed channel as the Home tab lists it. */
export interface HomeSubscription {
  channelId: string;
  /** what people call the channel ("#early-help"), shown when the id cannot be linked */
  label?: string;
  /** e.g. "every Monday at 09:00 (Europe/London)" */
  schedule: string;
  /** e.g. "themes: Neglect, Escalation"; empty for no focus */
  focus: string;
  /** e.g. "Monday 23 November 2026, 09:00 (Europe/London)"; absent when none is due */
  nextPost?: string;
  /** why the posts stopped (e.g. "is_archived"); absent while it is active */
  stopped?: string;
  /** why the posts wait for the bot to be invited (e.g. "not_in_channel"); absent otherwise */
  paused?: string;
}

export interface HomeData {
  /** how to ask: the sections of the core's search help */
  howToAsk: readonly HelpSection[];
  themes: Extract<Reply, { kind: 'themes' }>['themes'];
  /** newest first */
  reviews: readonly ReviewCard[];
  subscriptions: readonly HomeSubscription[];
}

export interface HomeView {
  type: 'home';
  blocks: Block[];
}

const NEWEST_REVIEWS = 5;

/**
 * A channel link, which Slack shows by name to those who may see it (a private channel's
 * name stays hidden from others); the label only when the id is not one Slack can link.
 */
function channel(s: HomeSubscription): string {
  if (/^[CGD][A-Z0-9]{2,30}$/.test(s.channelId)) return `<#${s.channelId}>`;
  return escapeTrim(s.label ?? s.channelId, 100);
}

function emptySubscriptions(command: string): string {
  return `No channel in this workspace gets the weekly lesson yet. Type ${code(`${command} subscribe`)} in a channel to start one.`;
}

function subscriptionLine(s: HomeSubscription): string {
  const parts = [escapeTrim(s.schedule, 200)];
  if (s.focus !== '') parts.push(escapeTrim(s.focus, 300));
  if (s.paused)
    parts.push(
      `paused until the bot is invited: ${code('/invite @lessons-bot')} (${escapeTrim(s.paused, 100)})`,
    );
  else if (s.stopped) parts.push(`stopped (${escapeTrim(s.stopped, 100)})`);
  else if (s.nextPost) parts.push(`next: ${escapeTrim(s.nextPost, 100)}`);
  return `• ${channel(s)} — ${parts.join(' · ')}`;
}

export function renderHome(data: HomeData, command: string): HomeView {
  const themes = data.themes.map((t) => `${t.label} (${t.count})`).join(' · ');
  const subscriptions = data.subscriptions.map((s) => [section(subscriptionLine(s))]);
  const fitted = fitBlocks(
    {
      // Every piece of the head is capped, so the head always fits and the body decides.
      head: [
        header('lessons-bot'),
        section(
          `Learning from published child safeguarding case reviews, where you work. Ask a question and get the lessons that fit best, each with the review it comes from, its themes, and a button to share it with your team. Ask with ${code(command)} in any channel, or write your question in this app’s *Messages* tab.`,
        ),
        ...data.howToAsk.slice(0, 3).map((s) => section(helpSectionText(s, command))),
        divider,
        section(
          `*Themes* (lessons)\n${themes === '' ? 'No themes yet.' : escapeTrim(themes, 2800)}`,
        ),
        section('*Newest reviews*'),
        ...sectionsOf(data.reviews.slice(0, NEWEST_REVIEWS).map(reviewLine)),
        divider,
        header('Channel subscriptions'),
        ...(subscriptions.length === 0 ? [section(emptySubscriptions(command))] : []),
      ],
      body: subscriptions,
      tail: () => [
        context(
          ':lock: Answers come from published, anonymised reviews only. Please keep names and other case details out of your questions.',
        ),
      ],
    },
    { maxBlocks: LIMITS.homeBlocks, maxJson: LIMITS.homeJson },
    'more channels',
  );
  return { type: 'home', blocks: fitted.blocks };
}
