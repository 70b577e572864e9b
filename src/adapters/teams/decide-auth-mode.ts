import { BotError, type ErrorCode } from '../../core/index.ts';

/**
 * Whether the Teams endpoint checks Bot Framework tokens. With credentials it always
 * does. Without them ("local mode", for the Agents Playground) it accepts unsigned
 * requests only on a loopback address, or where the operator said so explicitly.
 */

export interface TeamsCredentials {
  clientId?: string | undefined;
  clientSecret?: string | undefined;
  tenantId?: string | undefined;
  /** TEAMS_ALLOW_UNAUTHENTICATED=true: local mode on purpose, even off loopback */
  allowUnauthenticated: boolean;
  /** TEAMS_KEYS_URL: where Bot Framework's signing keys are; tests use a local key set */
  keysUrl?: string | undefined;
}

export type TeamsStartErrorCode = Extract<ErrorCode, `teams_${string}`>;

/** Thrown by createTeamsBot when it must not start; `message` tells the operator what to set. */
export class TeamsStartError extends BotError {
  override name = 'TeamsStartError';
  declare readonly code: TeamsStartErrorCode;

  constructor(code: TeamsStartErrorCode, message: string) {
    super(code, message);
  }
}

export type AuthMode =
  | {
      kind: 'authenticated';
      clientId: string;
      clientSecret?: string;
      tenantId: string;
      warnings: string[];
    }
  | { kind: 'local'; warnings: string[] };

const LOOPBACK = /^(127(\.\d{1,3}){3}|::1|\[::1\]|localhost)$/i;

export function isLoopback(host: string): boolean {
  return LOOPBACK.test(host.trim());
}

/**
 * @param hasTokenProvider a custom token source stands in for the client secret
 * @throws TeamsStartError when credentials are half set, or absent off loopback without the explicit flag
 */
export function decideAuthMode(
  teams: TeamsCredentials,
  host: string,
  hasTokenProvider = false,
): AuthMode {
  const given = {
    TEAMS_CLIENT_ID: teams.clientId?.trim() ?? '',
    TEAMS_CLIENT_SECRET: hasTokenProvider
      ? 'custom token provider'
      : (teams.clientSecret?.trim() ?? ''),
    TEAMS_TENANT_ID: teams.tenantId?.trim() ?? '',
  };
  const missing = Object.entries(given)
    .filter(([, value]) => value === '')
    .map(([name]) => name);
  if (missing.length === 0) {
    return {
      kind: 'authenticated',
      clientId: given.TEAMS_CLIENT_ID,
      ...(hasTokenProvider ? {} : { clientSecret: given.TEAMS_CLIENT_SECRET }),
      tenantId: given.TEAMS_TENANT_ID,
      warnings: teams.allowUnauthenticated
        ? [
            'TEAMS_ALLOW_UNAUTHENTICATED is ignored because Teams credentials are set: every request must carry a valid Bot Framework token.',
          ]
        : [],
    };
  }
  if (missing.length < 3) {
    throw new TeamsStartError(
      'teams_credentials_incomplete',
      `Teams credentials are incomplete: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing. Set all of TEAMS_CLIENT_ID, TEAMS_CLIENT_SECRET and TEAMS_TENANT_ID (from the bot's Azure app registration), or none of them for local mode.`,
    );
  }
  if (isLoopback(host)) {
    return {
      kind: 'local',
      warnings: [
        `Teams local mode: no TEAMS_CLIENT_ID/TEAMS_CLIENT_SECRET/TEAMS_TENANT_ID, so unsigned requests to /api/messages are accepted on ${host} only, answered only at a loopback serviceUrl, and nobody is an admin there. Fine for the Agents Playground; set the credentials before Teams itself talks to this bot.`,
      ],
    };
  }
  if (teams.allowUnauthenticated) {
    return {
      kind: 'local',
      warnings: [
        `Teams local mode on ${host} because TEAMS_ALLOW_UNAUTHENTICATED=true: anyone who can reach this address can talk to the bot without a token (answered only at a loopback serviceUrl, and nobody is an admin there). Use it only on a private network.`,
      ],
    };
  }
  throw new TeamsStartError(
    'teams_auth_required',
    `Refusing to accept unsigned Teams requests on ${host}: set TEAMS_CLIENT_ID, TEAMS_CLIENT_SECRET and TEAMS_TENANT_ID, or bind to 127.0.0.1 (HOST=127.0.0.1) for local testing, or set TEAMS_ALLOW_UNAUTHENTICATED=true if this address is private and you mean it.`,
  );
}
