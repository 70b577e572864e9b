/**
 * The Bot Framework token on every request from Teams, checked before its body is read.
 *
 * The Teams SDK checks it too (with jsonwebtoken and jwks-rsa), but fetches Microsoft's
 * keys again for every token whose key id it has not seen, waits up to jwks-rsa's 30 s
 * for them, and logs each failure at error level: a stream of forged tokens became a
 * stream of key fetches and log lines. Here jose checks the signature and claims; the
 * claims are looked at before any key is; the keys are fetched at most once in
 * REFETCH_AFTER_MS, within a bound, and kept when a refresh fails.
 * https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication
 */
import {
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
  jwtVerify,
} from 'jose';

export const BOT_FRAMEWORK_KEYS_URL = 'https://login.botframework.com/v1/.well-known/keys';
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';
/** As the SDK: clocks may differ by five minutes. */
const CLOCK_TOLERANCE_S = 300;
/** Microsoft's own libraries keep the keys for minutes, not hours. */
const KEYS_MAX_AGE_MS = 10 * 60_000;
const REFETCH_AFTER_MS = 30_000;
const FETCH_TIMEOUT_MS = 5_000;

export type TokenRefusal =
  | 'malformed token'
  | 'algorithm not RS256'
  | 'wrong issuer'
  | 'wrong audience'
  | 'expired'
  | 'no serviceurl claim'
  | 'bad signature'
  | 'signing keys unavailable';

export type TokenCheck =
  | { ok: true; appId: string; serviceUrl: string; subject: string }
  | { ok: false; reason: TokenRefusal };

export interface BotTokenOptions {
  /** the bot's Microsoft App ID: the audience of every token */
  appId: string;
  /** where Bot Framework's signing keys are; tests use a local key set */
  keysUrl?: string;
  /** how long a request may wait for the keys */
  fetchTimeoutMs?: number;
  now?: () => number;
}

class KeysUnavailable extends Error {}

/** Bot Framework's key set, fetched on demand at most once in REFETCH_AFTER_MS. */
function botFrameworkKeys(url: string, timeoutMs: number, now: () => number): JWTVerifyGetKey {
  let keys: JWTVerifyGetKey | undefined;
  let fetchedAt = Number.NEGATIVE_INFINITY;
  let triedAt = Number.NEGATIVE_INFINITY;
  let pending: Promise<void> | undefined;

  const fetchKeys = async () => {
    triedAt = now();
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
    if (!res.ok) throw new KeysUnavailable(`HTTP ${res.status}`);
    // jose checks the shape and throws JWKSInvalid for anything else.
    keys = createLocalJWKSet((await res.json()) as JSONWebKeySet);
    fetchedAt = now();
  };
  /** Waits for a fetch under way, or starts one if wanted and allowed; a failure keeps the old keys. */
  const refresh = async (wanted: boolean) => {
    if (!pending && wanted && now() - triedAt >= REFETCH_AFTER_MS)
      pending = fetchKeys().finally(() => {
        pending = undefined;
      });
    await pending?.catch(() => {});
  };

  return async (header, token) => {
    if (keys === undefined) await refresh(true);
    // Old keys still serve while newer ones are fetched.
    else if (now() - fetchedAt > KEYS_MAX_AGE_MS) void refresh(true);
    if (!keys) throw new KeysUnavailable('no keys');
    try {
      return await keys(header, token);
    } catch (error) {
      // A key id we do not know: perhaps Microsoft rolled its keys since we fetched them.
      if (!(error instanceof errors.JWKSNoMatchingKey)) throw error;
      await refresh(true);
      return keys(header, token);
    }
  };
}

function audiences(appId: string): string[] {
  return [appId, `api://botid-${appId}`, `api://${appId}`];
}

/** The refusal the unverified header and claims already justify: no key is looked up for them. */
function precheck(token: string, appId: string, nowS: number): TokenRefusal | undefined {
  let claims: JWTPayload;
  try {
    const header = decodeProtectedHeader(token);
    if (header.alg !== 'RS256' || typeof header.kid !== 'string') return 'algorithm not RS256';
    claims = decodeJwt(token);
  } catch {
    return 'malformed token';
  }
  if (claims.iss !== BOT_FRAMEWORK_ISSUER) return 'wrong issuer';
  const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!aud.some((a) => typeof a === 'string' && audiences(appId).includes(a)))
    return 'wrong audience';
  if (typeof claims.exp !== 'number' || claims.exp + CLOCK_TOLERANCE_S < nowS) return 'expired';
  if (typeof claims.serviceurl !== 'string') return 'no serviceurl claim';
  return undefined;
}

function refusalOf(error: unknown): TokenRefusal {
  if (error instanceof KeysUnavailable) return 'signing keys unavailable';
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return 'wrong issuer';
    if (error.claim === 'aud') return 'wrong audience';
  }
  return 'bad signature';
}

/**
 * A checker of bearer tokens for one bot. Never throws: every failure is a refusal
 * with a reason fit for the log (never the token or its claims).
 * @example
 * const check = botTokenChecker({ appId: config.teams.clientId });
 * const verdict = await check(bearerToken);
 */
export function botTokenChecker(options: BotTokenOptions): (token: string) => Promise<TokenCheck> {
  const now = options.now ?? Date.now;
  const keys = botFrameworkKeys(
    options.keysUrl ?? BOT_FRAMEWORK_KEYS_URL,
    options.fetchTimeoutMs ?? FETCH_TIMEOUT_MS,
    now,
  );
  return async (token) => {
    const refusal = precheck(token, options.appId, now() / 1000);
    if (refusal) return { ok: false, reason: refusal };
    try {
      const { payload } = await jwtVerify(token, keys, {
        algorithms: ['RS256'],
        issuer: BOT_FRAMEWORK_ISSUER,
        audience: audiences(options.appId),
        clockTolerance: CLOCK_TOLERANCE_S,
        currentDate: new Date(now()),
        requiredClaims: ['exp', 'serviceurl'],
      });
      return {
        ok: true,
        appId: typeof payload.appid === 'string' ? payload.appid : options.appId,
        serviceUrl: String(payload.serviceurl),
        subject: payload.sub ?? '',
      };
    } catch (error) {
      return { ok: false, reason: refusalOf(error) };
    }
  };
}
