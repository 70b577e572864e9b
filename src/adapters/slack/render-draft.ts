/** What an admin sees in a direct message when importing a review: the draft card and what follows it. */
import {
  type ChatImportReply,
  type DraftAction,
  type DraftCard,
  type DraftReply,
  isDraftReply,
} from '../../core/index.ts';
import {
  actions,
  type Block,
  button,
  context,
  header,
  type SlackMessage,
  section,
  sectionsOf,
} from './blocks.ts';
import { escapeMrkdwn, escapeTrim } from './mrkdwn.ts';
import { renderReply } from './render-blocks.ts';

/** Draft buttons' action_ids start with this; their value is the DraftAction as JSON. */
export const DRAFT_ACTION_PREFIX = 'draft:';
export const DRAFT_ACTION_PATTERN = /^draft:/;

/** A part of the draft's text per message: a message's text is cut at 40,000 characters. */
const DRAFT_CHUNK = 12_000;
const MAX_LINES = 12;

function draftButton(label: string, action: DraftAction, style?: 'primary') {
  return button(label, `${DRAFT_ACTION_PREFIX}${action.kind}`, JSON.stringify(action), style);
}

function bullets(title: string, lines: readonly string[]): Block[] {
  if (lines.length === 0) return [];
  const shown = lines.slice(0, MAX_LINES).map((line) => `• ${escapeTrim(line, 400)}`);
  if (lines.length > MAX_LINES) shown.push(`… and ${lines.length - MAX_LINES} more`);
  return sectionsOf([`*${title}*`, ...shown]);
}

function renderCard(card: DraftCard): SlackMessage {
  const facts = [card.area ?? 'area not found', card.published ?? 'date not found'];
  const points = `${card.lessonCount} learning point${card.lessonCount === 1 ? '' : 's'}`;
  const lessons = card.lessons.map(
    (lesson, i) => `${i + 1}. *${escapeTrim(lesson.title, 150)}*: ${escapeTrim(lesson.start, 200)}`,
  );
  const rest = card.lessonCount - card.lessons.length;
  if (rest > 0) lessons.push(`… and ${rest} more in the draft`);
  const blocks: Block[] = [
    header(`Draft: ${card.title}`),
    section(
      `*${escapeTrim(facts.join(' · '), 300)}*\n${points} found in ${escapeTrim(card.fileName, 200)}${
        card.replaced ? ' (your edited draft replaced the one kept)' : ''
      }`,
    ),
    ...(lessons.length > 0 ? sectionsOf(lessons) : []),
    ...bullets('Check', card.warnings),
    ...bullets('Before it can be approved', card.problems),
    context(
      'Not served to anyone until it is approved. To change it, get the draft, edit it and send it back here as a .yaml file.',
    ),
    ...actions([
      draftButton('Approve', { kind: 'draft-approve', id: card.id }, 'primary'),
      draftButton('Get the draft to edit', { kind: 'draft-edit', id: card.id }),
      draftButton('Discard', { kind: 'draft-discard', id: card.id }),
    ]),
  ];
  return { text: `Draft: ${escapeTrim(card.title, 200)} (${points})`, blocks };
}

/** The draft as code blocks to copy, in as many messages as it takes. */
function renderDraftText(reply: Extract<DraftReply, { kind: 'draft-text' }>): SlackMessage[] {
  const intro: SlackMessage = {
    text: `The draft ${escapeMrkdwn(reply.fileName)}`,
    blocks: [
      section(
        `Here is the draft. Copy it into a text editor, make your changes, save it as *${escapeMrkdwn(reply.fileName)}* and send the file back here: it replaces the one kept, and the bot lists anything still to fix.`,
      ),
    ],
  };
  const chunks: string[] = [];
  let current = '';
  for (const line of reply.text.split('\n')) {
    if (current !== '' && current.length + line.length + 1 > DRAFT_CHUNK) {
      chunks.push(current);
      current = '';
    }
    current = current === '' ? line : `${current}\n${line}`;
  }
  if (current !== '') chunks.push(current);
  // Code blocks: text only, no blocks, so that Slack's block size limits do not apply.
  return [
    intro,
    ...chunks.map((chunk) => ({ text: `\`\`\`${escapeMrkdwn(chunk)}\`\`\``, blocks: [] })),
  ];
}

function renderDraft(reply: DraftReply): SlackMessage[] {
  switch (reply.kind) {
    case 'draft':
      return [renderCard(reply.card)];
    case 'draft-text':
      return renderDraftText(reply);
    case 'draft-problems': {
      const what =
        reply.what === 'approve'
          ? `The draft ${escapeMrkdwn(reply.id ?? '')} cannot go live yet`
          : `${escapeTrim(reply.what, 200)} was not kept`;
      const count = `${reply.problems.length} problem${reply.problems.length === 1 ? '' : 's'}`;
      return [
        {
          text: `${what}: ${count}`,
          blocks: [
            section(`:warning: ${what}: ${count}. Fix them in the draft and send it back here.`),
            ...bullets('Problems', reply.problems),
          ],
        },
      ];
    }
    case 'draft-live': {
      const text = `${escapeTrim(reply.title, 200)} is live: ${reply.lessons} lesson${reply.lessons === 1 ? '' : 's'} now in search and weekly briefings.`;
      const offer =
        reply.channels > 0
          ? actions([
              draftButton(
                `Publish to ${reply.channels} channel${reply.channels === 1 ? '' : 's'}`,
                { kind: 'draft-publish', reviewId: reply.reviewId },
                'primary',
              ),
            ])
          : [context('No channel is subscribed yet, so there is nobody to announce it to.')];
      return [{ text, blocks: [section(`:white_check_mark: ${text}`), ...offer] }];
    }
    case 'draft-discarded': {
      const text = `The draft ${escapeMrkdwn(reply.id)} is discarded.`;
      return [{ text, blocks: [section(text)] }];
    }
  }
}

/** Every answer of the chat import as Slack messages, in order; core's ordinary replies as always. */
export function renderChatImport(reply: ChatImportReply, command?: string): SlackMessage[] {
  return isDraftReply(reply) ? renderDraft(reply) : [renderReply(reply, command)];
}
