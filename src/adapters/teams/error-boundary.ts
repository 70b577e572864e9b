import { type Logger, type Reply, toBotError } from '../../core/index.ts';

/**
 * The Teams adapter's one error boundary. Every route runs inside it: whatever is
 * thrown is logged once (a code and an error name, never the question) and becomes a
 * friendly reply through `tell`. If telling fails too (the connector is down), that
 * is logged and the request still completes.
 */
export function withErrorBoundary<C, R>(
  logger: Logger,
  route: string,
  handler: (ctx: C) => Promise<R>,
  tell: (ctx: C, reply: Reply) => Promise<R>,
): (ctx: C) => Promise<R | undefined> {
  return async (ctx) => {
    try {
      return await handler(ctx);
    } catch (thrown) {
      const error = toBotError(thrown);
      logger.error('Teams request failed', {
        route,
        code: error.code,
        error: thrown instanceof Error ? thrown.name : typeof thrown,
        // Our own errors' messages are written to be shown; others may say what broke.
        detail: thrown instanceof Error ? thrown.message.slice(0, 200) : undefined,
      });
      const reply: Reply = {
        kind: 'error',
        code: error.code,
        message: error.message,
        suggestions: [],
      };
      try {
        return await tell(ctx, reply);
      } catch (again) {
        logger.error('Teams reply about a failure could not be sent', {
          route,
          error: again instanceof Error ? again.name : typeof again,
        });
        return undefined;
      }
    }
  };
}
