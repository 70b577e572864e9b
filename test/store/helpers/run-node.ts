import { runNode } from '../../helpers/run-process.ts';

export { ROOT, runNode } from '../../helpers/run-process.ts';

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
