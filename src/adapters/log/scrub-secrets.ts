/**
 * Field names whose values must never reach a log: questions people typed, tokens and
 * secrets. Callers should not pass them at all; this is the safety net.
 */
const SECRET_KEYS: ReadonlySet<string> = new Set([
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
  'Authorization',
]);

export const CENSORED = '[redacted]';

type Fields = Record<string, unknown>;

function isPlainRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The fields of a log line with every secret key censored, at the top and one level
 * down (`{ error: { token } }`). A line with nothing to censor — nearly every line — is
 * returned as it is, without a copy.
 */
export function scrubSecrets(fields: Fields, depth = 1): Fields {
  let out: Fields | undefined;
  for (const key in fields) {
    const value = fields[key];
    const scrubbed = SECRET_KEYS.has(key)
      ? CENSORED
      : depth > 0 && isPlainRecord(value)
        ? scrubSecrets(value, depth - 1)
        : value;
    if (scrubbed !== value) {
      out ??= { ...fields };
      out[key] = scrubbed;
    }
  }
  return out ?? fields;
}
