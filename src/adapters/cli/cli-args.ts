import { parseArgs } from 'node:util';
import { BotError } from '../../core/index.ts';

export const CLI_COMMANDS = [
  'search',
  'themes',
  'theme',
  'reviews',
  'review',
  'lesson',
  'random',
  'validate',
  'import',
  'approve',
  'export',
  'subscriptions',
  'deliver',
  'publish',
  'report',
  'forget',
  'purge-person-data',
  'help',
] as const;
export type CliCommand = (typeof CLI_COMMANDS)[number];

export interface CliInvocation {
  command: CliCommand;
  /** the rest of the words, joined: a question, a name or an id */
  argument: string;
  json: boolean;
  lessonsDir: string;
  limit: number;
  offset: number;
  /** the options of the delivery commands, as typed; their commands check them */
  flags: DeliveryFlags;
  /** how the command line is typed here, for hints: "lessons-bot" or "npm run cli --" */
  name: string;
}

/** Options of subscriptions, deliver, publish, report, import and approve. */
export interface DeliveryFlags {
  platform?: string;
  channel?: string;
  team?: string;
  label?: string;
  day?: string;
  time?: string;
  tz?: string;
  themes?: string;
  /** england, wales, scotland or northern-ireland: whose bank holidays reminders avoid */
  nation?: string;
  /** on or off: the reminder of a lesson nobody marked discussed */
  reminders?: string;
  at?: string;
  again: boolean;
  /** import: overwrite a draft of the same id; export: overwrite files */
  replace: boolean;
  /** export: the drafts too */
  drafts: boolean;
  since?: string;
  /** report: the last day (month, year) of the period */
  until?: string;
  /** report: only posts about this review, theme or agency */
  review?: string;
  theme?: string;
  agency?: string;
  /** report: what to write (the evidence pack's CSV files); default channels */
  table?: string;
  format?: string;
  out?: string;
  /** forget: whose data, "slack:U…" or "teams:…" */
  user?: string;
}

/** What a command needs, and an example of it to follow the command line's name. */
const NEEDS_ARGUMENT: Partial<Record<CliCommand, [string, string]>> = {
  search: ['something to look for', 'search "lessons on chronologies"'],
  theme: ['a theme', 'theme neglect'],
  review: ['a review', 'review southwark-child-r'],
  lesson: ['a lesson id', 'lesson southwark-child-r/8'],
  publish: ['a review id', 'publish croydon-claire'],
  import: ['a document', 'import child-s-review.pdf'],
  approve: ['a draft id', 'approve anytown-child-s'],
};

function wholeNumber(
  option: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < min || n > max) {
    throw new BotError(
      'command_invalid',
      `--${option} takes a whole number from ${min} to ${max}, not “${value.slice(0, 40)}”.`,
    );
  }
  return n;
}

function isCommand(word: string): word is CliCommand {
  return (CLI_COMMANDS as readonly string[]).includes(word);
}

/** argv (without node and script) → what to do; bad input → BotError('command_invalid'). */
export function parseCliArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): CliInvocation {
  const name = commandLineName(env);
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new BotError('command_invalid', `${message}. Run “${name} help” for the options.`);
  }
  const [first = 'help', ...rest] = parsed.positionals;
  const word = first.toLowerCase();
  if (parsed.values.help || word === '--help') return invocation('help', '', parsed.values, env);
  if (!isCommand(word)) {
    const hint = `To search, run: ${name} search "${[first, ...rest].join(' ').slice(0, 60)}"`;
    throw new BotError(
      'command_unknown',
      `Unknown command “${first.slice(0, 40)}”. ${hint}\nRun “${name} help” for the commands.`,
    );
  }
  const argument = rest.join(' ').trim();
  const needs = NEEDS_ARGUMENT[word];
  if (needs && argument === '') {
    throw new BotError('command_invalid', `“${word}” needs ${needs[0]}, e.g. ${name} ${needs[1]}`);
  }
  return invocation(word, argument, parsed.values, env);
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: 'boolean', default: false },
      lessons: { type: 'string' },
      limit: { type: 'string' },
      offset: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
      platform: { type: 'string' },
      channel: { type: 'string' },
      team: { type: 'string' },
      label: { type: 'string' },
      day: { type: 'string' },
      time: { type: 'string' },
      tz: { type: 'string' },
      themes: { type: 'string' },
      nation: { type: 'string' },
      reminders: { type: 'string' },
      at: { type: 'string' },
      again: { type: 'boolean', default: false },
      replace: { type: 'boolean', default: false },
      drafts: { type: 'boolean', default: false },
      since: { type: 'string' },
      until: { type: 'string' },
      review: { type: 'string' },
      theme: { type: 'string' },
      agency: { type: 'string' },
      table: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      user: { type: 'string' },
    },
  });
}

function invocation(
  command: CliCommand,
  argument: string,
  values: ReturnType<typeof parse>['values'],
  env: Readonly<Record<string, string | undefined>>,
): CliInvocation {
  const lessonsDir = values.lessons ?? env.LESSONS_DIR ?? './lessons';
  if (lessonsDir.trim() === '') {
    throw new BotError(
      'command_invalid',
      'The lessons folder is empty: give --lessons DIR, or set LESSONS_DIR to a folder.',
    );
  }
  // `publish REVIEW again`, as in chat, is `publish REVIEW --again`
  const again = command === 'publish' && /\sagain$/i.test(argument);
  return {
    command,
    argument: again ? argument.slice(0, -'again'.length).trim() : argument,
    json: values.json ?? false,
    lessonsDir,
    limit: wholeNumber('limit', values.limit, 5, 1, 50),
    offset: wholeNumber('offset', values.offset, 0, 0, 1_000_000),
    flags: deliveryFlags(values, again),
    name: commandLineName(env),
  };
}

function deliveryFlags(values: ReturnType<typeof parse>['values'], again: boolean): DeliveryFlags {
  const { platform, channel, team, label, day, time, tz, themes, at, since, format, out } = values;
  const { until, review, theme, agency, table, user, nation, reminders } = values;
  const given = {
    ...{ platform, channel, team, label, day, time, tz, themes, at, since, format, out },
    ...{ until, review, theme, agency, table, user, nation, reminders },
  };
  const flags: DeliveryFlags = {
    again: again || (values.again ?? false),
    replace: values.replace ?? false,
    drafts: values.drafts ?? false,
  };
  for (const [key, value] of Object.entries(given)) {
    if (value !== undefined)
      flags[key as Exclude<keyof DeliveryFlags, 'again' | 'replace' | 'drafts'>] = value;
  }
  return flags;
}

/**
 * How the command line is typed here, for hints and examples: `npm run cli --` when the
 * bot or the command line was started by an npm script in a clone (where `lessons-bot`
 * is not on the PATH), else `lessons-bot` (the installed command, or `npx lessons-bot`).
 */
export function commandLineName(env: Readonly<Record<string, string | undefined>>): string {
  const script = env.npm_lifecycle_event;
  return script !== undefined && script !== 'npx' ? 'npm run cli --' : 'lessons-bot';
}
