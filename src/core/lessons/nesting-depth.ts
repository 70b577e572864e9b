/**
 * How deeply a YAML text nests, estimated in one pass before the parser sees it: the
 * indentation levels and compact indicators (`- `, `? `, `: ` opening a line) of the
 * block structure, plus unclosed `[` and `{` (counted even inside quotes and prose).
 * The parser needs seconds and hundreds of megabytes for the nesting a few hundred
 * kilobytes can hold (400,000 nested `- ` took 6.9 s; 300 nested `? ` took 24 s);
 * real files nest four or five levels.
 * @returns the depth, or `limit + 1` as soon as the text is deeper than `limit`
 */
export function nestingDepth(text: string, limit: number): number {
  const columns: number[] = [];
  let flow = 0;
  let deepest = 0;
  for (let start = 0; start <= text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    let at = skipSpaces(text, start, end);
    const code = text.charCodeAt(at);
    // Inside [ … ] or { … } lines do not nest by indentation; blank lines and comments never do.
    if (flow === 0 && at < end && code !== 0x23 && code !== 0x0d) {
      const indent = at - start;
      while ((columns.at(-1) ?? -1) >= indent) columns.pop();
      columns.push(indent);
      while (isIndicator(text, at, end)) {
        at = skipSpaces(text, at + 1, end);
        columns.push(at - start);
        if (columns.length > limit) return limit + 1;
      }
    }
    for (let i = at; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x5b || c === 0x7b) flow += 1;
      else if ((c === 0x5d || c === 0x7d) && flow > 0) flow -= 1;
      else continue;
      deepest = Math.max(deepest, columns.length + flow);
      if (deepest > limit) return limit + 1;
    }
    deepest = Math.max(deepest, columns.length + flow);
    if (deepest > limit) return limit + 1;
    start = end + 1;
  }
  return deepest;
}

function skipSpaces(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && text.charCodeAt(i) === 0x20) i++;
  return i;
}

/** `-`, `?` or `:` followed by a space or the end of the line. */
function isIndicator(text: string, at: number, end: number): boolean {
  const c = text.charCodeAt(at);
  return (
    (c === 0x2d || c === 0x3f || c === 0x3a) && (at + 1 === end || text.charCodeAt(at + 1) === 0x20)
  );
}
