import { z } from 'zod';
import { BotError } from './core/index.ts';

/**
 * Configuration comes from the environment only, read once at start by main.ts.
 * Nothing below main.ts reads process.env. docs/operations.md lists every variable.
 * Every problem is reported at once, one line each, naming the variable to set.
 */

export interface SlackConfig {
  botToken: string;
  signingSecret?: string;
  /** set: Socket Mode, no public URL needed */
  appToken?: string;
  apiUrl?: string;
}

export interface TeamsConfig {
  clientId?: string;
  clientSecret?: string;
  tenantId?: string;
  allowUnauthenticated: boolean;
  /** tests only: where Bot Framework's token signing keys are fetched */
  keysUrl?: string;
}

export interface Config {
  lessonsDir: string;
  /** watch the lessons folder and reload a changed corpus once it validates */
  watchLessons: boolean;
  /** where a built search index is cached between starts; unset: no cache */
  searchCacheDir?: string;
  /** unset: SQLite at ./data/lessons-bot.db */
  databaseUrl?: string;
  /** how far back a missed weekly post is still caught up on start */
  catchUpHours: number;
  /** weeks after a lesson its team planned a change for that "Has it made a difference?" is asked */
  followUpWeeks: number;
  /** how long SIGTERM waits for requests and posts in flight */
  shutdownTimeoutSeconds: number;
  /** how long a client may take to send a whole request before it is cut */
  requestTimeoutSeconds: number;
  host: string;
  port: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  slack?: SlackConfig;
  teams: TeamsConfig;
  /** user ids per platform: Slack user ids, Teams AAD object ids */
  admins: { slack: readonly string[]; teams: readonly string[] };
  /** how long person-level data (who pressed, who asked) is kept, in days */
  personDataRetentionDays: number;
  /** the key of the pseudonyms of people; unset: a random key kept in the database */
  personKey?: string;
}

/** `config_invalid`: every problem found, one line each, naming the variable to set. */
export class ConfigError extends BotError {
  override name = 'ConfigError';
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    const lines = problems.map((p) => `\n- ${p}`).join('');
    super('config_invalid', `lessons-bot cannot start:${lines}`);
    this.problems = problems;
  }
}

/** An unset variable and an empty one mean the same: not configured. */
const optional = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.string().trim().optional(),
);

const boolean = (name: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() || undefined : v),
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: `set ${name} to true or false` })
      .optional(),
  );

const wholeNumber = (name: string, min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string()
      .trim()
      .regex(/^\d{1,6}$/, `set ${name} to a whole number from ${min} to ${max}`)
      .refine(
        (v) => Number(v) >= min && Number(v) <= max,
        `set ${name} to a whole number from ${min} to ${max}`,
      )
      .optional(),
  );

const envSchema = z.object({
  LESSONS_DIR: optional,
  LESSONS_WATCH: boolean('LESSONS_WATCH'),
  SEARCH_CACHE_DIR: optional,
  DATABASE_URL: optional.refine(
    (v) => v === undefined || /^(sqlite:.+|postgres(ql)?:\/\/.+)$/.test(v),
    'set DATABASE_URL to sqlite:PATH (e.g. sqlite:./data/lessons-bot.db) or postgres://user:password@host:5432/database, or leave it unset for SQLite in ./data',
  ),
  CATCH_UP_HOURS: wholeNumber('CATCH_UP_HOURS', 0, 24 * 14),
  FOLLOW_UP_WEEKS: wholeNumber('FOLLOW_UP_WEEKS', 1, 52),
  SHUTDOWN_TIMEOUT_SECONDS: wholeNumber('SHUTDOWN_TIMEOUT_SECONDS', 1, 300),
  REQUEST_TIMEOUT_SECONDS: wholeNumber('REQUEST_TIMEOUT_SECONDS', 1, 300),
  PERSON_DATA_RETENTION_DAYS: wholeNumber('PERSON_DATA_RETENTION_DAYS', 1, 36500),
  PERSON_KEY: optional.refine(
    (v) => v === undefined || strongKey(v),
    'PERSON_KEY is too weak: set it to at least 32 random characters (e.g. the output of `openssl rand -base64 32`), or leave it unset to let lessons-bot keep a random key in its database',
  ),
  HOST: optional,
  PORT: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string()
      .regex(/^\d{1,5}$/, 'set PORT to a port number from 0 to 65535')
      .refine((v) => Number(v) <= 65535, 'set PORT to a port number from 0 to 65535')
      .optional(),
  ),
  LOG_LEVEL: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() || undefined : v),
    z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        message: 'set LOG_LEVEL to one of fatal, error, warn, info, debug, trace, silent',
      })
      .optional(),
  ),
  SLACK_BOT_TOKEN: optional.refine(
    (v) => v === undefined || v.startsWith('xoxb-'),
    'SLACK_BOT_TOKEN should be the bot token, starting xoxb- (OAuth & Permissions page of your Slack app)',
  ),
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: optional.refine(
    (v) => v === undefined || v.startsWith('xapp-'),
    'SLACK_APP_TOKEN should be an app-level token, starting xapp-, with the connections:write scope',
  ),
  SLACK_API_URL: optional.refine(
    (v) => v === undefined || /^https?:\/\/\S+$/.test(v),
    'set SLACK_API_URL to a full http(s) URL, or leave it unset for Slack itself',
  ),
  TEAMS_CLIENT_ID: optional,
  TEAMS_CLIENT_SECRET: optional,
  TEAMS_TENANT_ID: optional,
  TEAMS_ALLOW_UNAUTHENTICATED: boolean('TEAMS_ALLOW_UNAUTHENTICATED'),
  TEAMS_KEYS_URL: optional.refine(
    (v) => v === undefined || /^https?:\/\/\S+$/.test(v),
    'set TEAMS_KEYS_URL to a full http(s) URL, or leave it unset for Bot Framework itself',
  ),
  ADMINS: optional,
});

type Env = z.infer<typeof envSchema>;

/**
 * `serve` receives Slack's requests and must check their signatures; the command line
 * (deliver, publish) only posts, for which the bot token is enough.
 */
export type ConfigPurpose = 'serve' | 'cli';

function slackProblems(env: Env, purpose: ConfigPurpose): string[] {
  const problems: string[] = [];
  if (!env.SLACK_BOT_TOKEN) {
    for (const name of ['SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN'] as const) {
      if (env[name])
        problems.push(
          `${name} is set but SLACK_BOT_TOKEN is not: set SLACK_BOT_TOKEN (xoxb-…) too, or unset ${name}`,
        );
    }
  } else if (purpose === 'serve' && !env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
    problems.push(
      'SLACK_SIGNING_SECRET is missing: set it to the Signing Secret from your Slack app’s Basic Information page (or set SLACK_APP_TOKEN to use Socket Mode)',
    );
  }
  return problems;
}

function teamsProblems(env: Env): string[] {
  const names = ['TEAMS_CLIENT_ID', 'TEAMS_CLIENT_SECRET', 'TEAMS_TENANT_ID'] as const;
  const missing = names.filter((n) => !env[n]);
  if (missing.length === 0 || missing.length === names.length) return [];
  return [
    `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing: set all three Teams variables (from the bot’s Azure app registration), or none for local mode`,
  ];
}

const ADMIN_ENTRY =
  /^(slack):([A-Z0-9]{2,32})$|^(teams):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

function parseAdmins(value: string | undefined): { admins: Config['admins']; problems: string[] } {
  const slack: string[] = [];
  const teams: string[] = [];
  const problems: string[] = [];
  for (const entry of (value ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '')) {
    const match = ADMIN_ENTRY.exec(entry);
    if (match?.[2]) slack.push(match[2].toUpperCase());
    else if (match?.[4]) teams.push(match[4].toLowerCase());
    else
      problems.push(
        `ADMINS: “${entry.slice(0, 60)}” is neither slack:<user id> (e.g. slack:U0123ABCD) nor teams:<Azure AD object id> (a GUID)`,
      );
  }
  return { admins: { slack, teams }, problems };
}

/** Long enough and not a repeated pattern: a key anyone can guess makes pseudonyms reversible. */
function strongKey(value: string): boolean {
  return value.length >= 32 && new Set(value).size >= 12;
}

function isTrue(value: string | undefined): boolean {
  return value === 'true' || value === '1' || value === 'yes';
}

export function readConfig(
  raw: Readonly<Record<string, string | undefined>> = process.env,
  purpose: ConfigPurpose = 'serve',
): Config {
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const env = parsed.data;
  const { admins, problems: adminProblems } = parseAdmins(env.ADMINS);
  const problems = [...slackProblems(env, purpose), ...teamsProblems(env), ...adminProblems];
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    lessonsDir: env.LESSONS_DIR ?? './lessons',
    watchLessons: env.LESSONS_WATCH === undefined ? true : isTrue(env.LESSONS_WATCH),
    ...(env.SEARCH_CACHE_DIR ? { searchCacheDir: env.SEARCH_CACHE_DIR } : {}),
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    catchUpHours: env.CATCH_UP_HOURS === undefined ? 48 : Number(env.CATCH_UP_HOURS),
    followUpWeeks: env.FOLLOW_UP_WEEKS === undefined ? 6 : Number(env.FOLLOW_UP_WEEKS),
    shutdownTimeoutSeconds:
      env.SHUTDOWN_TIMEOUT_SECONDS === undefined ? 10 : Number(env.SHUTDOWN_TIMEOUT_SECONDS),
    requestTimeoutSeconds:
      env.REQUEST_TIMEOUT_SECONDS === undefined ? 10 : Number(env.REQUEST_TIMEOUT_SECONDS),
    host: env.HOST ?? '127.0.0.1',
    port: env.PORT === undefined ? 3978 : Number(env.PORT),
    logLevel: env.LOG_LEVEL ?? 'info',
    ...(env.SLACK_BOT_TOKEN
      ? {
          slack: {
            botToken: env.SLACK_BOT_TOKEN,
            ...(env.SLACK_SIGNING_SECRET ? { signingSecret: env.SLACK_SIGNING_SECRET } : {}),
            ...(env.SLACK_APP_TOKEN ? { appToken: env.SLACK_APP_TOKEN } : {}),
            ...(env.SLACK_API_URL ? { apiUrl: env.SLACK_API_URL } : {}),
          },
        }
      : {}),
    teams: {
      ...(env.TEAMS_CLIENT_ID ? { clientId: env.TEAMS_CLIENT_ID } : {}),
      ...(env.TEAMS_CLIENT_SECRET ? { clientSecret: env.TEAMS_CLIENT_SECRET } : {}),
      ...(env.TEAMS_TENANT_ID ? { tenantId: env.TEAMS_TENANT_ID } : {}),
      allowUnauthenticated: isTrue(env.TEAMS_ALLOW_UNAUTHENTICATED),
      ...(env.TEAMS_KEYS_URL ? { keysUrl: env.TEAMS_KEYS_URL } : {}),
    },
    admins,
    personDataRetentionDays:
      env.PERSON_DATA_RETENTION_DAYS === undefined ? 400 : Number(env.PERSON_DATA_RETENTION_DAYS),
    ...(env.PERSON_KEY ? { personKey: env.PERSON_KEY } : {}),
  };
}

/** Whether Teams credentials are configured (all three, as readConfig guarantees). */
export function hasTeamsCredentials(teams: TeamsConfig): boolean {
  return teams.clientId !== undefined;
}

/** Every variable lessons-bot reads: docs/operations.md and .env.example must list exactly these. */
export const ENV_VARIABLES: readonly string[] = Object.keys(envSchema.shape);
