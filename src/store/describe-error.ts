/**
 * A driver error in words, for messages and logs. Node reports a refused connection to
 * "localhost" as an AggregateError with an empty message (one error per address), so
 * the inner errors are read too.
 */
export function describeError(error: unknown): string {
  if (error instanceof AggregateError && error.message === '') {
    const inner = [...new Set(error.errors.map(describeError))].join('; ');
    if (inner !== '') return inner;
  }
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    if (error.message !== '') return error.message;
    return typeof code === 'string' ? code : error.name;
  }
  return String(error);
}

/** Removes a secret from a text, in case a driver ever echoes it. */
export function scrub(text: string, secret: string | undefined): string {
  return secret ? text.split(secret).join('***') : text;
}

/** The password in a postgres:// URL, decoded, or undefined. */
export function passwordOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    const password = parsed.password || parsed.searchParams.get('password') || '';
    return password === '' ? undefined : decodeURIComponent(password);
  } catch {
    return undefined;
  }
}
