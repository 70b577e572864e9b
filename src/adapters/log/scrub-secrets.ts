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

function holdsSecret(fields: Fields): boolean {
  for (const key in fields) if (SECRET_KEYS.has(key)) return true;
  return false;
}

function censorKeys(fields: Fields): Fields {
  const out: Fields = { ...fields };
  for (const key of Object.keys(out)) if (SECRET_KEYS.has(key)) out[key] = CENSORED;
  return out;
}

/**
 * The fields of a log line with every secret key censored, at the top and one level
 * down (`{ error: { token } }`). A line with nothing to censor — nearly every line — is
 * returned as it is, without a copy.
 */
export function scrubSecrets(fields: Fields): Fields {
  let out: Fields | undefined;
  for (const key in fields) {
    const value = fields[key];
    if (SECRET_KEYS.has(key)) {
      out ??= { ...fields };
      out[key] = CENSORED;
    } else if (isPlainRecord(value) && holdsSecret(value)) {
      out ??= { ...fields };
      out[key] = censorKeys(value);
    }
  }
  return out ?? fields;
}
