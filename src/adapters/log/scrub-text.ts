/**
 * Libraries (Bolt, the Teams SDK, express) put whatever they were handed into their
 * messages: V8's JSON errors quote the start of a body (`"text=NHS+94"... is not valid
 * JSON`), others a header or a value. Before such a message reaches our log, everything
 * quoted is cut out, and so is the rest of a line after a quote that never closes.
 */
const QUOTED = /(["'`“‘])[^\n]*?(?:\1|[”’])(?:\.\.\.|…)?/g;
const UNCLOSED = /["'`“‘].*$/s;
const CUT = '[…]';

export function scrubText(text: string, max = 300): string {
  const scrubbed = text.replace(QUOTED, CUT).replace(UNCLOSED, CUT).replace(/\s+/g, ' ').trim();
  return scrubbed.length > max ? `${scrubbed.slice(0, max - 1)}…` : scrubbed;
}
