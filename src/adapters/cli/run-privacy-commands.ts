import { BotError, type PersonDataErased, type Store } from '../../core/index.ts';
import type { CliInvocation } from './cli-args.ts';

/** What forget and purge-person-data need, built by main.ts from the configuration. */
export interface PrivacyServices {
  store: Pick<Store, 'forgetPerson' | 'purgePersonData' | 'audit'>;
  /** PERSON_DATA_RETENTION_DAYS */
  retentionDays: number;
  close(): Promise<void>;
}

export type OpenPrivacy = () => Promise<PrivacyServices>;

const SLACK_USER = /^slack:([UW][A-Z0-9]{2,30})$/i;
const TEAMS_AAD = /^teams:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const TEAMS_OTHER = /^teams:([\w:.@-]{1,200})$/;

/**
 * `--user` as the bot writes ids: Slack member ids in capitals, Azure AD object ids in small
 * letters (see teamsUserId), so that the pseudonym computed here is the one stored.
 */
export function personToForget(value: string | undefined, name: string): string {
  const example = `${name} forget --user slack:U0123ABCD`;
  if (value === undefined || value.trim() === '') {
    throw new BotError('command_invalid', `forget needs the person, e.g. ${example}`);
  }
  const user = value.trim();
  const slack = SLACK_USER.exec(user)?.[1];
  if (slack !== undefined) return `slack:${slack.toUpperCase()}`;
  const aad = TEAMS_AAD.exec(user)?.[1];
  if (aad !== undefined) return `teams:${aad.toLowerCase()}`;
  if (TEAMS_OTHER.test(user)) return user;
  throw new BotError(
    'command_invalid',
    `--user takes slack:<member id> (Slack: the person's profile, ⋮, "Copy member ID", e.g. slack:U0123ABCD) or teams:<Azure AD object id> (Entra admin centre, e.g. teams:8f6c1e2a-…), not “${user.slice(0, 60)}”. For example: ${example}`,
  );
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function describe(erased: PersonDataErased): string {
  return [
    plural(erased.acknowledgements, 'acknowledgement'),
    plural(erased.auditEntries, 'audit entry', 'audit entries'),
    plural(erased.subscriptions, 'subscription'),
    plural(erased.broadcasts, 'broadcast'),
    plural(erased.reviews, 'kept review'),
  ].join(', ');
}

/**
 * `forget --user …` and `purge-person-data`. Each is recorded in the audit log by what it
 * erased, never by whom: an entry naming the person would undo the erasure.
 */
export async function runPrivacyCommand(
  invocation: CliInvocation,
  open: OpenPrivacy | undefined,
  io: { out(text: string): void },
): Promise<number> {
  if (invocation.argument !== '') {
    // `forget slack:U…` without --user would otherwise be taken for a forget of nobody
    const how = invocation.command === 'forget' ? ' other than --user slack:U… or teams:…' : '';
    throw new BotError(
      'command_invalid',
      `“${invocation.command}” takes no words${how}, not “${invocation.argument.slice(0, 60)}”.`,
    );
  }
  const user =
    invocation.command === 'forget' ? personToForget(invocation.flags.user, invocation.name) : '';
  if (!open) {
    throw new BotError(
      'not_available',
      `“${invocation.command}” needs the bot’s database, which is not set up here.`,
    );
  }
  const services = await open();
  try {
    const now = new Date();
    if (invocation.command === 'forget') {
      const erased = await services.store.forgetPerson(user);
      await services.store.audit({
        at: now,
        actor: 'cli',
        action: 'forget',
        detail: { ...erased },
      });
      io.out(
        invocation.json
          ? JSON.stringify({ erased }, null, 2)
          : `Erased that person from ${describe(erased)}. The teams' records stay, and the audit log records this erasure without naming them.`,
      );
      return 0;
    }
    const days = services.retentionDays;
    const before = new Date(now.getTime() - days * 86_400_000);
    const erased = await services.store.purgePersonData(before);
    const detail = { before: before.toISOString(), ...erased };
    await services.store.audit({ at: now, actor: 'cli', action: 'purge-person-data', detail });
    io.out(
      invocation.json
        ? JSON.stringify({ before: detail.before, erased }, null, 2)
        : `Erased the people from rows older than ${days} days (before ${detail.before}): ${describe(erased)}.`,
    );
    return 0;
  } finally {
    await services.close();
  }
}
