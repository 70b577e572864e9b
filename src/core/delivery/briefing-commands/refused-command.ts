import type { CommandKind } from '../../commands/index.ts';
import type { BriefingCommandsDeps } from './command-deps.ts';

/**
 * An admin command from someone who is not an admin: kept in the audit log and said in
 * the log with who and where it came from, as evidence of who tried what.
 */
export async function refused(
  deps: BriefingCommandsDeps,
  actor: string,
  command: CommandKind,
): Promise<void> {
  const platform = actor.includes(':') ? actor.slice(0, actor.indexOf(':')) : actor;
  deps.logger?.warn('admin command refused', { platform, userId: actor, command });
  // The refusal stands even when the database cannot take the entry.
  await deps.store
    .audit({ at: deps.clock(), actor, action: command, detail: { outcome: 'refused', platform } })
    .catch((error: unknown) =>
      deps.logger?.error('could not write a refusal to the audit log', {
        error: error instanceof Error ? error.name : typeof error,
      }),
    );
}
