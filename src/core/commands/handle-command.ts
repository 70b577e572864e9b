import type { Reply } from '../model/index.ts';
import { ADMIN_COMMANDS, type Command } from './command.ts';
import type { BriefingCommands, CommandContext, CommandDeps } from './deps.ts';
import { errorReply } from './error-reply.ts';
import {
  handleLesson,
  handleRandom,
  handleReview,
  handleReviews,
  handleTheme,
  handleThemes,
} from './handle-browse.ts';
import { handleSearch } from './handle-search.ts';
import { helpReply } from './help-text.ts';
import { recentAnswer } from './recent-answers.ts';

/** The polite refusal of an admin command (or an admin's chat import) to anyone else. */
export const NOT_ADMIN = errorReply(
  'not_admin',
  'Sorry, only the partnership office can do that. Ask them if you think you should be able to.',
);

/**
 * Command + deps → Reply. Every front door calls this and renders what comes back.
 * Questions and browsing need only the corpus; subscriptions and admin commands go
 * to the briefing commands, which use the store.
 */
export async function handleCommand(
  command: Command,
  deps: CommandDeps,
  context: CommandContext,
): Promise<Reply> {
  // Which kind of command, from which front door: never the question itself.
  deps.metrics?.commandHandled(context.where?.target.platform ?? 'cli', command.kind);
  if (ADMIN_COMMANDS.has(command.kind) && !context.isAdmin) {
    await deps.briefings?.refused(context.where?.userId ?? 'cli', command.kind);
    return NOT_ADMIN;
  }
  switch (command.kind) {
    case 'search':
      return recentAnswer(deps, command, () => handleSearch(deps, command.query, command.offset));
    case 'themes':
      return handleThemes(deps);
    case 'theme':
      return handleTheme(deps, command.name, command.offset);
    case 'reviews':
      return handleReviews(deps);
    case 'review':
      return handleReview(deps, command.name);
    case 'lesson':
      return handleLesson(deps, command.id);
    case 'random':
      return handleRandom(deps);
    case 'help':
      return helpReply(command.topic, context.isAdmin);
    default:
      return handleBriefingCommand(command, deps.briefings, context);
  }
}

type BriefingCommand = Extract<
  Command,
  {
    kind:
      | 'subscribe'
      | 'unsubscribe'
      | 'subscription'
      | 'preview'
      | 'publish'
      | 'report'
      | 'reload';
  }
>;

async function handleBriefingCommand(
  command: BriefingCommand,
  briefings: BriefingCommands | undefined,
  context: CommandContext,
): Promise<Reply> {
  if (!briefings) {
    return errorReply(
      'not_available',
      `“${command.kind}” needs the bot’s database, which this front door does not have.`,
    );
  }
  const actor = context.where?.userId ?? 'cli';
  switch (command.kind) {
    case 'publish':
      return briefings.publish(actor, command.review, command.again);
    case 'report':
      return briefings.report(actor, command.since, command);
    case 'reload':
      return briefings.reload(actor);
    default:
      break;
  }
  const where = context.where;
  if (!where) {
    return errorReply(
      'not_available',
      `“${command.kind}” works in a Slack or Teams channel, for that channel. On the command line, use “${context.commandLine ?? 'lessons-bot'} subscriptions”.`,
    );
  }
  switch (command.kind) {
    case 'subscribe':
      return briefings.subscribe(where, command.args);
    case 'unsubscribe':
      return briefings.unsubscribe(where);
    case 'subscription':
      return briefings.subscription(where);
    case 'preview':
      return briefings.preview(where);
  }
}
