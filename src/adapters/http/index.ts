export { type HealthOptions, mountHealthRoutes, type ReadinessCheck } from './health-routes.ts';
export { createHttpApp, type ListeningServer, listen } from './http-server.ts';
export { createPrometheusMetrics, type PrometheusMetrics } from './prometheus-metrics.ts';
