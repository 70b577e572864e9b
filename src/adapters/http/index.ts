export {
  errorBody,
  type HttpErrorCode,
  sendError,
} from './error-answers.ts';
export { type HealthOptions, mountHealthRoutes, type ReadinessCheck } from './health-routes.ts';
export {
  createHttpApp,
  DEFAULT_REQUEST_TIMEOUT_MS,
  type ListeningServer,
  type ListenOptions,
  listen,
  MAX_BODY_BYTES,
} from './http-server.ts';
export { createPrometheusMetrics, type PrometheusMetrics } from './prometheus-metrics.ts';
export { type RefusalFields, refusalLog } from './refusal-log.ts';
