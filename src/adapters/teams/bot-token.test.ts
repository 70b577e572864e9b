import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type FakeBotKeys,
  startFakeBotKeys,
  TEST_APP_ID,
} from '../../../test/helpers/teams-bot-keys.ts';
import { botTokenChecker } from './bot-token.ts';

const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';

let keys: FakeBotKeys;
beforeEach(async () => {
  keys = await startFakeBotKeys();
});
afterEach(() => keys.close());

const checker = (fetchTimeoutMs = 5000) =>
  botTokenChecker({ appId: TEST_APP_ID, keysUrl: keys.keysUrl, fetchTimeoutMs });

describe('botTokenChecker against a local Bot Framework key set', () => {
  it('accepts a token Bot Framework signed for this bot, and says which serviceUrl it vouches for', async () => {
    const check = checker();
    const token = await keys.sign({ serviceurl: SERVICE_URL, appid: 'bf-channel', sub: 'x' });
    expect(await check(token)).toEqual({
      ok: true,
      appId: 'bf-channel',
      serviceUrl: SERVICE_URL,
      subject: 'x',
    });
  });

  it('refuses forged and unfit tokens, each with its reason', async () => {
    const check = checker();
    const hourAgo = Math.floor(Date.now() / 1000) - 3600;
    const cases: [string, string][] = [
      [await keys.sign({ serviceurl: SERVICE_URL }, { signer: 'stranger' }), 'bad signature'],
      [keys.unsigned({ serviceurl: SERVICE_URL }), 'algorithm not RS256'],
      [await keys.hmacWithPublicKey({ serviceurl: SERVICE_URL }), 'algorithm not RS256'],
      [await keys.sign({ serviceurl: SERVICE_URL, exp: hourAgo }), 'expired'],
      [await keys.sign({ serviceurl: SERVICE_URL, aud: 'another-bot' }), 'wrong audience'],
      [
        await keys.sign({ serviceurl: SERVICE_URL, iss: 'https://sts.windows.net/x/' }),
        'wrong issuer',
      ],
      [await keys.sign({}), 'no serviceurl claim'],
      ['not-a-jwt', 'malformed token'],
      ['a.b.c', 'malformed token'],
    ];
    for (const [token, reason] of cases) expect(await check(token)).toEqual({ ok: false, reason });
  });

  it('fetches the keys once for many tokens, forged ones with unknown key ids included', async () => {
    const check = checker();
    expect((await check(await keys.sign({ serviceurl: SERVICE_URL }))).ok).toBe(true);
    for (let i = 0; i < 20; i++) {
      const forged = await keys.sign({ serviceurl: SERVICE_URL }, { kid: `unknown-${i}` });
      expect(await check(forged)).toEqual({ ok: false, reason: 'bad signature' });
      expect(await check(keys.unsigned({ serviceurl: SERVICE_URL }))).toMatchObject({ ok: false });
    }
    expect(keys.fetches()).toBe(1);
  });

  it('refuses, rather than waits, when the key endpoint hangs, and does not ask again at once', async () => {
    keys.answerWith('hang');
    const check = checker(300);
    const token = await keys.sign({ serviceurl: SERVICE_URL });
    expect(await check(token)).toEqual({ ok: false, reason: 'signing keys unavailable' });
    expect(await check(token)).toEqual({ ok: false, reason: 'signing keys unavailable' });
    expect(keys.fetches()).toBe(1);
  });

  it('refuses when the key endpoint fails or nothing listens there', async () => {
    keys.answerWith('error');
    const token = await keys.sign({ serviceurl: SERVICE_URL });
    expect(await checker()(token)).toEqual({ ok: false, reason: 'signing keys unavailable' });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const nowhere = botTokenChecker({
      appId: TEST_APP_ID,
      keysUrl: `http://127.0.0.1:${port}/keys`,
    });
    expect(await nowhere(token)).toEqual({ ok: false, reason: 'signing keys unavailable' });
  });
});
