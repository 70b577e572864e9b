import { isBotError } from '../../errors.ts';
import type { Reply } from '../../model/index.ts';
import type { BriefingCommandsDeps } from './command-deps.ts';

/** `reload`: reads the edited corpus through the function main.ts provides. */
export async function reload(deps: BriefingCommandsDeps, actor: string): Promise<Reply> {
  await deps.store.audit({ at: deps.clock(), actor, action: 'reload', detail: {} });
  if (!deps.onReload) {
    return {
      kind: 'error',
      code: 'not_available',
      message:
        'Reloading is not available in this process: restart the bot to load the edited lessons.',
      suggestions: [],
    };
  }
  try {
    return { kind: 'notice', text: `Reloaded the lessons: ${await deps.onReload()}.` };
  } catch (error) {
    deps.logger?.warn('reload failed', {
      error: error instanceof Error ? error.name : typeof error,
    });
    const message = isBotError(error)
      ? `${error.message} The lessons in use are unchanged.`
      : 'Reloading failed; the lessons in use are unchanged. The logs say why.';
    return { kind: 'error', code: 'reload_failed', message, suggestions: [] };
  }
}
