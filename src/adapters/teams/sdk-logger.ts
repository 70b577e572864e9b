import type { ILogger, LogLevel } from '@microsoft/teams.common';
import type { Logger } from '../../core/index.ts';
import { scrubText } from '../log/index.ts';

/**
 * The Teams SDK's logger, routed to ours. The SDK logs whole activities at debug
 * level (a user's question included) and error objects that may hold tokens, so only
 * warnings and errors pass, and only their message text, scrubbed of anything quoted
 * (some messages carry fields of the activity): never the extra arguments.
 * The SDK makes a child logger for every activity; ours is made only when it has
 * something to say.
 */
export function sdkLogger(logger: Logger, name = 'teams-sdk'): ILogger {
  let child: Logger | undefined;
  const pass = (level: 'warn' | 'error', msg: unknown[]) => {
    child ??= logger.child({ sdk: name });
    const [first, ...rest] = msg;
    const message = typeof first === 'string' ? scrubText(first) : 'Teams SDK message';
    const error = rest.find((r): r is Error => r instanceof Error);
    child[level](message, error ? { error: error.name } : undefined);
  };
  const self: ILogger = {
    debug() {},
    trace() {},
    info() {},
    warn: (...msg: unknown[]) => pass('warn', msg),
    error: (...msg: unknown[]) => pass('error', msg),
    log: (level: LogLevel, ...msg: unknown[]) => {
      if (level === 'warn' || level === 'error') pass(level, msg);
    },
    child: (child: string) => sdkLogger(logger, `${name}/${child}`),
  };
  return self;
}
