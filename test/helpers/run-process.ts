import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** the child's whole environment besides PATH and HOME */
  env?: Record<string, string>;
  /** written to its stdin, which is then closed */
  input?: string;
  cwd?: string;
  /** kill the child (SIGKILL) if it has not exited by then; its code is then null */
  timeoutMs?: number;
}

/** Runs a TypeScript file with this Node (24, type stripping) as a child; collects its output. */
export function runNode(
  file: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** Runs `node src/main.ts …args` as a child, as a user would, on an in-memory database. */
export function runMain(args: readonly string[], options: RunOptions = {}): Promise<ProcessResult> {
  return runNode(MAIN, args, {
    ...options,
    env: { DATABASE_URL: 'sqlite::memory:', ...options.env },
  });
}
