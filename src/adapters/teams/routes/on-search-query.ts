import type {
  IMessageExtensionQueryInvokeActivity,
  MessagingExtensionResponse,
} from '@microsoft/teams.api';
import type { IActivityContext } from '@microsoft/teams.apps';
import { handleCommand } from '../../../core/index.ts';
import { extensionMessage, renderSearchResults } from '../card/search-extension.ts';
import { withErrorBoundary } from '../error-boundary.ts';
import type { RouteDeps } from './route-deps.ts';

type Context = IActivityContext<IMessageExtensionQueryInvokeActivity>;

/** Results per page in the compose-box flyout. */
const PAGE = 10;
const MAX_SKIP = 1000;

/** The words typed in the search box; '' on the first open ("initialRun"). */
export function extensionQuery(value: IMessageExtensionQueryInvokeActivity['value']): string {
  const typed = value?.parameters?.find((p) => p.name !== 'initialRun');
  return typeof typed?.value === 'string' ? typed.value.trim() : '';
}

function skipOf(value: IMessageExtensionQueryInvokeActivity['value']): number {
  const skip = value?.queryOptions?.skip;
  return typeof skip === 'number' && Number.isInteger(skip) && skip > 0
    ? Math.min(skip, MAX_SKIP)
    : 0;
}

/**
 * composeExtension/query: the answer goes back in the invoke response itself, which
 * Teams waits for at most 5 seconds. The search runs in-process with no I/O, so it
 * answers in milliseconds.
 */
export function onSearchQuery(deps: RouteDeps) {
  return withErrorBoundary<Context, MessagingExtensionResponse>(
    deps.logger,
    'message.ext.query',
    async (ctx) => {
      const query = extensionQuery(ctx.activity.value);
      if (query === '')
        return extensionMessage('Type a few words to search the lessons, e.g. chronologies.');
      const reply = await handleCommand(
        { kind: 'search', query, offset: skipOf(ctx.activity.value) },
        { ...deps.commands, pageSize: PAGE },
        { isAdmin: false },
      );
      return renderSearchResults(reply);
    },
    async (_ctx, reply) =>
      extensionMessage(reply.kind === 'error' ? reply.message : 'Something went wrong.'),
  );
}
