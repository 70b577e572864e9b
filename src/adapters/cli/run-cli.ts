import {
  BotError,
  type Command,
  type CommandDeps,
  type Corpus,
  createSearchIndex,
  describeError,
  formatProblem,
  handleCommand,
  isBotError,
  loadCorpus,
  MAX_QUESTION_LENGTH,
  resolveTheme,
  summariseCorpus,
  validateCorpus,
} from '../../core/index.ts';
import { type CliInvocation, parseCliArgs } from './cli-args.ts';
import { renderText } from './render-text.ts';
import { runDeliveryCommand } from './run-delivery-commands.ts';
import { loadCorpusAndKept, type OpenKept, runExport } from './run-export-command.ts';
import {
  checkDrafts,
  draftLines,
  type ImportServices,
  runApprove,
  runImport,
} from './run-import-commands.ts';
import { type OpenPrivacy, runPrivacyCommand } from './run-privacy-commands.ts';
import type { OpenServices } from './services.ts';
import { replyJson, searchJson } from './to-json.ts';
import { usage } from './usage.ts';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
  /** the database and the platforms, for subscriptions, deliver, publish and report */
  openServices?: OpenServices;
  /** the document reader and the drafts shelf, for import, approve and validate */
  importer?: ImportServices;
  /** the reviews kept in the database, for export and approve */
  openKept?: OpenKept;
  /** the database, for forget and purge-person-data */
  openPrivacy?: OpenPrivacy;
}

const DELIVERY_COMMANDS = new Set(['subscriptions', 'deliver', 'publish', 'report']);

/** Runs one command line; resolves to the exit code (0 ok, 1 the user's error, 2 internal). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const invocation = parseCliArgs(argv, io.env);
    if (invocation.command === 'help') {
      io.out(usage(invocation.name));
      return 0;
    }
    if (invocation.command === 'validate') return await validate(invocation, io);
    if (invocation.command === 'import') return await runImport(invocation, importer(io), io);
    if (invocation.command === 'approve')
      return await runApprove(invocation, importer(io), io, io.openKept);
    if (invocation.command === 'export') return await runExport(invocation, io.openKept, io);
    if (invocation.command === 'forget' || invocation.command === 'purge-person-data')
      return await runPrivacyCommand(invocation, io.openPrivacy, io);
    if (DELIVERY_COMMANDS.has(invocation.command)) {
      // publish, deliver and report see the reviews approved in chat too, as the bot does
      const corpus = await loadCorpusAndKept(invocation.lessonsDir, io.openKept);
      return await withServices(invocation, corpus, io);
    }
    const corpus = await loadCorpus(invocation.lessonsDir);
    const deps: CommandDeps = {
      corpus,
      search: createSearchIndex(corpus),
      pageSize: invocation.limit,
      random: Math.random,
    };
    return answer(invocation, deps, io);
  } catch (error) {
    return reportError(error, io);
  }
}

async function withServices(invocation: CliInvocation, corpus: Corpus, io: CliIo): Promise<number> {
  if (!io.openServices) {
    throw new BotError(
      'not_available',
      `“${invocation.command}” needs the bot’s database, which is not set up here.`,
    );
  }
  const services = await io.openServices(corpus);
  try {
    return await runDeliveryCommand(invocation, corpus, services, io);
  } finally {
    await services.close();
  }
}

function importer(io: CliIo): ImportServices {
  if (!io.importer) throw new BotError('not_available', 'Importing is not set up here.');
  return io.importer;
}

function toCommand(invocation: CliInvocation): Command {
  const { command, argument, offset } = invocation;
  switch (command) {
    case 'search':
      return { kind: 'search', query: argument, offset };
    case 'theme':
      return { kind: 'theme', name: argument, offset };
    case 'review':
      return { kind: 'review', name: argument };
    case 'lesson':
      return { kind: 'lesson', id: argument };
    case 'themes':
    case 'reviews':
    case 'random':
      return { kind: command };
    default:
      throw new Error(`${command} is not a core command`);
  }
}

async function answer(invocation: CliInvocation, deps: CommandDeps, io: CliIo): Promise<number> {
  const { command, argument, json, limit, offset } = invocation;
  const style = { prefix: `${invocation.name} ` };
  if (json && command === 'search' && argument.length <= MAX_QUESTION_LENGTH) {
    // The JSON contract carries scores, which the neutral reply does not: ask search directly.
    const found = deps.search.search(argument, { limit, offset });
    // A page past the end is refused below, as in text.
    if (found.total === 0 || offset < found.total) {
      io.out(JSON.stringify(searchJson(found), null, 2));
      return 0;
    }
  }
  const reply = await handleCommand(toCommand(invocation), deps, { isAdmin: false });
  // An unknown theme is answered with the lessons that mention the word, but it is still
  // a name the user must fix, as an unknown review is.
  const unknownTheme = command === 'theme' && !resolveTheme(deps.corpus, argument);
  if (reply.kind === 'error' || unknownTheme) {
    io.err(renderText(reply, style));
    return 1;
  }
  io.out(json ? JSON.stringify(replyJson(reply), null, 2) : renderText(reply, style));
  return 0;
}

async function validate(invocation: CliInvocation, io: CliIo): Promise<number> {
  const { corpus, problems, warnings } = await validateCorpus(invocation.lessonsDir);
  const summary = corpus ? summariseCorpus(corpus) : null;
  // Drafts are checked against the lessons as they would be live; that needs valid lessons.
  const drafts =
    corpus && io.importer ? await checkDrafts(io.importer.drafts(invocation.lessonsDir)) : [];
  const ok = problems.length === 0 && drafts.every((draft) => draft.ok);
  if (invocation.json) {
    io.out(JSON.stringify({ ok, summary, problems, warnings, drafts }, null, 2));
    return ok ? 0 : 1;
  }
  for (const warning of warnings) io.err(`warning: ${formatProblem(warning)}`);
  if (problems.length > 0) {
    for (const problem of problems) io.err(formatProblem(problem));
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    io.err(
      `${count} in ${invocation.lessonsDir}: fix ${problems.length === 1 ? 'it' : 'them'} and run validate again.`,
    );
    return 1;
  }
  io.out(`${invocation.lessonsDir} is valid: ${summary ?? 'no lessons'}.`);
  draftLines(drafts, io);
  return ok ? 0 : 1;
}

function reportError(error: unknown, io: CliIo): number {
  if (isBotError(error) && error.code !== 'internal') {
    io.err(error.message);
    return 1;
  }
  io.err(
    `lessons-bot: internal error: ${describeError(error)}\nThis is a bug; please report it with the command you ran.`,
  );
  return 2;
}
