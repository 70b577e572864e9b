/** Help, errors and plain notices. */
import type { HelpSection, Reply } from '../../core/index.ts';
import { actions, type Block, context, type SlackMessage, section } from './blocks.ts';
import { fitBlocks } from './fit-blocks.ts';
import { code, escapeTrim } from './mrkdwn.ts';
import { actionButton } from './render-lesson.ts';
import { LIMITS } from './slack-limits.ts';

type Help = Extract<Reply, { kind: 'help' }>;
type ErrorReply = Extract<Reply, { kind: 'error' }>;

const MESSAGE = { maxBlocks: LIMITS.messageBlocks, maxJson: LIMITS.messageJson };

/** A section's sentences, then its examples typed the way this front door expects them. */
export function helpSectionText(help: HelpSection, command: string): string {
  const lines = [`*${escapeTrim(help.title, 200)}*`, ...help.lines.map((l) => escapeTrim(l, 1200))];
  const examples = help.examples.slice(0, 10).map((e) => code(`${command} ${e}`, 200));
  if (examples.length > 0) lines.push(examples.join('   '));
  return lines.join('\n');
}

export function renderHelp(reply: Help, command: string): SlackMessage {
  const title = escapeTrim(reply.title, 300);
  const fitted = fitBlocks(
    {
      head: [section(`*${title}*`)],
      body: reply.sections.map((s) => [section(helpSectionText(s, command))]),
    },
    MESSAGE,
    'help topics',
  );
  return { text: title, blocks: fitted.blocks };
}

export function renderError(reply: ErrorReply): SlackMessage {
  const message = escapeTrim(reply.message, 1500);
  const blocks: Block[] = [section(`:warning: ${message}`)];
  const tries = reply.suggestions.slice(0, 5);
  if (tries.length > 0) {
    blocks.push(context('Did you mean:'));
    blocks.push(...actions(tries.map((s, i) => actionButton(s.label, s.action, i))));
  }
  return { text: message, blocks };
}

export function renderNotice(text: string): SlackMessage {
  const escaped = escapeTrim(text, 2500);
  return { text: escaped, blocks: [section(escaped)] };
}
