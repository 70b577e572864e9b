import type { Logger } from '../../core/index.ts';

/** Fields of a refusal: why, in our own words; never a header, a token or a body. */
export type RefusalFields = Record<string, string | number | boolean>;

/**
 * A warning for refused requests that a flood cannot turn into a flood of log lines: the
 * first refusal in a window is a warning, the rest are counted and said with the next
 * warning (and at debug level meanwhile).
 */
export function refusalLog(
  logger: Logger,
  message: string,
  { windowMs = 60_000, now = Date.now }: { windowMs?: number; now?: () => number } = {},
): (fields: RefusalFields) => void {
  let windowStart = Number.NEGATIVE_INFINITY;
  let unsaid = 0;
  return (fields) => {
    const at = now();
    if (at - windowStart < windowMs) {
      unsaid += 1;
      logger.debug(message, fields);
      return;
    }
    logger.warn(
      message,
      unsaid > 0 ? { ...fields, alsoRefusedInThePreviousWindow: unsaid } : fields,
    );
    windowStart = at;
    unsaid = 0;
  };
}
