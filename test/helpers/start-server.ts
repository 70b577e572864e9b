import { type ChildProcess, spawn } from 'node:child_process';
import { MAIN, ROOT } from './run-process.ts';

export interface RunningServer {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  child: ChildProcess;
  /** everything the process has written so far */
  output(): { stdout: string; stderr: string };
  /** SIGTERM, then the exit code */
  stop(): Promise<number | null>;
}

export interface StartOptions {
  timeoutMs?: number;
  /**
   * Keep what the process writes after it is ready (default true). A load benchmark
   * turns it off: a log line a request would grow its own memory, and its pauses would
   * show as the bot's latency.
   */
  keepOutput?: boolean;
  /** another folder to run in, and another entry point and arguments (default src/main.ts serve) */
  cwd?: string;
  main?: string;
  args?: readonly string[];
}

/**
 * Starts `node src/main.ts serve` as `npm start` would, on 127.0.0.1 and a free port,
 * and resolves once its "lessons-bot ready" log line shows the URL.
 */
export function startServer(
  env: Record<string, string>,
  { timeoutMs = 15_000, keepOutput = true, ...where }: StartOptions = {},
): Promise<RunningServer> {
  const child = spawn(process.execPath, [where.main ?? MAIN, ...(where.args ?? ['serve'])], {
    cwd: where.cwd ?? ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      HOST: '127.0.0.1',
      PORT: '0',
      // Each server its own database, unless a test shares one on purpose.
      DATABASE_URL: 'sqlite::memory:',
      ...env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error(`server not ready in ${timeoutMs} ms:\n${stdout}\n${stderr}`)),
      timeoutMs,
    );
    function fail(error: Error) {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    }
    let ready = false;
    function onOutput() {
      // Once ready, stop scanning: a server under load writes a line a request.
      if (ready) return;
      const line =
        /"msg":"lessons-bot ready"[^\n]*"url":"(http:\/\/[^"]+)"|"url":"(http:\/\/[^"]+)"[^\n]*"msg":"lessons-bot ready"/.exec(
          `${stdout}\n${stderr}`,
        );
      const url = line?.[1] ?? line?.[2];
      if (!url) return;
      ready = true;
      clearTimeout(timer);
      resolve({
        url,
        child,
        output: () => ({ stdout, stderr }),
        stop: async () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    }
    child.stdout.on('data', (chunk: Buffer) => {
      if (ready && !keepOutput) return;
      stdout += chunk.toString();
      onOutput();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (ready && !keepOutput) return;
      stderr += chunk.toString();
      onOutput();
    });
    child.once('exit', (code) =>
      fail(new Error(`server exited with ${code} before it was ready:\n${stdout}\n${stderr}`)),
    );
  });
}
