import type { Corpus, Store, Subscription } from '../../src/core/index.ts';
import { type VirtualTime, virtualTime } from '../helpers/delivery-clock.ts';
import { smallCorpus } from '../helpers/delivery-corpus.ts';
import { type CountingLogger, countingLogger } from './counting-logger.ts';
import { FakePlatform, type TeamAction } from './fake-platform.ts';
import { AIMED } from './mortality.ts';
import { population } from './population.ts';
import { type Random, seeded } from './prng.ts';
import { Replica } from './replica.ts';
import { ScheduleTable } from './schedule-table.ts';

export interface SimulationOptions {
  seed: number;
  subscriptions: number;
  weeks: number;
  /** when the subscriptions are made; ISO */
  start: string;
  /** a new Store, with its own connection, on the shared database */
  open: () => Promise<Store>;
  /** the chance that a replica's tick arms a kill */
  killChance: number;
  /** the share of channels that go away for good during the year */
  goneShare: number;
}

export interface Simulation {
  start: number;
  end: number;
  corpus: Corpus;
  subscriptions: Subscription[];
  table: ScheduleTable;
  platform: FakePlatform;
  /** channel → when it went away for good */
  goneAt: Map<string, number>;
  /** where replicas died, and how often */
  kills: Map<string, number>;
  /** each death: which process (the ledger's owner), where, when */
  deaths: { owner: string; point: string; at: number }[];
  restarts: number;
  runs: number;
  logger: CountingLogger;
  /** the teams' discussions and plans, as recorded */
  team: TeamAction[];
}

const MINUTE = 60_000;
const WEEK = 7 * 24 * 60 * MINUTE;
const TICKS_AFTER = [MINUTE, 10 * MINUTE, 120 * MINUTE];

interface World {
  sim: Simulation;
  /** the teams' own connection, for their discussions and plans */
  teams: Store;
  random: Random;
  time: VirtualTime;
  replicas: Replica[];
  options: SimulationOptions;
  /** false for the last ticks */
  killing: boolean;
}

/** Runs a year of weekly posts through two replicas with faults and kills; see the test. */
export async function runSimulation(options: SimulationOptions): Promise<Simulation> {
  const world = await setUp(options);
  for (const at of ticks(world.sim)) await play(world, at);
  await drain(world);
  await Promise.all(world.replicas.map((r) => r.stop()));
  await world.teams.close();
  return world.sim;
}

async function setUp(options: SimulationOptions): Promise<World> {
  const random = seeded(options.seed);
  const start = Date.parse(options.start);
  const end = start + options.weeks * WEEK;
  const time = virtualTime(options.start);
  const setup = await options.open();
  const subscriptions: Subscription[] = [];
  for (const input of population(random, options.subscriptions)) {
    subscriptions.push(await setup.saveSubscription(input, new Date(start)));
  }
  await setup.close();
  const goneAt = new Map<string, number>();
  for (const s of subscriptions) {
    if (random.chance(options.goneShare)) {
      goneAt.set(s.target.channel, start + 2 * WEEK + random.next() * (end - start - 4 * WEEK));
    }
  }
  const platform = new FakePlatform(options.seed, time.clock, goneAt);
  const corpus = smallCorpus();
  const logger = countingLogger();
  const sim: Simulation = {
    ...{ start, end, corpus, subscriptions, platform, goneAt, logger },
    table: new ScheduleTable(start, end),
    kills: new Map(),
    deaths: [],
    restarts: 0,
    runs: 0,
    team: [],
  };
  const deps = { open: options.open, platform, corpus, time, random, logger };
  const replicas = [new Replica('replica-a', deps), new Replica('replica-b', deps)];
  for (const r of replicas) await r.start();
  const teams = await options.open();
  return { sim, teams, random, time, replicas, options, killing: true };
}

/**
 * Every due instant in the year, each followed by a few more ticks: the minutes in which
 * something is due or waiting, of the scheduler's tick every minute.
 */
function ticks(sim: Simulation): number[] {
  const times = new Set<number>();
  for (const s of sim.subscriptions) {
    for (const slot of sim.table.between(s.schedule, sim.start, sim.end)) {
      times.add(slot.at);
      for (const after of TICKS_AFTER) times.add(slot.at + after);
    }
  }
  return [...times].sort((a, b) => a - b);
}

/** One tick on one replica or the other, or both at once; a down replica's tick is lost. */
async function play(world: World, at: number): Promise<void> {
  await restartDue(world, at);
  world.time.set(new Date(at));
  await teamsAct(world, at);
  const { random, replicas } = world;
  const r = random.next();
  const chosen = (r < 0.4 ? [replicas[0]] : r < 0.8 ? [replicas[1]] : replicas) as Replica[];
  await Promise.all(
    chosen
      .filter((replica) => !replica.dead)
      .map((replica) => {
        maybeArm(world, replica);
        return runOn(world, replica);
      }),
  );
}

/** Teams press "Discussed in our team" and save their plans for the lessons they got. */
async function teamsAct(world: World, at: number): Promise<void> {
  const actions = world.sim.platform.teamActions.splice(0);
  for (const action of actions) {
    await world.teams.recordTeamDiscussion(action.deliveryId, new Date(at));
    if (action.plan) {
      await world.teams.savePlan({
        deliveryId: action.deliveryId,
        plan: 'Chronologies at intake',
        at: new Date(at),
      });
    }
    world.sim.team.push(action);
  }
}

/** The tick itself: runDue, as the scheduler's task runs it every minute. */
async function runOn(world: World, replica: Replica) {
  const { sim, time } = world;
  sim.runs += 1;
  if (await replica.run((runner) => runner.runDue(time.clock()))) noteDeath(world, replica);
}

function maybeArm(world: World, replica: Replica): void {
  const { random } = world;
  if (!world.killing || replica.armed || !random.chance(world.options.killChance)) return;
  if (random.chance(0.5)) replica.arm('any', random.int(1, 40));
  else replica.arm(random.pick(AIMED), random.int(1, 3));
}

/** A dead replica starts again, as a new process, some minutes later. */
function noteDeath(world: World, replica: Replica): void {
  const { sim, random, time } = world;
  const point = replica.diedAt ?? 'unknown';
  sim.kills.set(point, (sim.kills.get(point) ?? 0) + 1);
  const owner = `${replica.name}#${replica.generation}`;
  sim.deaths.push({ owner, point, at: time.clock().getTime() });
  replica.restartAt = time.clock().getTime() + random.int(1, 30) * MINUTE;
}

/** Starts the replicas due to start by `until`, each catching up at once (as on start). */
async function restartDue(world: World, until: number): Promise<void> {
  for (;;) {
    const next = world.replicas
      .filter((r) => r.dead && r.restartAt !== undefined && r.restartAt <= until)
      .sort((a, b) => (a.restartAt ?? 0) - (b.restartAt ?? 0))[0];
    if (!next) return;
    world.time.set(new Date(next.restartAt ?? until));
    await next.start();
    world.sim.restarts += 1;
    maybeArm(world, next);
    world.sim.runs += 1;
    if (await next.run((runner) => runner.runDue(world.time.clock()))) noteDeath(world, next);
  }
}

/**
 * After the year: both replicas up and no more kills, ticks every ten minutes until the
 * ledger has nothing left in flight or waiting (a few are enough).
 */
async function drain(world: World): Promise<void> {
  const { time, replicas, sim, options } = world;
  let at = Math.max(sim.end, time.clock().getTime()) + 3 * 60 * MINUTE;
  world.killing = false;
  for (const r of replicas) if (r.dead) r.restartAt = Math.min(r.restartAt ?? at, at);
  await restartDue(world, at);
  for (const r of replicas) r.disarm();
  const check = await options.open();
  try {
    for (let round = 0; round < 30; round++) {
      time.set(new Date(at));
      await Promise.all(replicas.map((r) => r.run((runner) => runner.runDue(time.clock()))));
      const live = await check.listDeliveries({ status: ['claimed', 'sending', 'retry'] });
      if (live.length === 0) return;
      at = time.clock().getTime() + 10 * MINUTE;
    }
  } finally {
    await check.close();
  }
}
