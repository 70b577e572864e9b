/**
 * Safe text for Slack mrkdwn. Only `&`, `<` and `>` are control characters
 * (https://api.slack.com/docs/formatting); escaping them in every user and corpus
 * string means `<!channel>`, `<@U123>` or `<https://x|click>` shows as text and never
 * notifies anyone or becomes a link. Our own links are built only by `link()`.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Control characters and lone surrogates show as nothing useful in chat, and each one
 * grows to six characters in the JSON sent to Slack, eating the message's size budget.
 */
export function cleanText(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return text.toWellFormed().replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

export function escapeMrkdwn(text: string): string {
  return escapeClean(cleanText(text));
}

function escapeClean(clean: string): string {
  return clean.replace(/[&<>]/g, (c) => ESCAPES[c] ?? c);
}

/** Slack sends slash-command text with `&`, `<`, `>` encoded; decode once to get what was typed. */
export function decodeSlackText(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_, name: string) =>
    name === 'lt' ? '<' : name === 'gt' ? '>' : '&',
  );
}

/**
 * Escapes `text` and cuts it so that the escaped result is at most `max` characters,
 * ending with "…" when cut. Cuts fall between characters of the original text, so an
 * entity such as `&lt;` or a surrogate pair is never split.
 */
export function escapeTrim(text: string, max: number): string {
  const clean = cleanText(text);
  const escaped = escapeClean(clean);
  if (escaped.length <= max) return escaped;
  // Find where to cut the clean text, counting each character as it will be escaped.
  let used = 0;
  let end = 0;
  for (const char of clean) {
    const size = ESCAPES[char]?.length ?? char.length;
    if (used + size > max - 1) break;
    used += size;
    end += char.length;
  }
  return `${escapeClean(clean.slice(0, end)).trimEnd()}…`;
}

/** Cuts raw (unescaped) text for a plain_text field, without splitting a surrogate pair. */
export function trimPlain(raw: string, max: number): string {
  const text = cleanText(raw);
  if (text.length <= max) return text;
  let out = '';
  for (const char of text) {
    if (out.length + char.length > max - 1) break;
    out += char;
  }
  return `${out.trimEnd()}…`;
}

/**
 * Last-resort cap for a composed mrkdwn string (already escaped): cuts before any
 * entity or `<…>` link that would be split, so the result stays well-formed.
 */
export function capMrkdwn(mrkdwn: string, max: number): string {
  if (mrkdwn.length <= max) return mrkdwn;
  let cut = max - 1;
  const open = mrkdwn.lastIndexOf('<', cut);
  if (open !== -1 && mrkdwn.indexOf('>', open) >= cut) cut = open;
  const amp = mrkdwn.lastIndexOf('&', cut);
  if (amp !== -1 && amp > cut - 5 && mrkdwn.indexOf(';', amp) >= cut) cut = amp;
  const code = mrkdwn.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return `${mrkdwn.slice(0, cut)}…`;
}

/** A URL we are willing to link: http(s) with none of the characters that end a Slack link. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url || url.length > 2000) return null;
  return /^https?:\/\/[^\s<>|"`]+$/i.test(url) ? url : null;
}

/**
 * `<url|label>` with an escaped label, or the escaped label alone when the URL is unsafe.
 * The URL is escaped too: Slack reads `&` in a link as the start of an entity.
 */
export function link(url: string | null | undefined, label: string, maxLabel = 300): string {
  const safe = safeUrl(url);
  const text = escapeTrim(label, maxLabel);
  return safe ? `<${escapeMrkdwn(safe)}|${text}>` : text;
}

/** A user mention for an id Slack gave us; anything else is dropped rather than echoed. */
export function mentionUser(userId: string): string | null {
  return /^[UW][A-Z0-9]{2,30}$/.test(userId) ? `<@${userId}>` : null;
}

/** Inline code for a command example; backticks would end the code span, so they become quotes. */
export function code(text: string, max = 300): string {
  return `\`${escapeTrim(text.replace(/`/g, "'"), max)}\``;
}

/** Text that is empty or only spaces is rejected by Slack; give it something to show. */
export function nonBlank(text: string, fallback: string): string {
  return text.trim() === '' ? fallback : text;
}
