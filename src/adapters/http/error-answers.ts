import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { errorLogFields, type Logger } from '../../core/index.ts';

/**
 * Every error answer of the server is one of these, as a short JSON body, whatever
 * NODE_ENV says: never a stack trace, an install path or a piece of the request.
 */
export type HttpErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'request_timeout'
  | 'payload_too_large'
  | 'internal';

export const HTTP_STATUS: Readonly<Record<HttpErrorCode, number>> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  request_timeout: 408,
  payload_too_large: 413,
  internal: 500,
};

/** The JSON body of an error answer, e.g. {"error":"bad_request"}. */
export function errorBody(code: HttpErrorCode): string {
  return JSON.stringify({ error: code });
}

export function sendError(res: Response, code: HttpErrorCode): void {
  res.status(HTTP_STATUS[code]).type('application/json').send(errorBody(code));
}

/** The code for a status that body-parser, raw-body or a library put on an error. */
export function codeForStatus(status: number): HttpErrorCode {
  const known = (Object.keys(HTTP_STATUS) as HttpErrorCode[]).find(
    (code) => HTTP_STATUS[code] === status,
  );
  return known ?? (status >= 400 && status < 500 ? 'bad_request' : 'internal');
}

function statusOf(error: unknown): number {
  const status = (error as { status?: unknown; statusCode?: unknown } | null)?.status;
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  const value = typeof status === 'number' ? status : statusCode;
  return typeof value === 'number' && value >= 400 && value < 600 ? value : 500;
}

/** Any path or method nothing answers. */
export const notFound: RequestHandler = (_req, res) => sendError(res, 'not_found');

/**
 * The last handler. Express's own would print the error's stack to stderr and answer
 * with it unless NODE_ENV=production; a JSON parse error's message quotes the body.
 * Here only the error's class and status reach the log.
 */
export function answerErrors(logger?: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    const status = statusOf(error);
    if (status >= 500)
      logger?.error('request failed', {
        status,
        ...errorLogFields(error),
      });
    if (res.headersSent) {
      res.destroy();
      return;
    }
    sendError(res, codeForStatus(status));
  };
}
