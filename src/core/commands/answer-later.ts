import type { Reply } from '../model/index.ts';
import type { Command } from './command.ts';

/** Said at once when publishing starts: the result follows when every channel has it. */
export const PUBLISHING_LATER: Reply = {
  kind: 'notice',
  text: 'Publishing to every subscribed channel. This can take a few minutes; the result will follow here.',
};

/**
 * The notice a front door sends at once for a command that takes minutes (a broadcast
 * paces itself), before it answers when done; undefined for any other. Anyone else's
 * `publish` is refused at once, so it is answered at once.
 */
export function answerLater(command: Command, isAdmin: boolean): Reply | undefined {
  return command.kind === 'publish' && isAdmin ? PUBLISHING_LATER : undefined;
}
