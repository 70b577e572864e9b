import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../../core/index.ts';

const REQUEST_ID = /^[\w.:-]{1,64}$/;

/**
 * One log line per request, with a request id (the caller's X-Request-Id when it is a
 * plain token, else a new one, echoed back). Method, path, status and time only: never
 * a query string, a header or a body, which could hold a question or a token.
 */
export function requestLog(logger: Logger) {
  return function logRequest(req: Request, res: Response, next: NextFunction): void {
    const given = req.get('x-request-id');
    const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', requestId);
    const started = performance.now();
    res.on('finish', () => {
      const path = req.path.length > 100 ? `${req.path.slice(0, 100)}…` : req.path;
      const fields = {
        requestId,
        method: req.method,
        path,
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
      };
      // Health probes every few seconds would drown the log: they are debug lines.
      if (path === '/healthz' || path === '/readyz' || path === '/metrics')
        logger.debug('http request', fields);
      else logger.info('http request', fields);
    });
    next();
  };
}
