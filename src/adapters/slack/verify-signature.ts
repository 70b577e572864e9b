/**
 * Slack's request signing, checked before Bolt sees a request: the v0 signature is an
 * HMAC-SHA256 of "v0:{timestamp}:{raw body}" with the signing secret, and a request more
 * than five minutes from now either way is a replay. Bolt's own check does the same, but
 * compares through a fresh random HMAC key a request, which under load cost more than
 * answering; here the key is made once and the comparison is crypto.timingSafeEqual.
 * https://docs.slack.dev/authentication/verifying-requests-from-slack
 */
import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from '../../core/index.ts';
import { MAX_BODY_BYTES, refusalLog, sendError } from '../http/index.ts';

const MAX_SKEW_S = 5 * 60;
const FORM = 'application/x-www-form-urlencoded';

export interface SignedHeaders {
  signature: string | undefined;
  timestamp: string | undefined;
}

export function isSignedBySlack(
  key: KeyObject,
  headers: SignedHeaders,
  body: Buffer,
  nowSeconds: number,
): boolean {
  const { signature, timestamp } = headers;
  if (!signature || !timestamp || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(nowSeconds - Number(timestamp)) > MAX_SKEW_S) return false;
  const digest = createHmac('sha256', key).update(`v0:${timestamp}:`).update(body).digest('hex');
  const expected = Buffer.from(`v0=${digest}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Whether Bolt can parse a signed body, which it does by the exact content type: a form
 * (slash commands, buttons), or else JSON (events). Bolt would log its parser's message,
 * which quotes the body; a body it cannot parse is refused here instead.
 */
function readyForBolt(req: Request, body: Buffer): boolean {
  if ((req.get('content-type') ?? '').toLowerCase().startsWith(FORM)) {
    req.headers['content-type'] = FORM;
    return true;
  }
  try {
    JSON.parse(body.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

/**
 * Express handlers for the Slack endpoint: read the raw body (within a limit), refuse
 * with 401 what Slack did not sign, and hand the body on as `req.rawBody`, which Bolt's
 * receiver parses when its own verification is off. Every refusal is a short JSON answer.
 */
export function slackSignatureCheck(
  signingSecret: string,
  logger: Logger,
  now: () => number = Date.now,
) {
  const key = createSecretKey(Buffer.from(signingSecret, 'utf8'));
  const readBody = express.raw({ type: () => true, limit: MAX_BODY_BYTES });
  const refused = refusalLog(logger, 'refused a Slack request');
  return function checkSignature(req: Request, res: Response, next: NextFunction): void {
    readBody(req, res, (error?: unknown) => {
      if (error) {
        const tooLarge = (error as { status?: number }).status === 413;
        refused({ reason: tooLarge ? 'body too large' : 'body unreadable' });
        sendError(res, tooLarge ? 'payload_too_large' : 'bad_request');
        return;
      }
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const headers = {
        signature: req.get('x-slack-signature'),
        timestamp: req.get('x-slack-request-timestamp'),
      };
      if (!isSignedBySlack(key, headers, body, Math.floor(now() / 1000))) {
        refused({ reason: 'no valid signature' });
        sendError(res, 'unauthorized');
        return;
      }
      if (!readyForBolt(req, body)) {
        refused({ reason: 'signed, but neither a form nor JSON' });
        sendError(res, 'bad_request');
        return;
      }
      (req as Request & { rawBody?: Buffer }).rawBody = body;
      next();
    });
  };
}
