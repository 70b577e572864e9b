import type { Command } from './command.ts';
import type { Reply } from './reply.ts';

/**
 * The notice a front door sends at once for a command that takes minutes (a broadcast
 * paces itself), before it answers when done; undefined for any other. Anyone else's
 * `publish` is refused at once, so it is answered at once.
 */
export function answerLater(command: Command, isAdmin: boolean): Reply | undefined {
  if (command.kind !== 'publish' || !isAdmin) return undefined;
  return {
    kind: 'notice',
    text: 'Publishing to every subscribed channel. This can take a few minutes; the result will follow here.',
  };
}
