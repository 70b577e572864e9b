import type { BriefingCommands } from '../../commands/index.ts';
import type { BriefingCommandsDeps } from './command-deps.ts';
import { publish } from './publish-command.ts';
import { refused } from './refused-command.ts';
import { reload } from './reload-command.ts';
import { report } from './report-command.ts';
import { subscribe } from './subscribe-command.ts';
import { preview, showSubscription, unsubscribe } from './subscription-commands.ts';

/**
 * The commands that use the store, for CommandDeps.briefings.
 * @example
 * const briefings = createBriefingCommands({ store, runner, corpus: () => corpus, clock: () => new Date() });
 * await handleCommand(parseCommand('subscribe tue 10:00'), { ...deps, briefings }, { isAdmin, where });
 */
export function createBriefingCommands(deps: BriefingCommandsDeps): BriefingCommands {
  return {
    subscribe: (where, args) => subscribe(deps, where, args),
    unsubscribe: (where) => unsubscribe(deps, where),
    subscription: (where) => showSubscription(deps, where),
    preview: (where) => preview(deps, where),
    publish: (actor, review, again) => publish(deps, actor, review, again),
    report: (actor, since, filters) => report(deps, actor, since, filters),
    reload: (actor) => reload(deps, actor),
    refused: (actor, command) => refused(deps, actor, command),
  };
}
