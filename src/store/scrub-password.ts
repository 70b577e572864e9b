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
