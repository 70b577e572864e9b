/**
 * Bolt and its Web API and Socket Mode clients log through this. Debug output is dropped
 * and the level reported as INFO, because at DEBUG Bolt and Socket Mode log whole
 * payloads: a user's question must never reach the logs. What passes is scrubbed of
 * anything quoted, which is where Bolt's messages carry a piece of a request.
 */
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../core/index.ts';
import { scrubText } from '../log/index.ts';

function line(parts: readonly unknown[]): string {
  return scrubText(
    parts
      .map((p) =>
        p instanceof Error ? `${p.name}: ${p.message}` : typeof p === 'string' ? p : String(p),
      )
      .join(' '),
  );
}

export function toBoltLogger(logger: Logger): BoltLogger {
  const log = logger.child({ component: 'slack' });
  return {
    debug() {},
    info: (...parts: unknown[]) => log.info(line(parts)),
    warn: (...parts: unknown[]) => log.warn(line(parts)),
    error: (...parts: unknown[]) => log.error(line(parts)),
    setLevel() {},
    getLevel: () => LogLevel.INFO,
    setName() {},
  };
}
