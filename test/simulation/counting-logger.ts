import type { Logger } from '../../src/core/index.ts';

export interface CountingLogger extends Logger {
  /** how many times each "level: message" was logged */
  counts: Map<string, number>;
  count(level: string, message: string): number;
}

/** A logger that keeps no lines, only how often each message came: a year of logs is large. */
export function countingLogger(): CountingLogger {
  const counts = new Map<string, number>();
  const note = (level: string) => (message: string) => {
    const key = `${level}: ${message}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  const logger: CountingLogger = {
    counts,
    count: (level, message) => counts.get(`${level}: ${message}`) ?? 0,
    debug: note('debug'),
    info: note('info'),
    warn: note('warn'),
    error: note('error'),
    child: () => logger,
  };
  return logger;
}
