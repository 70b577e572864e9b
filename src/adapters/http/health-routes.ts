import type { Express } from 'express';

export interface ReadinessCheck {
  ok: boolean;
  /** a short, safe explanation: never a secret */
  detail?: string;
}

export interface HealthOptions {
  /** what must hold for the bot to take traffic, e.g. corpus loaded, store answering */
  readiness: () => Promise<Record<string, ReadinessCheck>>;
  /** Prometheus text exposition, if metrics are on */
  metrics?: { contentType: string; render: () => Promise<string> };
}

/**
 * /healthz: the process is alive (for restarts). /readyz: it can serve (for load
 * balancers), with each check's result. /metrics: Prometheus. Mounted before the
 * platforms so that a platform failure never hides the health of the process.
 */
export function mountHealthRoutes(app: Express, options: HealthOptions): void {
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const checks = await options.readiness().catch(
      (): Record<string, ReadinessCheck> => ({
        readiness: { ok: false, detail: 'the readiness checks failed to run' },
      }),
    );
    const ok = Object.values(checks).every((c) => c.ok);
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'not ready', checks });
  });
  const metrics = options.metrics;
  if (metrics) {
    app.get('/metrics', async (_req, res) => {
      res.type(metrics.contentType).send(await metrics.render());
    });
  }
}
