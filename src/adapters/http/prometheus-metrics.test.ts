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
    // counters end in _total, durations in _duration_seconds (the base unit), sizes name what they count
    expect(ours.map((m) => [m.name, String(m.type)]).sort()).toEqual([
      ['lessons_bot_commands_total', 'counter'],
      ['lessons_bot_corpus_items', 'gauge'],
      ['lessons_bot_deliveries_total', 'counter'],
      ['lessons_bot_platform_errors_total', 'counter'],
      ['lessons_bot_search_duration_seconds', 'histogram'],
    ]);
    expect(await registry.metrics()).toContain('lessons_bot_corpus_items{kind="lessons"} 41');
  });
});
