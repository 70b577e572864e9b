import type { Logger } from '../../src/core/index.ts';

/** One JSON line per log entry on stderr: enough for the end-to-end launcher. */
export function stderrLogger(base: Record<string, unknown> = {}): Logger {
  const at =
    (level: string) =>
    (message: string, fields: Record<string, unknown> = {}) => {
      process.stderr.write(
        `${JSON.stringify({ time: new Date().toISOString(), level, message, ...base, ...fields })}\n`,
      );
    };
  return {
    debug() {},
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (fields) => stderrLogger({ ...base, ...fields }),
  };
}
