import { errorLogFields, failureReply, type Logger, type Reply } from '../../core/index.ts';

/**
 * The Teams adapter's one error boundary. Every route runs inside it: whatever is
 * thrown is logged once by the one rule (the error's code and class, never its message,
 * which could quote the question) and becomes a friendly reply through `tell`. If
 * telling fails too (the connector is down), that is logged and the request still completes.
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
      logger.error('Teams request failed', { route, ...errorLogFields(thrown) });
      try {
        return await tell(ctx, failureReply(thrown));
      } catch (again) {
        logger.error('Teams reply about a failure could not be sent', {
          route,
          ...errorLogFields(again),
        });
        return undefined;
      }
    }
  };
}
