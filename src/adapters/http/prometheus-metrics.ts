import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Metrics } from '../../core/index.ts';

export interface PrometheusMetrics {
  metrics: Metrics;
  registry: Registry;
  /** the corpus now being served; called at start and after every reload */
  corpusLoaded(counts: { reviews: number; lessons: number }): void;
}

/**
 * The core's Metrics port as Prometheus series, plus Node's own process metrics under their
 * standard names (process_*, nodejs_*), which stock dashboards expect. Ours follow
 * Prometheus' naming: a `lessons_bot_` prefix, base units in the name (`_seconds`),
 * `_total` on counters.
 */
export function createPrometheusMetrics(): PrometheusMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const commands = new Counter({
    name: 'lessons_bot_commands_total',
    help: 'Commands answered, by front door and command kind',
    labelNames: ['front_door', 'command'] as const,
    registers: [registry],
  });
  const search = new Histogram({
    name: 'lessons_bot_search_duration_seconds',
    help: 'Time to answer one search, in seconds',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25],
    registers: [registry],
  });
  const deliveries = new Counter({
    name: 'lessons_bot_deliveries_total',
    help: 'Posts by kind (briefing, broadcast) and ledger outcome',
    labelNames: ['kind', 'outcome'] as const,
    registers: [registry],
  });
  const platformErrors = new Counter({
    name: 'lessons_bot_platform_errors_total',
    help: 'Errors from the Slack and Teams APIs, by platform and error',
    labelNames: ['platform', 'error'] as const,
    registers: [registry],
  });
  const corpus = new Gauge({
    name: 'lessons_bot_corpus_items',
    help: 'Reviews and lessons being served, by kind',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  return {
    registry,
    corpusLoaded({ reviews, lessons }) {
      corpus.set({ kind: 'reviews' }, reviews);
      corpus.set({ kind: 'lessons' }, lessons);
    },
    metrics: {
      commandHandled: (frontDoor, command) => commands.inc({ front_door: frontDoor, command }),
      searchTimed: (seconds) => search.observe(seconds),
      deliveryOutcome: (kind, outcome) => deliveries.inc({ kind, outcome }),
      // Error codes are a platform's vocabulary; cap their length so a surprise cannot explode the series.
      platformError: (platform, error) =>
        platformErrors.inc({ platform, error: error.slice(0, 60) }),
    },
  };
}
