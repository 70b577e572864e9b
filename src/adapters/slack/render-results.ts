/** Search and theme answers: a page of lessons, or a helpful "nothing matched". */
import type { Action, Reply } from '../../core/index.ts';
import { actions, type Block, context, divider, type SlackMessage, section } from './blocks.ts';
import { fitBlocks } from './fit-blocks.ts';
import { code, escapeTrim } from './mrkdwn.ts';
import { actionButton, lessonSummaryBlocks } from './render-lesson.ts';
import { noticeBlocks } from './render-notices.ts';
import { LIMITS } from './slack-limits.ts';

type Results = Extract<Reply, { kind: 'results' }>;
type NoResults = Extract<Reply, { kind: 'no-results' }>;

const MESSAGE = { maxBlocks: LIMITS.messageBlocks, maxJson: LIMITS.messageJson };
const MORE_INDEX = 990;

function range(reply: Results, shown: number): string {
  if (shown === 0) return `${reply.total} found`;
  return `${reply.offset + 1}–${reply.offset + shown} of ${reply.total}`;
}

/** When fewer lessons fit than the core sent, "More results" must start at the first one left out. */
function withOffset(action: Action, offset: number): Action {
  return action.kind === 'more' || action.kind === 'more-theme' ? { ...action, offset } : action;
}

function tail(more: Action | null, command: string): Block[] {
  return [
    ...actions([more ? actionButton('More results', more, MORE_INDEX) : null]),
    context(`Tip: ${code(`${command} help`)} shows how to ask and filter.`),
  ];
}

export function renderResults(reply: Results, command: string): SlackMessage {
  const heading = escapeTrim(reply.heading, 500);
  const fitted = fitBlocks(
    {
      head: [...noticeBlocks(reply.notices), section(`*${heading}*`)],
      body: reply.lessons.map((lesson, i) => [
        divider,
        ...lessonSummaryBlocks(lesson, reply.offset + i + 1, i),
      ]),
      // A huge lesson can push others out; "More results" then starts at the first left out.
      tail: (shown) => [
        context(range(reply, shown)),
        ...tail(reply.more && withOffset(reply.more, reply.offset + shown), command),
      ],
    },
    MESSAGE,
    'more lessons',
  );
  return { text: `${heading} (${range(reply, fitted.shown)})`, blocks: fitted.blocks };
}

const MAX_THEME_BUTTONS = 10;

export function renderNoResults(reply: NoResults, command: string): SlackMessage {
  const asked = reply.query === '' ? 'your question' : `“${escapeTrim(reply.query, 500)}”`;
  const buttons = reply.suggestions
    .slice(0, MAX_THEME_BUTTONS)
    .map((s, i) =>
      actionButton(`${s.label} (${s.count})`, { kind: 'theme', id: s.id, label: s.label }, i),
    );
  const suggest: Block[] =
    reply.suggestions.length > 0
      ? [section('Try one of these themes instead:'), ...actions(buttons)]
      : [];
  const head = [
    ...noticeBlocks(reply.notices),
    section(`*No lessons match ${asked}.*\nTry fewer or different words.`),
    ...suggest,
    context(
      `${code(`${command} themes`)} lists every theme; ${code(`${command} help`)} shows how to ask.`,
    ),
  ];
  const fitted = fitBlocks({ head, body: [] }, MESSAGE);
  return { text: `No lessons match ${asked}.`, blocks: fitted.blocks };
}
