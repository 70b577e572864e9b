/**
 * A database URL as it may be shown in messages and logs: any password replaced by
 * `***`. It errs towards masking too much, because a leaked password costs more than
 * an unreadable log line.
 */
export function redactUrl(value: string): string {
  return maskQueryPassword(maskUserinfoPassword(value));
}

/** `scheme://user:secret@host` → `scheme://user:***@host`, even with `@` or `/` in the secret */
function maskUserinfoPassword(value: string): string {
  const start = value.indexOf('://');
  if (start === -1) return value;
  const at = value.lastIndexOf('@');
  if (at <= start) return value;
  const colon = value.indexOf(':', start + 3);
  if (colon === -1 || colon > at) return value;
  return `${value.slice(0, colon + 1)}***${value.slice(at)}`;
}

/** `?password=secret` (libpq's parameter form) → `?password=***` */
function maskQueryPassword(value: string): string {
  return value.replace(/([?&]password=)[^&#]*/gi, '$1***');
}
