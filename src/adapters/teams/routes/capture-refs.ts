import type { IActivityContext } from '@microsoft/teams.apps';
import { errorLogFields } from '../../../core/index.ts';
import { captureOnMessage } from './remember-conversation.ts';
import type { RouteDeps } from './route-deps.ts';

/**
 * Middleware: on every message, make sure we know where this conversation lives
 * ("first message" capture). A failure here must not cost the person their answer.
 */
export function captureRefs(deps: RouteDeps) {
  return async (ctx: IActivityContext) => {
    if (ctx.activity.type === 'message') {
      try {
        await captureOnMessage(deps, ctx.activity);
      } catch (error) {
        deps.logger.warn('Could not remember a Teams conversation', errorLogFields(error));
      }
    }
    return ctx.next();
  };
}
