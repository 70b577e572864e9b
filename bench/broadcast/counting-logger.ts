import type { Logger } from '../../src/core/index.ts';

/** A logger that keeps only how often each warning and error was logged, for the report. */
export interface CountingLogger extends Logger {
  /** "warn: delivery will be retried" → 3 */
  counts: Map<string, number>;
}

export function countingLogger(): CountingLogger {
  const counts = new Map<string, number>();
  const count = (level: string, message: string, fields?: Record<string, unknown>) => {
    const error = typeof fields?.error === 'string' ? ` (${fields.error})` : '';
    const key = `${level}: ${message}${error}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  const logger: CountingLogger = {
    counts,
    debug() {},
    info() {},
    warn: (message, fields) => count('warn', message, fields),
    error: (message, fields) => count('error', message, fields),
    child: () => logger,
  };
  return logger;
}
