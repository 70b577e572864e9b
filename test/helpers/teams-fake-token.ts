/**
 * A Bot Framework token stand-in: a decodable but unsigned JWT, so the SDK can read
 * its expiry without any call to Entra ID. For outgoing sends in tests only.
 */
function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export const FAKE_BOT_TOKEN = [
  base64url({ alg: 'none', typ: 'JWT' }),
  base64url({
    aud: 'https://api.botframework.com',
    appid: 'test-bot-id',
    exp: Math.floor(Date.now() / 1000) + 3600,
  }),
  'unsigned',
].join('.');

/** A TokenProvider function: `(scope, tenantId?) => token`. */
export const fakeTokenProvider = async (): Promise<string> => FAKE_BOT_TOKEN;
