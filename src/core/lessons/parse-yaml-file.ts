import { type Document, isMap, LineCounter, parseDocument } from 'yaml';
import type { CorpusProblem } from '../errors.ts';
import { explainYamlError } from './explain-yaml-error.ts';
import { describeValue } from './field-path.ts';
import { type FileKind, fileKindOf, HOW_TO_START } from './file-kinds.ts';
import { lineAt } from './locate-line.ts';
import { nestingDepth } from './nesting-depth.ts';
import type { CorpusFile } from './read-corpus-folder.ts';

/** A corpus file parsed as YAML, with what is needed to place a problem on a line. */
export interface ParsedFile {
  name: string;
  display: string;
  kind: FileKind;
  doc: Document;
  lines: LineCounter;
  /** plain data from the YAML: a mapping, not yet checked against the schema */
  data: Record<string, unknown>;
}

export interface ParseResult {
  parsed?: ParsedFile;
  problems: CorpusProblem[];
}

/** Syntax errors cascade: after the first few, the rest are usually echoes. */
const MAX_SYNTAX_PROBLEMS = 3;
/** Real files nest four or five levels; the parser slows down badly far below 1000. */
const MAX_DEPTH = 64;
/** Plenty for a hand-written file; a "billion laughs" needs far more. */
const MAX_ALIAS_COUNT = 100;

/** Parses one file, turning every way it can fail into problem lines. Never throws. */
export function parseYamlFile(file: CorpusFile): ParseResult {
  const kind = fileKindOf(file.name);
  if (nestingDepth(file.text, MAX_DEPTH) > MAX_DEPTH) return { problems: [tooDeep(file.display)] };
  const lines = new LineCounter();
  const doc = parseDocument(file.text, {
    lineCounter: lines,
    prettyErrors: false,
    schema: 'core',
    // 'silent' would also drop the error for a second document in the file.
    logLevel: 'error',
  });
  const problems = [...doc.errors, ...doc.warnings].map((error) =>
    explainYamlError(error, file.display, lines, file.text),
  );
  // Duplicate keys leave a usable document: keep checking it, to report more at once.
  if (doc.errors.some((error) => error.code !== 'DUPLICATE_KEY'))
    return { problems: firstPerLine(problems).slice(0, MAX_SYNTAX_PROBLEMS) };
  if (doc.contents === null) return { problems: [...problems, emptyFile(file, kind)] };
  const data = toPlainData(doc, file.display);
  if ('problem' in data) return { problems: [...problems, data.problem] };
  if (!isMap(doc.contents) || typeof data.value !== 'object' || data.value === null)
    return {
      problems: [...problems, notAMapping(file.display, lineAt(doc, lines, []), kind, data.value)],
    };
  const parsed = { name: file.name, display: file.display, kind, doc, lines };
  return { parsed: { ...parsed, data: data.value as Record<string, unknown> }, problems };
}

function toPlainData(doc: Document, file: string): { value: unknown } | { problem: CorpusProblem } {
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    if (message.includes('Excessive alias count'))
      return {
        problem: {
          file,
          message: 'uses too many YAML aliases (&anchors/*references)',
          fix: 'write the content out in full',
        },
      };
    if (message.includes('Unresolved alias'))
      return {
        problem: {
          file,
          message: `uses a YAML reference (*${message.split(': ').at(-1)}) with no &anchor before it`,
          fix: 'write the content out in full',
        },
      };
    return { problem: { file, message: `could not be read as YAML (${message})` } };
  }
}

function emptyFile(file: CorpusFile, kind: FileKind): CorpusProblem {
  const onlyComments = file.text.trim() !== '';
  return {
    file: file.display,
    message: onlyComments ? 'has only comments, no content' : 'is empty',
    fix:
      kind === 'review'
        ? `write the review here: ${HOW_TO_START.review}; or delete the file`
        : HOW_TO_START[kind],
  };
}

function notAMapping(file: string, line: number, kind: FileKind, value: unknown): CorpusProblem {
  return {
    file,
    line,
    message: `should be a mapping of fields ("name: value" lines), but it is ${describeValue(value)}`,
    fix: HOW_TO_START[kind],
  };
}

function firstPerLine(problems: CorpusProblem[]): CorpusProblem[] {
  const seen = new Set<number | undefined>();
  return problems.filter((problem) => !seen.has(problem.line) && seen.add(problem.line));
}

function tooDeep(file: string): CorpusProblem {
  return {
    file,
    message: `is nested too deeply (more than ${MAX_DEPTH} levels of lists, fields, [ or {)`,
    fix: 'a review needs only a few levels; is this the right file?',
  };
}
