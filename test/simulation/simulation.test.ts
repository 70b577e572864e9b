/**
 * A year of weekly briefings to 1,000 channels, through two replicas sharing one database,
 * with the platform failing a tenth of calls, channels going away, and replicas killed at
 * random await points and started again as new processes. What counts is what the fake
 * platform received: every week of every subscription exactly once, none lost, none
 * doubled; nothing more for a channel once it is known gone; every post in doubt one the
 * platform has; the report's numbers those of the ledger and of the platform. Teams discuss
 * most lessons and plan a change for some: one follow-up for each planned lesson that
 * reached its week, at most one reminder for each undiscussed one, never on a day off.
 *
 * Deterministic on SQLite for a seed (SIMULATION_SEED, printed on failure); on PostgreSQL
 * the schedule, faults and kills are the seed's, but the interleaving of the two replicas
 * follows the database's timing.
 */
import { afterAll, describe, expect, it, onTestFailed } from 'vitest';
import { DATABASE, type SharedDatabase, sharedDatabase } from './database.ts';
import { runSimulation, type Simulation } from './run-simulation.ts';
import { verdict } from './verdict.ts';

const SEED = Number(process.env.SIMULATION_SEED ?? 20_261_123);

function describeRun(sim: Simulation, ms: number): string {
  const calls = sim.platform.calls;
  const outcomes = (o: string) => calls.filter((c) => c.outcome === o).length;
  const kills = [...sim.kills].map(([point, n]) => `${point} ×${n}`).join(', ');
  return [
    `simulation on ${DATABASE}, seed ${SEED}: ${Math.round(ms / 100) / 10} s`,
    `${sim.platform.received.length} posts received, and ${sim.platform.quoted.length} follow-ups and reminders, from ${calls.length} calls (${outcomes('ratelimited')} rate-limited, ${outcomes('error')} errors, ${outcomes('gone')} gone)`,
    `${sim.runs} runDue; ${sim.restarts} restarts; ${sim.goneAt.size} channels went away`,
    `kills: ${kills}`,
  ].join('\n  ');
}

describe(`simulation on ${DATABASE}`, () => {
  let db: SharedDatabase | undefined;
  afterAll(async () => {
    await db?.dispose();
  });

  it(`posts each of 1,000 subscriptions once a week for 52 weeks, through two replicas, faults and kills (seed ${SEED})`, async () => {
    onTestFailed(() => {
      console.error(`simulation failed: replay with SIMULATION_SEED=${SEED} (${DATABASE})`);
    });
    db = await sharedDatabase();
    const started = performance.now();
    const sim = await runSimulation({
      seed: SEED,
      subscriptions: 1_000,
      weeks: 52,
      start: '2026-03-02T00:00:00Z',
      open: () => (db as SharedDatabase).open(),
      killChance: 0.01,
      goneShare: 0.025,
    });
    const ms = performance.now() - started;
    const store = await db.open();
    try {
      const problems = await verdict(sim, store);
      console.log(describeRun(sim, ms));
      expect(problems, `seed ${SEED} on ${DATABASE}`).toEqual([]);
    } finally {
      await store.close();
    }
  }, 600_000);
});
