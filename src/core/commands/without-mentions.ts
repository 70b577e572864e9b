/**
 * Chat markup that points at people or channels: Slack's `<!channel>`, `<!here>`,
 * `<!subteam^S1|@team>`, `<@U123>` and `<#C123|general>`, Teams' `<at>Name</at>`, and
 * `@channel`, `@here` and `@everyone` typed as words. None of it is ever a search term
 * or echoed back (an echoed `<!channel>` would ping everyone), so it goes before parsing.
 */
const MENTIONS =
  /<[!@#][^<>]*>|<at(?:\s[^<>]*)?>[^<]*<\/at>|(?<![\p{L}\p{N}@])@(?:channel|here|everyone)(?![\p{L}\p{N}])/giu;

export function withoutMentions(text: string): string {
  return text.replace(MENTIONS, ' ').replace(/\s+/g, ' ').trim();
}
