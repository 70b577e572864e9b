import type { Schedule, SubscriptionInput, Weekday } from '../../src/core/index.ts';
import type { Random } from './prng.ts';

/**
 * Where teams post from and when: mostly UK local authorities, some abroad, on working
 * days and times, and a few on times the clocks skip or repeat (01:30 in London and 02:30
 * in New York, Sydney and Auckland on Sundays), or late enough (Sunday 23:45) that a
 * retry lands in the next ISO week. [zone, weight, days, times].
 */
const ZONES: readonly (readonly [string, number, readonly Weekday[], readonly string[]])[] = [
  ['Europe/London', 50, [1, 2, 3, 4, 5], ['08:30', '09:00', '09:30', '12:15', '16:00']],
  ['Europe/London', 4, [7], ['01:30', '23:45']],
  ['Europe/Berlin', 8, [1, 2, 3, 4, 5], ['09:00']],
  ['America/New_York', 8, [1, 3, 5], ['09:00', '14:00']],
  ['America/New_York', 2, [7], ['02:30']],
  ['Australia/Sydney', 8, [1, 2, 4], ['08:00', '15:30']],
  ['Australia/Sydney', 2, [7], ['02:30']],
  ['Asia/Kolkata', 10, [1, 3], ['10:00', '17:30']],
  ['Pacific/Auckland', 6, [2, 4], ['09:00']],
  ['Pacific/Auckland', 2, [7], ['02:30']],
];

const SLACK_WORKSPACES = 40;
const TEAMS_TENANTS = 20;

function schedule(random: Random): Schedule {
  const [timezone, days, times] = random.weighted(
    ZONES.map(([zone, weight, d, t]) => [[zone, d, t] as const, weight] as const),
  );
  return { timezone, day: random.pick(days), time: random.pick(times) };
}

/** `count` subscriptions, Slack channels and Teams conversations in many workspaces. */
export function population(random: Random, count: number): SubscriptionInput[] {
  return Array.from({ length: count }, (_, i) => {
    const slack = random.chance(0.6);
    const workspace = slack
      ? `T${random.int(1, SLACK_WORKSPACES)}`
      : `tenant-${random.int(1, TEAMS_TENANTS)}`;
    const channel = slack ? `C${i}` : `19:team${i}@thread.tacv2`;
    const target = { platform: slack ? 'slack' : 'teams', workspace, channel, label: `#team-${i}` };
    return {
      target: target as SubscriptionInput['target'],
      schedule: schedule(random),
      themes: random.chance(0.3) ? ['neglect'] : [],
      by: 'cli',
    };
  });
}
