import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DateTime } from 'luxon';
import {
  BotError,
  buildReport,
  type ChannelOutcome,
  type Conversation,
  type Corpus,
  isValidTimezone,
  parseSince,
  parseUntil,
  type Reply,
  type Report,
  reportScope,
  type Subscription,
} from '../../core/index.ts';
import {
  renderEvidenceCsv,
  renderPlansCsv,
  renderReportCsv,
  renderReportHtml,
  renderReportJson,
  renderWeeklyCsv,
} from '../report/index.ts';
import type { CliInvocation, DeliveryFlags } from './cli-args.ts';
import { renderText } from './render-text.ts';
import type { CliServices } from './services.ts';
import { replyJson } from './to-json.ts';

export interface DeliveryOutput {
  out(text: string): void;
  err(text: string): void;
}

function invalid(message: string): never {
  throw new BotError('command_invalid', message);
}

/** An error reply goes to stderr with exit 1; anything else is printed as text or JSON. */
function printReply(
  reply: Reply,
  invocation: CliInvocation,
  io: DeliveryOutput,
  toJson: (r: Reply) => unknown = replyJson,
): number {
  const style = { prefix: `${invocation.name} ` };
  if (reply.kind === 'error') {
    io.err(renderText(reply, style));
    return 1;
  }
  io.out(invocation.json ? JSON.stringify(toJson(reply), null, 2) : renderText(reply, style));
  return 0;
}

/**
 * The workspace of the channel: --team when given, else what the door that posts there
 * knows (the bot token's workspace in Slack, the conversation's tenant in Teams), so that
 * a channel subscribed here and in chat is one subscription.
 */
async function workspaceOf(
  platform: 'slack' | 'teams',
  channel: string,
  flags: DeliveryFlags,
  services: CliServices,
): Promise<string> {
  const team = flags.team?.trim();
  if (team) return team;
  if (platform === 'teams') {
    const ref = await services.store.conversations.get(channel);
    if (ref) return ref.tenantId;
    return invalid(
      `lessons-bot has not been added to the Teams conversation “${channel.slice(0, 80)}”, so it cannot post there: add the app to that team or chat first (it greets the channel), then run this again.`,
    );
  }
  if (!services.slackWorkspace) {
    return invalid(
      'subscriptions add --platform slack needs the channel’s workspace: set SLACK_BOT_TOKEN (lessons-bot asks Slack which workspace the bot is in), or give --team T….',
    );
  }
  return services.slackWorkspace();
}

async function cliConversation(flags: DeliveryFlags, services: CliServices): Promise<Conversation> {
  const platform = flags.platform?.toLowerCase();
  if (platform !== 'slack' && platform !== 'teams') {
    invalid('subscriptions add needs --platform slack or --platform teams.');
  }
  const channel = flags.channel?.trim();
  if (!channel) {
    invalid(
      `subscriptions add needs --channel: the ${platform === 'slack' ? 'Slack channel id (C…)' : 'Teams conversation id'}.`,
    );
  }
  return {
    target: {
      platform,
      workspace: await workspaceOf(platform, channel, flags, services),
      channel,
      ...(flags.label?.trim() ? { label: flags.label.trim() } : {}),
    },
    userId: 'cli',
  };
}

/** The chat grammar's words from the options, so that the command line and chat check them alike. */
function subscribeWords(flags: DeliveryFlags): string {
  const words = [flags.day, flags.time, flags.tz, flags.nation].filter(
    (w): w is string => w !== undefined && w.trim() !== '',
  );
  // an empty --reminders still says "reminders", so that the grammar asks for on or off
  if (flags.reminders !== undefined) words.push('reminders', flags.reminders.trim() || '?');
  if (flags.themes !== undefined) words.push('themes', flags.themes.replace(/\s+/g, ''));
  return words.join(' ');
}

function subscriptionJson(s: Subscription) {
  return {
    id: s.id,
    platform: s.target.platform,
    team: s.target.workspace,
    channel: s.target.channel,
    label: s.target.label ?? null,
    day: s.schedule.day,
    time: s.schedule.time,
    timezone: s.schedule.timezone,
    themes: s.themes,
    nation: s.nation ?? 'england',
    reminders: s.reminders ?? true,
    status: s.status,
    statusReason: s.statusReason ?? null,
    createdAt: s.createdAt.toISOString(),
  };
}

function subscriptionLine(s: Subscription): string {
  const where = `${s.target.platform}:${s.target.label ?? s.target.channel}`;
  const themes = s.themes.length > 0 ? s.themes.join(',') : 'all themes';
  const status =
    s.status === 'active' ? '' : `  [${s.status}${s.statusReason ? `: ${s.statusReason}` : ''}]`;
  return `${s.id}  ${where}  day ${s.schedule.day} ${s.schedule.time} ${s.schedule.timezone}  ${themes}${status}`;
}

async function subscriptions(
  invocation: CliInvocation,
  services: CliServices,
  io: DeliveryOutput,
): Promise<number> {
  const [action = '', ...rest] = invocation.argument.split(/\s+/);
  switch (action) {
    case 'add': {
      const where = await cliConversation(invocation.flags, services);
      const reply = await services.briefings.subscribe(where, subscribeWords(invocation.flags));
      const saved = await services.store.findSubscription(where.target);
      // The chat's next steps (preview, unsubscribe) are typed otherwise here.
      const here =
        reply.kind === 'subscription' && saved
          ? { ...reply, examples: ['subscriptions list', `subscriptions remove ${saved.id}`] }
          : reply;
      return printReply(here, invocation, io, () => ({
        subscription: saved ? subscriptionJson(saved) : null,
      }));
    }
    case 'list': {
      const all = await services.store.listSubscriptions();
      if (invocation.json)
        io.out(JSON.stringify({ subscriptions: all.map(subscriptionJson) }, null, 2));
      else
        io.out(all.length === 0 ? 'No subscriptions yet.' : all.map(subscriptionLine).join('\n'));
      return 0;
    }
    case 'remove':
      return removeSubscription(rest.join(' ').trim(), invocation, services, io);
    default:
      return invalid(
        'Use “subscriptions add …”, “subscriptions list” or “subscriptions remove ID”.',
      );
  }
}

async function removeSubscription(
  id: string,
  { json, name }: CliInvocation,
  services: CliServices,
  io: DeliveryOutput,
): Promise<number> {
  if (id === '')
    invalid(`subscriptions remove needs the subscription’s id: see “${name} subscriptions list”.`);
  const subscription = await services.store.getSubscription(id);
  if (!subscription || subscription.status === 'removed') {
    invalid(`There is no subscription “${id.slice(0, 80)}”: see “${name} subscriptions list”.`);
  }
  const now = new Date();
  await services.store.setSubscriptionStatus(id, 'removed', undefined, now);
  await services.store.audit({
    at: now,
    actor: 'cli',
    action: 'subscriptions.remove',
    detail: { subscriptionId: id },
  });
  io.out(json ? JSON.stringify({ removed: id }) : `Removed ${subscriptionLine(subscription)}`);
  return 0;
}

/** An ISO time; one without an offset is read in --tz (default Europe/London), as people mean it. */
function parseAt(flags: DeliveryFlags): Date {
  if (!flags.at)
    invalid(
      'deliver needs --at, e.g. --at 2026-11-23T09:05 (read in Europe/London) or --at 2026-11-23T09:05Z.',
    );
  const zone = flags.tz ?? 'Europe/London';
  if (!isValidTimezone(zone))
    invalid(
      `--tz “${zone.slice(0, 60)}” is not a timezone: use an IANA name such as Europe/London.`,
    );
  const at = DateTime.fromISO(flags.at.trim(), { zone });
  if (!at.isValid)
    invalid(
      `--at “${flags.at.slice(0, 60)}” is not a time: write it as 2026-11-23T09:05, with an offset if not ${zone}.`,
    );
  return at.toJSDate();
}

async function deliver(
  invocation: CliInvocation,
  services: CliServices,
  io: DeliveryOutput,
): Promise<number> {
  const at = parseAt(invocation.flags);
  const summary = await services.runner.runDue(at, { operator: true });
  if (invocation.json) {
    io.out(JSON.stringify({ at: at.toISOString(), ...summary }, null, 2));
  } else {
    const lines = (what: string, channels: readonly ChannelOutcome[]) =>
      channels.map((c) => `\n  ${what}: ${c.platform}:${c.label} (${c.reason})`).join('');
    io.out(
      `Delivered as of ${at.toISOString()}: ${summary.sent} sent, ${summary.retried} to retry, ${summary.failed} failed, ${summary.gone} gone, ${summary.paused} paused, ${summary.notConfigured} not sent (platform not configured), ${summary.skipped} missed beyond the catch-up window, ${summary.inDoubt} in doubt.` +
        lines('not sent', summary.notConfiguredChannels) +
        lines('failed', summary.failedChannels) +
        lines('to retry', summary.retryChannels) +
        lines('gone', summary.goneChannels) +
        lines('paused', summary.pausedChannels),
    );
  }
  if (summary.errors > 0) return 2;
  // What the operator must fix (a platform to configure, a post given up) is an exit 1.
  return summary.notConfigured > 0 || summary.failed > 0 ? 1 : 0;
}

const CSV_TABLES: Record<string, (report: Report) => string> = {
  channels: renderReportCsv,
  evidence: renderEvidenceCsv,
  plans: renderPlansCsv,
  weekly: renderWeeklyCsv,
};

/** --since and --until as a period: a day, month or year each, the first not after the last. */
function reportPeriod(flags: DeliveryFlags): { since?: Date; until?: Date } {
  const from = flags.since === undefined ? undefined : parseSince(flags.since);
  if (flags.since !== undefined && !from)
    invalid(`--since “${flags.since.slice(0, 40)}” is not a date: write it as YYYY-MM-DD.`);
  const to = flags.until === undefined ? undefined : parseUntil(flags.until);
  if (flags.until !== undefined && !to)
    invalid(`--until “${flags.until.slice(0, 40)}” is not a date: write it as YYYY-MM-DD.`);
  if (from && to && from > to) invalid('--since is after --until: swap them.');
  return { ...(from ? { since: from } : {}), ...(to ? { until: to } : {}) };
}

function render(format: string, table: string, built: Report): string {
  if (format === 'json') return renderReportJson(built);
  if (format === 'html') return renderReportHtml(built);
  return (CSV_TABLES[table] ?? renderReportCsv)(built);
}

async function report(
  invocation: CliInvocation,
  corpus: Corpus,
  services: CliServices,
  io: DeliveryOutput,
): Promise<number> {
  const { flags } = invocation;
  const { out } = flags;
  const format = invocation.json ? 'json' : (flags.format ?? 'csv').toLowerCase();
  if (format !== 'csv' && format !== 'json' && format !== 'html')
    invalid('--format takes csv, json or html.');
  const table = (flags.table ?? 'channels').toLowerCase();
  if (!Object.hasOwn(CSV_TABLES, table))
    invalid(`--table takes ${Object.keys(CSV_TABLES).join(', ')}.`);
  if (flags.table !== undefined && format !== 'csv') invalid('--table goes with --format csv.');
  const period = reportPeriod(flags);
  const scope = reportScope(corpus, {
    ...(flags.review !== undefined ? { review: flags.review } : {}),
    ...(flags.theme !== undefined ? { theme: flags.theme } : {}),
    ...(flags.agency !== undefined ? { agency: flags.agency } : {}),
  });
  const now = new Date();
  await services.store.audit({
    at: now,
    actor: 'cli',
    action: 'report',
    detail: {
      since: period.since?.toISOString() ?? null,
      until: period.until?.toISOString() ?? null,
      ...scope,
      format,
    },
  });
  const built = await buildReport(services.store, corpus, { now, scope, ...period });
  const text = render(format, table, built);
  if (out === undefined) {
    io.out(text);
    return 0;
  }
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, text);
  io.err(`Report written to ${out}.`);
  return 0;
}

/** subscriptions, deliver, publish and report: the commands that need the database. */
export async function runDeliveryCommand(
  invocation: CliInvocation,
  corpus: Corpus,
  services: CliServices,
  io: DeliveryOutput,
): Promise<number> {
  switch (invocation.command) {
    case 'subscriptions':
      return subscriptions(invocation, services, io);
    case 'deliver':
      return deliver(invocation, services, io);
    case 'publish': {
      const reply = await services.briefings.publish(
        'cli',
        invocation.argument,
        invocation.flags.again,
      );
      const code = printReply(reply, invocation, io);
      // Channels that could not be reached (a platform not configured here, a post given up) are the operator's to fix.
      return reply.kind === 'published' && reply.counts.failed > 0 ? 1 : code;
    }
    case 'report':
      return report(invocation, corpus, services, io);
    default:
      return invalid(`${invocation.command} is not a delivery command.`);
  }
}
