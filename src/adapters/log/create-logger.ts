import { type DestinationStream, pino } from 'pino';
import type { Logger } from '../../core/index.ts';
import { scrubSecrets } from './scrub-secrets.ts';

export interface LoggerOptions {
  level: string;
  /** file descriptor: 1 (stdout, the default) or 2 (stderr, for the command line) */
  fd?: 1 | 2;
  /** append to this file instead (its folder is made): for the console, which owns the terminal */
  file?: string;
  /** write here instead of a file descriptor (tests) */
  destination?: DestinationStream;
}

/** A JSON logger (pino) behind the core's Logger port. */
export function createLogger(options: LoggerOptions): Logger {
  const base = pino(
    {
      level: options.level,
      base: { service: 'lessons-bot' },
      // The safety net for questions, tokens and secrets. Not pino's `redact`: its wildcard
      // paths ran on every field of every line and cost a tenth of what a Teams message
      // allocated (docs/benchmarks.md, "HTTP load").
      formatters: { log: scrubSecrets },
    },
    // A server writes asynchronously: under load, lines are gathered into fewer writes
    // (pino flushes what is left when the process exits). The command line and the
    // console write at once, so that nothing is lost when they end.
    options.destination ??
      (options.file
        ? pino.destination({ dest: options.file, mkdir: true, sync: true })
        : pino.destination({ fd: options.fd ?? 1, sync: options.fd === 2 })),
  );
  return wrap(base);
}

function wrap(log: pino.Logger): Logger {
  return {
    debug: (message, fields) => log.debug(fields ?? {}, message),
    info: (message, fields) => log.info(fields ?? {}, message),
    warn: (message, fields) => log.warn(fields ?? {}, message),
    error: (message, fields) => log.error(fields ?? {}, message),
    // pino runs no formatter on a child's bindings
    child: (fields) => wrap(log.child(scrubSecrets(fields))),
  };
}
