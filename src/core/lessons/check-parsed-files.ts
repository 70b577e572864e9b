import type { CorpusProblem } from '../errors.ts';
import { explainSchemaIssues } from './explain-schema-issues.ts';
import { type FileKind, SCHEMAS } from './file-kinds.ts';
import { type ParsedFile, parseYamlFile } from './parse-yaml-file.ts';
import type { CorpusFile } from './read-corpus-folder.ts';

/** A file that parsed, and its schema-checked value when it passed. */
export interface CheckedFile {
  parsed: ParsedFile;
  /** the schema's output (defaults filled in), when the file passed the schema */
  value?: unknown;
}

/** Parses and schema-checks each file on its own; one file's failure never stops the rest. */
export function checkFiles(files: readonly CorpusFile[]): {
  checked: CheckedFile[];
  problems: CorpusProblem[];
} {
  const checked: CheckedFile[] = [];
  const problems: CorpusProblem[] = [];
  for (const file of files) {
    try {
      const result = parseYamlFile(file);
      problems.push(...result.problems);
      if (result.parsed) checked.push(checkSchema(result.parsed, problems));
    } catch (error) {
      // A bug of ours or a parser surprise: still a located line, never a stack trace.
      const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      problems.push({ file: file.display, message: `could not be checked (${reason})` });
    }
  }
  return { checked, problems };
}

function checkSchema(parsed: ParsedFile, problems: CorpusProblem[]): CheckedFile {
  const result = SCHEMAS[parsed.kind].safeParse(parsed.data);
  if (result.success) return { parsed, value: result.data };
  problems.push(...explainSchemaIssues(parsed, result.error.issues));
  return { parsed };
}

/** The one parsed file of a kind (vocabularies), if it parsed. */
export function fileOfKind(
  checked: readonly CheckedFile[],
  kind: FileKind,
): CheckedFile | undefined {
  return checked.find((file) => file.parsed.kind === kind);
}
