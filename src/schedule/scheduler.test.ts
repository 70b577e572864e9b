import { DateTime } from 'luxon';
import cron from 'node-cron';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryStore } from '../../test/helpers/memory-store.ts';
import { recordingLogger } from '../../test/helpers/recording-logger.ts';
import { type DeliveryRunner, emptySummary, type Store } from '../core/index.ts';
import { createScheduler, type Scheduler } from './scheduler.ts';

function recordingRunner() {
  const calls: string[] = [];
  const runner: DeliveryRunner = {
    runDue: async () => {
      calls.push('runDue');
      return emptySummary();
    },
    deliverSubscription: async (id) => {
      calls.push(`deliver:${id}`);
      return emptySummary();
    },
    publish: async () => {
      throw new Error('not used');
    },
  };
  return { runner, calls };
}

const NOW = new Date('2026-11-22T12:00:00Z');

/** The next time it is this weekday (1 = Monday) and time in London, from the real now, in UTC. */
function nextInLondon(weekday: number, hour: number, minute: number): string {
  const now = DateTime.now().setZone('Europe/London');
  let next = now.set({ hour, minute, second: 0, millisecond: 0 });
  next = next.plus({ days: (weekday - next.weekday + 7) % 7 });
  if (next <= now) next = next.plus({ weeks: 1 });
  return next.toUTC().toISO() ?? '';
}

async function subscribe(store: Store, channel: string, day: 1 | 2, time: string) {
  return store.saveSubscription(
    {
      target: { platform: 'slack', workspace: 'T1', channel },
      schedule: { day, time, timezone: 'Europe/London' },
      themes: [],
    },
    NOW,
  );
}

function scheduledNames(): string[] {
  return [...cron.getTasks().values()]
    .map((t) => t.name ?? '')
    .filter((n) => n.startsWith('briefing:'))
    .sort();
}

describe('createScheduler', () => {
  let scheduler: Scheduler | undefined;
  afterEach(async () => {
    await scheduler?.stop();
  });

  it('catches up on start, then schedules each active subscription at its own time', async () => {
    const store = memoryStore();
    const a = await subscribe(store, 'C1', 1, '09:00');
    const b = await subscribe(store, 'C2', 2, '14:30');
    const { runner, calls } = recordingRunner();
    scheduler = createScheduler({ runner, store, clock: () => NOW, logger: recordingLogger() });
    await scheduler.start();
    expect(calls).toEqual(['runDue']);
    expect(scheduledNames()).toEqual([`briefing:${a.id}`, `briefing:${b.id}`].sort());
    const task = [...cron.getTasks().values()].find((t) => t.name === `briefing:${b.id}`);
    expect(task?.getPattern()).toBe('30 14 * * 2');
    // node-cron reckons the next run from the real clock, not the scheduler's.
    expect(task?.getNextRun()?.toISOString()).toBe(nextInLondon(2, 14, 30));
  });

  it('follows subscriptions that change, stop or go away', async () => {
    const store = memoryStore();
    const a = await subscribe(store, 'C1', 1, '09:00');
    const b = await subscribe(store, 'C2', 1, '09:00');
    scheduler = createScheduler({
      runner: recordingRunner().runner,
      store,
      clock: () => NOW,
      logger: recordingLogger(),
    });
    await scheduler.start();
    await subscribe(store, 'C1', 2, '10:00');
    await store.setSubscriptionStatus(b.id, 'removed', undefined, NOW);
    await scheduler.refresh();
    expect(scheduledNames()).toEqual([`briefing:${a.id}`]);
    const task = [...cron.getTasks().values()].find((t) => t.name === `briefing:${a.id}`);
    expect(task?.getPattern()).toBe('0 10 * * 2');
  });

  it('runs a subscription’s post when its task fires, and stops everything on stop', async () => {
    const store = memoryStore();
    const a = await subscribe(store, 'C1', 1, '09:00');
    const { runner, calls } = recordingRunner();
    scheduler = createScheduler({ runner, store, clock: () => NOW, logger: recordingLogger() });
    await scheduler.start();
    const task = [...cron.getTasks().values()].find((t) => t.name === `briefing:${a.id}`);
    await task?.execute();
    expect(calls).toContain(`deliver:${a.id}`);
    await scheduler.stop();
    scheduler = undefined;
    expect(scheduledNames()).toEqual([]);
  });

  it('logs a failed catch-up and keeps going', async () => {
    const store = memoryStore();
    const { runner } = recordingRunner();
    const logger = recordingLogger();
    scheduler = createScheduler({
      runner: { ...runner, runDue: async () => Promise.reject(new Error('database down')) },
      store,
      clock: () => NOW,
      logger,
    });
    await scheduler.start();
    expect(logger.lines.some((l) => l.level === 'error' && l.message === 'catch-up failed')).toBe(
      true,
    );
  });

  it('erases person data past the retention at start and daily at 03:17 UTC, keeping the rows', async () => {
    const store = memoryStore();
    const sub = await subscribe(store, 'C1', 1, '09:00');
    const old = new Date(NOW.getTime() - 31 * 86_400_000);
    await store.audit({ at: old, actor: 'slack:UOLD', action: 'publish', detail: {} });
    await store.audit({ at: NOW, actor: 'slack:UNEW', action: 'publish', detail: {} });
    const { runner } = recordingRunner();
    const logger = recordingLogger();
    scheduler = createScheduler({
      runner,
      store,
      clock: () => NOW,
      logger,
      personDataRetentionDays: 30,
    });
    await scheduler.start();
    expect((await store.listAudit()).map((e) => e.actor)).toEqual(['slack:erased', 'slack:UNEW']);
    expect((await store.getSubscription(sub.id))?.status).toBe('active');
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
    const { runner } = recordingRunner();
    scheduler = createScheduler({ runner, store, clock: () => NOW, logger: recordingLogger() });
    await scheduler.start();
    expect((await store.listAudit()).map((e) => e.actor)).toEqual(['slack:UOLD']);
    expect([...cron.getTasks().values()].some((t) => t.name === 'retention')).toBe(false);
  });
});
