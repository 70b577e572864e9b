import { describe, expect, it } from 'vitest';
import { createPrometheusMetrics } from './prometheus-metrics.ts';

describe('createPrometheusMetrics', () => {
  it('keeps Node’s standard metric names and names its own as Prometheus advises', async () => {
    const { registry, metrics, corpusLoaded } = createPrometheusMetrics();
    metrics.searchTimed(0.002);
    corpusLoaded({ reviews: 4, lessons: 41 });
    const all = await registry.getMetricsAsJSON();
    const names = all.map((m) => m.name);
    for (const standard of [
      'process_cpu_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_seconds',
      'nodejs_heap_size_used_bytes',
    ]) {
      expect(names).toContain(standard);
    }
    const ours = all.filter((m) => !/^(process|nodejs)_/.test(m.name));
    expect(ours.map((m) => m.name).sort()).toEqual([
      'lessons_bot_commands_total',
      'lessons_bot_corpus_items',
      'lessons_bot_deliveries_total',
      'lessons_bot_platform_errors_total',
      'lessons_bot_search_duration_seconds',
    ]);
    for (const metric of ours) {
      if (metric.type === 'counter') expect(metric.name).toMatch(/_total$/);
      if (metric.type === 'histogram') expect(metric.name).toMatch(/_duration_seconds$/);
      expect(metric.name).not.toMatch(/_size$/);
    }
    expect(await registry.metrics()).toContain('lessons_bot_corpus_items{kind="lessons"} 41');
  });
});
