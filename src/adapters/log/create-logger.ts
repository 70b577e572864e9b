import { pino } from 'pino';
import type { Logger } from '../../core/index.ts';

/**
 * Field names whose values must never reach a log: questions people typed, tokens and
 * secrets. Callers should not pass them at all; this is the safety net.
 */
const REDACT = [
  'text',
  'query',
  'question',
  'token',
  'botToken',
  'appToken',
  'secret',
  'signingSecret',
  'clientSecret',
  'authorization',
  '*.text',
  '*.query',
  '*.token',
  '*.authorization',
];

export interface LoggerOptions {
  level: string;
  /** file descriptor: 1 (stdout) for servers, 2 (stderr) when the console owns stdout */
  fd?: 1 | 2;
}

/** A JSON logger (pino) behind the core's Logger port. */
export function createLogger(options: LoggerOptions): Logger {
  const base = pino(
    {
      level: options.level,
      base: { service: 'lessons-bot' },
      redact: { paths: REDACT, censor: '[redacted]' },
    },
    // A server writes asynchronously: under load, lines are gathered into fewer writes
    // (pino flushes what is left when the process exits). The console writes at once,
    // so that its log lines and its answers come in order.
    pino.destination({ fd: options.fd ?? 1, sync: options.fd === 2 }),
  );
  return wrap(base);
}

function wrap(log: pino.Logger): Logger {
  return {
    debug: (message, fields) => log.debug(fields ?? {}, message),
    info: (message, fields) => log.info(fields ?? {}, message),
    warn: (message, fields) => log.warn(fields ?? {}, message),
    error: (message, fields) => log.error(fields ?? {}, message),
    child: (fields) => wrap(log.child(fields)),
  };
}
