/**
 * POST /api/messages on the shared express app, as the Teams SDK's transport seam
 * (IHttpServerAdapter). It authenticates each request itself and hands the SDK the
 * result as a pre-authenticated token, the SDK's documented way for an adapter that
 * terminates authentication:
 * - with credentials, a bearer token is required before the body is read; it must be a
 *   valid Bot Framework token for this bot, and vouch for the activity's serviceUrl, the
 *   address every reply goes to;
 * - in local mode there is no token, so replies may go only to a loopback serviceUrl.
 * Every refusal is a short JSON answer and one rate-limited warning.
 */
import type { IToken } from '@microsoft/teams.api';
import type { HttpMethod, HttpRouteHandler, IHttpServerAdapter } from '@microsoft/teams.apps';
import express, { type Express, type Request, type Response } from 'express';
import { errorLogFields, type Logger } from '../../core/index.ts';
import { type HttpErrorCode, MAX_BODY_BYTES, refusalLog, sendError } from '../http/index.ts';
import type { TokenCheck } from './bot-token.ts';
import { isLoopback } from './decide-auth-mode.ts';

export type EndpointAuth =
  | { kind: 'local' }
  | { kind: 'authenticated'; check: (token: string) => Promise<TokenCheck> };

export interface MessagingEndpointOptions {
  http: Express;
  auth: EndpointAuth;
  logger: Logger;
}

/** A JWT is three base64url parts; Node caps a header at 16 KB anyway. */
const BEARER = /^Bearer +([\w-]+\.[\w-]+\.[\w-]*)$/i;

const readJson = express.json({ limit: MAX_BODY_BYTES, type: () => true });

type Activity = Record<string, unknown>;

/** The body as an object, or undefined once a 400 or 413 has been sent; never logged. */
function readActivity(req: Request, res: Response): Promise<Activity | undefined> {
  return new Promise((resolve) => {
    readJson(req, res, (error?: unknown) => {
      const body: unknown = req.body;
      if (error || typeof body !== 'object' || body === null || Array.isArray(body)) {
        const tooLarge = (error as { status?: number } | undefined)?.status === 413;
        sendError(res, tooLarge ? 'payload_too_large' : 'bad_request');
        resolve(undefined);
      } else resolve(body as Activity);
    });
  });
}

/** An http(s) URL whose host is this machine by a loopback name or address. */
export function isLoopbackUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopback(url.hostname);
  } catch {
    return false;
  }
}

/** As the SDK compares them: case and a trailing slash do not matter. */
function sameServiceUrl(a: string, b: string): boolean {
  const normal = (url: string) => url.replace(/\/+$/, '').toLowerCase();
  return normal(a) === normal(b);
}

function sdkToken(serviceUrl: string, appId = '', fromId = ''): IToken {
  return {
    appId,
    from: 'azure',
    fromId,
    serviceUrl,
    isExpired: () => false,
    toString: () => '',
  };
}

export function messagingEndpoint(options: MessagingEndpointOptions): IHttpServerAdapter {
  const { auth } = options;
  const logRefusal = refusalLog(options.logger, 'refused a Teams request');
  const refuse = (res: Response, code: HttpErrorCode, reason: string) => {
    logRefusal({ reason });
    sendError(res, code);
  };

  /** The token the SDK should act on, or undefined once the request has been refused. */
  async function authenticate(req: Request, res: Response): Promise<IToken | undefined> {
    if (auth.kind === 'local') {
      const activity = await readActivity(req, res);
      if (!activity) return undefined;
      if (!isLoopbackUrl(activity.serviceUrl)) {
        refuse(res, 'forbidden', 'local mode answers only a loopback serviceUrl');
        return undefined;
      }
      return sdkToken(activity.serviceUrl as string);
    }
    const bearer = BEARER.exec(req.get('authorization') ?? '')?.[1];
    if (!bearer) {
      refuse(res, 'unauthorized', 'no bearer token');
      return undefined;
    }
    const verdict = await auth.check(bearer);
    if (!verdict.ok) {
      refuse(res, 'unauthorized', verdict.reason);
      return undefined;
    }
    const activity = await readActivity(req, res);
    if (!activity) return undefined;
    const serviceUrl = activity.serviceUrl ?? verdict.serviceUrl;
    if (typeof serviceUrl !== 'string' || !sameServiceUrl(serviceUrl, verdict.serviceUrl)) {
      refuse(res, 'unauthorized', 'serviceUrl is not the one the token vouches for');
      return undefined;
    }
    return sdkToken(verdict.serviceUrl, verdict.appId, verdict.subject);
  }

  return {
    registerRoute(method: HttpMethod, path: string, handler: HttpRouteHandler) {
      if (method !== 'POST')
        throw new Error(`unsupported method for the Teams endpoint: ${method}`);
      options.http.post(path, async (req, res) => {
        try {
          const token = await authenticate(req, res);
          if (!token) return;
          const headers = req.headers as Record<string, string | string[]>;
          const response = await handler({ body: req.body, headers, token });
          res.status(response.status).send(response.body);
        } catch (error) {
          options.logger.error('Teams request failed', errorLogFields(error));
          if (!res.headersSent) sendError(res, 'internal');
        }
      });
    },
  };
}
