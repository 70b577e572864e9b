import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import {
  type Action,
  actionToCommand,
  type CommandDeps,
  handleCommand,
  parseCommand,
} from '../../core/index.ts';
import { renderText } from './render-text.ts';

export interface ConsoleIo {
  input: Readable;
  output: Writable;
  /** aborting closes the console, e.g. when the process is asked to stop */
  signal?: AbortSignal;
  /** how the command line is typed here, for hints (see commandLineName) */
  commandLine?: string;
}

const EXIT_WORDS = new Set(['quit', 'exit', 'bye', '.exit']);
const NO_MORE = 'That was the last page: there are no more lessons for it. Ask something else.';
const MORE_OF_WHAT =
  '“more” goes on with a list of lessons, and there is none to go on with: ask a question first.';

/**
 * The interactive console `npm start` opens when no platform is configured: the same
 * grammar as Slack and Teams, answered as text. Resolves with 'quit' when the user leaves
 * (a word, or Ctrl-D at a terminal), 'end' when input that is not a terminal ends (a
 * closed stdin must not stop a server that still serves Teams).
 */
export async function runConsole(
  deps: CommandDeps,
  io: ConsoleIo,
  banner: string,
): Promise<'quit' | 'end'> {
  const write = (text: string) => io.output.write(`${text}\n`);
  const lines = createInterface({
    input: io.input,
    output: io.output,
    prompt: 'lessons> ',
    terminal: isTty(io.input),
  });
  // Piped input can end while a slow command (a reload) is answered: no prompt after that.
  let closed = false;
  lines.once('close', () => {
    closed = true;
  });
  io.signal?.addEventListener('abort', () => lines.close(), { once: true });
  write(banner);
  lines.prompt();
  let more: Action | null = null;
  let answered = false;
  let ending: 'quit' | 'end' = isTty(io.input) ? 'quit' : 'end';
  for await (const line of lines) {
    const text = line.trim();
    if (EXIT_WORDS.has(text.toLowerCase())) {
      ending = 'quit';
      break;
    }
    if (text.toLowerCase() === 'more' && !more) {
      // not a search for the word "more"
      write(answered ? NO_MORE : MORE_OF_WHAT);
      write('');
    } else if (text !== '') {
      const command =
        text.toLowerCase() === 'more' && more ? actionToCommand(more) : parseCommand(text);
      // Whoever types here is at the bot's own machine: the local admin, as on the command line.
      const reply = await handleCommand(command, deps, {
        isAdmin: true,
        ...(io.commandLine ? { commandLine: io.commandLine } : {}),
      });
      more = reply.kind === 'results' ? reply.more : null;
      answered = reply.kind === 'results';
      write(renderText(reply, { prefix: '' }));
      write('');
    }
    if (!closed) lines.prompt();
  }
  lines.close();
  // After Ctrl-D the cursor still sits on the prompt: end its line.
  if (isTty(io.input)) write('');
  return ending;
}

function isTty(stream: Readable): boolean {
  return 'isTTY' in stream && stream.isTTY === true;
}
