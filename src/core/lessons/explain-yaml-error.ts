import type { LineCounter, YAMLError } from 'yaml';
import type { CorpusProblem } from '../errors.ts';
import { quote } from './field-path.ts';

const QUOTE_FIX = 'put text that contains ": " or starts with a special character in quotes';

/** What to do about each kind of YAML error, in the office's words rather than the parser's. */
const FIXES: Partial<Record<YAMLError['code'], string>> = {
  TAB_AS_INDENT: 'indent with spaces only',
  BAD_INDENT:
    'line up fields at the same level with the same number of spaces, and close every [ and {',
  BLOCK_AS_IMPLICIT_KEY: `${QUOTE_FIX}, and line up fields at the same level`,
  MULTILINE_IMPLICIT_KEY: `${QUOTE_FIX}, and line up fields at the same level`,
  MISSING_CHAR: 'add the missing character, or put the whole text in quotes',
  BAD_ALIAS: 'write the content out in full instead of using *references',
};

/** A YAML parse error or warning as a located problem line. */
export function explainYamlError(
  error: YAMLError,
  file: string,
  lines: LineCounter,
  text: string,
): CorpusProblem {
  const { line, col } = lines.linePos(startOf(error, text));
  const source = text.slice(error.pos[0], error.pos[1]);
  if (error.code === 'DUPLICATE_KEY')
    return {
      file,
      line,
      message: `${quoteKey(text, error.pos[0])} appears twice in the same mapping`,
      fix: 'keep one of them and delete the other',
    };
  if (error.code === 'TAG_RESOLVE_FAILED')
    return {
      file,
      line,
      message: `uses the YAML tag ${quote(source)}, which is not allowed here`,
      fix: 'remove the tag: the corpus holds only plain text, numbers, lists and mappings',
    };
  if (error.code === 'RESOURCE_EXHAUSTION')
    return {
      file,
      line,
      message: 'is nested too deeply to read',
      fix: 'a review needs only a few levels of lists and fields; is this the right file?',
    };
  if (error.code === 'MULTIPLE_DOCS')
    return {
      file,
      line,
      message: 'holds more than one YAML document (a line with "---")',
      fix: 'keep one review per file',
    };
  return {
    file,
    line,
    message: `YAML syntax error at column ${col}: ${plainMessage(error)}`,
    fix: isUnclosedQuote(error)
      ? 'close the quote where the text ends'
      : (FIXES[error.code] ?? `check the YAML syntax on this line; ${QUOTE_FIX}`),
  };
}

function plainMessage(error: YAMLError): string {
  const first = error.message.split('\n')[0] ?? error.message;
  if (isUnclosedQuote(error)) return 'a quote is opened but never closed';
  if (error.code === 'TAB_AS_INDENT') return 'a tab is used for indentation';
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY' || error.code === 'MULTILINE_IMPLICIT_KEY')
    return 'a field is nested where it cannot be (often a ": " inside unquoted text)';
  return first.charAt(0).toLowerCase() + first.slice(1);
}

/** The key text at an offset, e.g. `"title"`, for a duplicate-key message. */
function quoteKey(text: string, offset: number): string {
  const key = text
    .slice(offset)
    .match(/^["']?([^"':\n]*)/)?.[1]
    ?.trim();
  return key ? quote(key) : 'a field';
}

/**
 * Where to point. The parser notices an unclosed quote only where the file ends; the
 * reader needs the line where the quote was opened.
 */
function startOf(error: YAMLError, text: string): number {
  const quote = /closing (["'])?quote/i.exec(error.message);
  if (!isUnclosedQuote(error) || !quote) return error.pos[0];
  const mark = quote[1] ?? '"';
  const opened = text.lastIndexOf(mark, error.pos[0] - 1);
  return opened === -1 ? error.pos[0] : opened;
}

function isUnclosedQuote(error: YAMLError): boolean {
  return error.code === 'MISSING_CHAR' && /closing .?quote/i.test(error.message);
}
