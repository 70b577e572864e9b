import cron, { type ScheduledTask } from 'node-cron';
import { afterEach, describe, expect, it } from 'vitest';
import { type DeliveryHarness, deliveryHarness } from '../../test/helpers/delivery-harness.ts';
import { memoryStore } from '../../test/helpers/memory-store.ts';
import { recordingLogger } from '../../test/helpers/recording-logger.ts';
import { type DeliveryRunner, emptySummary } from '../core/index.ts';
import { createScheduler, type Scheduler } from './scheduler.ts';

function recordingRunner() {
  const calls: string[] = [];
  const runner: DeliveryRunner = {
    runDue: async () => {
      calls.push('runDue');
      return emptySummary();
    },
    publish: async () => {
      throw new Error('not used');
    },
  };
  return { runner, calls };
}

function ticks(): ScheduledTask[] {
  return [...cron.getTasks().values()].filter((t) => t.name === 'deliver-due');
}

/** Fires the minute's tick now, as node-cron would, and waits for its run. */
async function tick(): Promise<void> {
  for (const task of ticks()) await task.execute();
}

// Tuesday 7 July 2026: London is on summer time (UTC+1), so 14:30 there is 13:30 UTC.
const WEEK_START = '2026-07-01T00:00:00Z';
const LONDON_1430 = '2026-07-07T13:30:00Z';

describe('createScheduler', () => {
  const schedulers: Scheduler[] = [];
  let h: DeliveryHarness;
  afterEach(async () => {
    for (const s of schedulers.splice(0)) await s.stop();
  });

  async function started(owner = 'replica-a'): Promise<Scheduler> {
    const scheduler = createScheduler({
      runner: h.runner(owner),
      clock: h.time.clock,
      logger: recordingLogger(),
    });
    schedulers.push(scheduler);
    await scheduler.start();
    return scheduler;
  }

  it('catches up on start, then runs everything due on one task every minute', async () => {
    const { runner, calls } = recordingRunner();
    const scheduler = createScheduler({
      runner,
      clock: () => new Date(WEEK_START),
      logger: recordingLogger(),
    });
    schedulers.push(scheduler);
    await scheduler.start();
    expect(calls).toEqual(['runDue']);
    expect(ticks().map((t) => t.getPattern())).toEqual(['* * * * *']);
    await tick();
    expect(calls).toEqual(['runDue', 'runDue']);
    await scheduler.stop();
    expect(ticks()).toEqual([]);
  });

  it('posts at the subscription’s day and time in its timezone, once', async () => {
    h = await deliveryHarness(async () => memoryStore(), WEEK_START);
    await h.subscribe('C1', { day: 2, time: '14:30', timezone: 'Europe/London' });
    await started();
    h.time.set(new Date(Date.parse(LONDON_1430) - 60_000));
    await tick();
    expect(h.notifier.calls).toEqual([]);
    h.time.set(LONDON_1430);
    await tick();
    await tick();
    expect(h.notifier.deliveredTo('C1').map((c) => c.at.toISOString())).toEqual([
      '2026-07-07T13:30:00.000Z',
    ]);
  });

  it('follows subscriptions that change, stop or go away at the next tick', async () => {
    h = await deliveryHarness(async () => memoryStore(), WEEK_START);
    await h.subscribe('C1', { day: 2, time: '14:30' });
    const b = await h.subscribe('C2', { day: 2, time: '14:30' });
    await started();
    await h.subscribe('C1', { day: 2, time: '15:00' });
    await h.store.setSubscriptionStatus(b.id, 'removed', undefined, h.time.clock());
    h.time.set(LONDON_1430);
    await tick();
    expect(h.notifier.calls).toEqual([]);
    h.time.advance(30 * 60_000);
    await tick();
    expect(h.notifier.delivered().map((c) => c.target.channel)).toEqual(['C1']);
  });

  it('catches up on start a post missed while the process was down', async () => {
    h = await deliveryHarness(async () => memoryStore(), WEEK_START);
    await h.subscribe('C1', { day: 2, time: '14:30' });
    h.time.set(new Date(Date.parse(LONDON_1430) + 3 * 60 * 60_000));
    await started();
    expect(h.notifier.deliveredTo('C1')).toHaveLength(1);
  });

  it('posts once when two replicas tick at the same minute', async () => {
    h = await deliveryHarness(async () => memoryStore(), WEEK_START);
    await h.subscribe('C1', { day: 2, time: '14:30' });
    await started('replica-a');
    await started('replica-b');
    h.time.set(LONDON_1430);
    await Promise.all(ticks().map((t) => t.execute()));
    expect(ticks()).toHaveLength(2);
    expect(h.notifier.deliveredTo('C1')).toHaveLength(1);
  });

  it('logs a failed catch-up and keeps going', async () => {
    const { runner } = recordingRunner();
    const logger = recordingLogger();
    const scheduler = createScheduler({
      runner: { ...runner, runDue: async () => Promise.reject(new Error('database down')) },
      clock: () => new Date(WEEK_START),
      logger,
    });
    schedulers.push(scheduler);
    await scheduler.start();
    expect(logger.lines.some((l) => l.level === 'error' && l.message === 'catch-up failed')).toBe(
      true,
    );
    expect(ticks()).toHaveLength(1);
  });

  it('erases person data past the retention at start and daily at 03:17 UTC, keeping the rows', async () => {
    const NOW = new Date(WEEK_START);
    const store = memoryStore();
    const old = new Date(NOW.getTime() - 31 * 86_400_000);
    await store.audit({ at: old, actor: 'slack:UOLD', action: 'publish', detail: {} });
    await store.audit({ at: NOW, actor: 'slack:UNEW', action: 'publish', detail: {} });
    const logger = recordingLogger();
    const scheduler = createScheduler({
      runner: recordingRunner().runner,
      store,
      clock: () => NOW,
      logger,
      personDataRetentionDays: 30,
    });
    schedulers.push(scheduler);
    await scheduler.start();
    expect((await store.listAudit()).map((e) => e.actor)).toEqual(['slack:erased', 'slack:UNEW']);
    expect(logger.lines).toContainEqual(
      expect.objectContaining({
        message: 'person data past retention erased',
        fields: expect.objectContaining({ auditEntries: 1, retentionDays: 30 }),
      }),
    );
    const daily = [...cron.getTasks().values()].find((t) => t.name === 'retention');
    expect(daily?.getPattern()).toBe('17 3 * * *');
    // the daily run erases what has aged since
    await store.audit({ at: old, actor: 'teams:aad-old', action: 'report', detail: {} });
    await daily?.execute();
    expect((await store.listAudit()).map((e) => e.actor)).toContain('teams:erased');
  });

  it('keeps person data when no retention is given, as the delivery tests want', async () => {
    const store = memoryStore();
    await store.audit({ at: new Date(0), actor: 'slack:UOLD', action: 'publish', detail: {} });
    const scheduler = createScheduler({
      runner: recordingRunner().runner,
      store,
      clock: () => new Date(WEEK_START),
      logger: recordingLogger(),
    });
    schedulers.push(scheduler);
    await scheduler.start();
    expect((await store.listAudit()).map((e) => e.actor)).toEqual(['slack:UOLD']);
    expect([...cron.getTasks().values()].some((t) => t.name === 'retention')).toBe(false);
  });
});
