import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export interface NodeResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a TypeScript file with this Node (24, type stripping) as a separate process. */
export function runNode(
  file: string,
  args: readonly string[],
  options: { cwd?: string } = {},
): Promise<NodeResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs a worker and parses the JSON it prints, failing loudly with its stderr. */
export async function runWorker<T>(
  file: string,
  args: readonly string[],
  cwd?: string,
): Promise<T> {
  const result = await runNode(file, args, cwd === undefined ? {} : { cwd });
  if (result.code !== 0) {
    throw new Error(`worker ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  }
  return JSON.parse(result.stdout) as T;
}
