/**
 * A stand-in for Bot Framework's token signing keys (login.botframework.com's JWKS) on
 * 127.0.0.1, and tokens signed as Bot Framework signs them, or forged in the ways an
 * attacker would. Keys are made fresh per key set; nothing leaves the machine.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, type JWTPayload, SignJWT, UnsecuredJWT } from 'jose';
import { BOT_FRAMEWORK_ISSUER } from '../../src/adapters/teams/bot-token.ts';

export const TEST_APP_ID = '00000000-0000-0000-0000-0000000000b0';
export const TEST_TENANT_ID = '00000000-0000-0000-0000-00000000c0de';
const KID = 'test-key-1';

export type KeysAnswer = 'keys' | 'hang' | 'error';

export interface FakeBotKeys {
  /** e.g. http://127.0.0.1:40123/v1/.well-known/keys */
  keysUrl: string;
  /** how many times the key set was asked for */
  fetches(): number;
  /** how the key endpoint answers from now on */
  answerWith(answer: KeysAnswer): void;
  /**
   * A token as Bot Framework signs it for TEST_APP_ID, with the claims given (a
   * serviceurl at least) over the usual ones; `signer: 'stranger'` signs it with another
   * key under the same key id.
   */
  sign(claims: JWTPayload, options?: { signer?: 'stranger'; kid?: string }): Promise<string>;
  /** `alg: none`: no signature at all */
  unsigned(claims: JWTPayload): string;
  /** HS256 keyed with the public key's PEM: the classic algorithm confusion */
  hmacWithPublicKey(claims: JWTPayload): Promise<string>;
  close(): Promise<void>;
}

function rsaKey(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('rsa', { modulusLength: 2048 });
}

function claimsOf(claims: JWTPayload): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  return { iss: BOT_FRAMEWORK_ISSUER, aud: TEST_APP_ID, nbf: now - 60, exp: now + 3600, ...claims };
}

export async function startFakeBotKeys(): Promise<FakeBotKeys> {
  const real = rsaKey();
  const stranger = rsaKey();
  const jwk = {
    ...(await exportJWK(real.publicKey)),
    kid: KID,
    use: 'sig',
    endorsements: ['msteams'],
  };
  let answer: KeysAnswer = 'keys';
  let fetches = 0;
  const hanging: ServerResponse[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    fetches += 1;
    if (answer === 'hang') hanging.push(res);
    else if (answer === 'error') res.writeHead(503).end();
    else
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    keysUrl: `http://127.0.0.1:${port}/v1/.well-known/keys`,
    fetches: () => fetches,
    answerWith: (next) => {
      answer = next;
    },
    sign: (claims, options = {}) =>
      new SignJWT(claimsOf(claims))
        .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? KID, typ: 'JWT' })
        .sign(options.signer === 'stranger' ? stranger.privateKey : real.privateKey),
    unsigned: (claims) => new UnsecuredJWT(claimsOf(claims)).encode(),
    hmacWithPublicKey: (claims) =>
      new SignJWT(claimsOf(claims))
        .setProtectedHeader({ alg: 'HS256', kid: KID, typ: 'JWT' })
        .sign(Buffer.from(real.publicKey.export({ type: 'spki', format: 'pem' }))),
    close: async () => {
      for (const res of hanging) res.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
