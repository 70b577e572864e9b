/**
 * Issue "weekly briefings …", done when: with SLACK_API_URL pointing at a local fake and
 * a fresh database, `subscriptions add --platform slack --channel C1`, then
 * `deliver --at` a Monday 09:05 Europe/London twice, makes exactly one chat.postMessage
 * to C1; `deliver --at` the next Monday makes one more, with a different lesson. The same
 * on PostgreSQL. Everything through the real command line.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain } from '../helpers/run-process.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../helpers/slack-fake-api.ts';
import { SIGNING_SECRET, slashCommand } from '../helpers/slack-signing.ts';
import { startServer } from '../helpers/start-server.ts';
import {
  SKIP_NOTE,
  TEST_DATABASE_URL,
  TestSchemas,
  warnIfSkipped,
} from '../store/helpers/postgres-schemas.ts';

let api: FakeSlackApi;
let schemas: TestSchemas | undefined;

beforeAll(async () => {
  api = await startFakeSlackApi();
  warnIfSkipped();
  if (TEST_DATABASE_URL) schemas = new TestSchemas(TEST_DATABASE_URL);
});

afterAll(async () => {
  await api?.close();
  await schemas?.dropAll();
});

function cli(databaseUrl: string) {
  return (...args: string[]) =>
    runMain(args, {
      env: { DATABASE_URL: databaseUrl, SLACK_BOT_TOKEN: 'xoxb-test', SLACK_API_URL: api.apiUrl },
    });
}

/** `subscriptions add --platform slack --channel CHANNEL …` */
const addSlack = (channel: string, ...more: string[]) => [
  'subscriptions',
  'add',
  '--platform',
  'slack',
  '--channel',
  channel,
  ...more,
];

function postsTo(channel: string) {
  return api.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);
}

function lessonOf(post: { args: Record<string, unknown> } | undefined): string {
  // The briefing's text fallback names the lesson; that is enough to tell two weeks apart.
  return String(post?.args.text ?? '');
}

async function weeklyPosts(databaseUrl: string, channel: string) {
  const run = cli(databaseUrl);
  const added = await run(
    'subscriptions',
    'add',
    '--platform',
    'slack',
    '--channel',
    channel,
    '--label',
    '#practice',
    // weekly lessons only: a reminder of the undiscussed first week would be a third post
    '--reminders',
    'off',
  );
  expect(added.stderr).toBe('');
  expect(added.code).toBe(0);
  expect(added.stdout).toMatch(/Monday/);

  for (const _ of [1, 2]) {
    const first = await run('deliver', '--at', '2026-11-23T09:05');
    expect(first.code).toBe(0);
  }
  expect(postsTo(channel)).toHaveLength(1);

  const next = await run('deliver', '--at', '2026-11-30T09:05', '--json');
  expect(JSON.parse(next.stdout)).toMatchObject({ sent: 1, failed: 0, gone: 0 });
  const [week1, week2] = postsTo(channel);
  expect(postsTo(channel)).toHaveLength(2);
  expect(lessonOf(week2)).not.toBe(lessonOf(week1));

  const listed = JSON.parse((await run('subscriptions', 'list', '--json')).stdout) as {
    subscriptions: { channel: string }[];
  };
  expect(listed.subscriptions.map((s) => s.channel)).toEqual([channel]);
}

// Each test runs the command line several times, a process each: on a busy 2-core machine
// that takes longer than the default allows.
describe('lessons-bot subscriptions and deliver', { timeout: 90_000 }, () => {
  it('posts one lesson a week to a subscribed Slack channel, on SQLite', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lessons-deliver-'));
    await weeklyPosts(`sqlite:${join(dir, 'bot.db')}`, 'C1');
  });

  it.skipIf(!TEST_DATABASE_URL)(
    `posts one lesson a week, on PostgreSQL${TEST_DATABASE_URL ? '' : ` (${SKIP_NOTE})`}`,
    async () => {
      const { url } = await (schemas as TestSchemas).create();
      await weeklyPosts(url, 'C2');
    },
  );

  it('sets a nation and reminders off, and deliver --at posts a week-old lesson’s reminder in its thread only where they are on', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lessons-remind-'));
    const run = cli(`sqlite:${join(dir, 'bot.db')}`);
    const off = await run(
      ...addSlack('C0REMOFF', '--nation', 'wales', '--reminders', 'off', '--json'),
    );
    expect(off.code).toBe(0);
    expect(JSON.parse(off.stdout)).toMatchObject({
      subscription: { channel: 'C0REMOFF', nation: 'wales', reminders: false },
    });
    const on = await run(...addSlack('C0REMON', '--json'));
    expect(JSON.parse(on.stdout)).toMatchObject({
      subscription: { nation: 'england', reminders: true },
    });
    const bad = await run(...addSlack('C0REMBAD', '--reminders', 'sometimes'));
    expect(bad.code).not.toBe(0);
    expect(bad.stdout + bad.stderr).toContain('Say “reminders on” or “reminders off”.');

    expect((await run('deliver', '--at', '2026-11-23T09:05')).code).toBe(0);
    expect((await run('deliver', '--at', '2026-11-30T09:05')).code).toBe(0);
    const inThread = (channel: string) =>
      postsTo(channel).filter((c) => typeof c.args.thread_ts === 'string');
    expect(inThread('C0REMON')).toHaveLength(1);
    expect(String(inThread('C0REMON')[0]?.args.text)).toMatch(
      /^A reminder: has your team discussed/,
    );
    expect(inThread('C0REMOFF')).toEqual([]);
  });

  it('makes one subscription of a channel added here without --team and then subscribed in Slack', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lessons-one-'));
    const url = `sqlite:${join(dir, 'bot.db')}`;
    const run = cli(url);
    const added = await run(...addSlack('C01ASSESS'));
    expect(added.code).toBe(0);
    const server = await startServer({
      DATABASE_URL: url,
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: api.apiUrl,
    });
    try {
      const ask = async (text: string) => {
        const res = await slashCommand(`${server.url}/slack/events`, {
          text,
          team_id: 'T1',
          channel_id: 'C01ASSESS',
          response_url: api.responseUrl(),
        });
        return JSON.stringify(await res.json());
      };
      expect(await ask('subscription')).toMatch(
        /This channel gets a lesson to discuss every Monday/,
      );
      // the channel's name came with the command: its label is updated, nothing else
      expect(await ask('subscribe')).toMatch(
        /this channel (now|already) gets a lesson every Monday/,
      );
    } finally {
      await server.stop();
    }
    const listed = JSON.parse((await run('subscriptions', 'list', '--json')).stdout) as {
      subscriptions: { team: string; channel: string }[];
    };
    expect(listed.subscriptions.map((s) => [s.team, s.channel])).toEqual([['T1', 'C01ASSESS']]);
  });

  it('fails a post at once, naming what to set, when its platform is not configured here, and exits 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lessons-unconfigured-'));
    const url = `sqlite:${join(dir, 'bot.db')}`;
    const bare = (...args: string[]) => runMain(args, { env: { DATABASE_URL: url } });
    expect((await bare(...addSlack('C01ASSESS', '--team', 'T1', '--label', '#assess'))).code).toBe(
      0,
    );

    const published = await bare('publish', 'croydon-claire', '--again');
    expect(published.code).toBe(1);
    expect(published.stdout).toContain(
      '#assess (slack): Slack is not configured in this process: set SLACK_BOT_TOKEN',
    );
    expect(published.stdout).not.toMatch(/gave up after/);

    const delivered = await bare('deliver', '--at', '2026-11-23T09:05');
    expect(delivered.code).toBe(1);
    expect(delivered.stdout).toMatch(/1 not sent \(platform not configured\)/);
    expect(delivered.stdout).toContain(
      'not sent: slack:#assess (Slack is not configured in this process: set SLACK_BOT_TOKEN)',
    );

    // Nothing was claimed: configured, the same commands make both posts.
    expect((await cli(url)('publish', 'croydon-claire')).code).toBe(0);
    const later = await cli(url)('deliver', '--at', '2026-11-23T09:05', '--json');
    expect(JSON.parse(later.stdout)).toMatchObject({ sent: 1, notConfigured: 0 });
    expect(postsTo('C01ASSESS')).toHaveLength(2);
  });

  it('names only commands that exist in its hints, and each runs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lessons-hints-'));
    const run = cli(`sqlite:${join(dir, 'bot.db')}`);
    const added = await run(...addSlack('C0HINT'));
    const tries = /^Try: (.*)$/m.exec(added.stdout)?.[1]?.split(', ') ?? [];
    expect(tries).toEqual([
      'lessons-bot subscriptions list',
      expect.stringMatching(/^lessons-bot subscriptions remove \S+$/),
    ]);
    await run('publish', 'croydon-claire');
    const again = await run('publish', 'croydon-claire');
    const hint = /use “(publish croydon-claire again)”/.exec(again.stdout)?.[1] ?? '';
    expect(hint).not.toBe('');
    const repeated = await run(...hint.split(' '), '--json');
    expect(repeated.code).toBe(0);
    expect(JSON.parse(repeated.stdout)).toMatchObject({ round: 2, counts: { sent: 1 } });
    for (const line of tries) {
      const result = await run(...line.split(' ').slice(1));
      expect(result.code, line).toBe(0);
    }
  });

  it('says why a post is to be retried', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lessons-retry-'));
    const run = cli(`sqlite:${join(dir, 'bot.db')}`);
    await run(...addSlack('C0RETRY'));
    api.failNext('chat.postMessage', { status: 503 });
    const result = await run('deliver', '--at', '2026-11-23T09:05');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/1 to retry/);
    expect(result.stdout).toContain('to retry: slack:C0RETRY (HTTP 503)');
  });

  it('does not call a week before the channel subscribed "missed"', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lessons-missed-'));
    const run = cli(`sqlite:${join(dir, 'bot.db')}`);
    await run(...addSlack('C0LATE'));
    const result = await run('deliver', '--at', '2026-11-27T09:05', '--json');
    expect(JSON.parse(result.stdout)).toMatchObject({ sent: 0, skipped: 0 });
  });

  it('says how to name the workspace when Slack is not configured and no --team is given', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lessons-team-'));
    const result = await runMain(addSlack('C01ASSESS'), {
      env: { DATABASE_URL: `sqlite:${join(dir, 'bot.db')}` },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/set SLACK_BOT_TOKEN.*or give --team T/);
  });

  it('refuses a Teams conversation the bot was never added to, without --team', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lessons-teams-'));
    const result = await cli(`sqlite:${join(dir, 'bot.db')}`)(
      'subscriptions',
      'add',
      '--platform',
      'teams',
      '--channel',
      '19:nowhere@thread.tacv2',
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/has not been added to the Teams conversation.*add the app/);
  });

  it('reports what reached the channel, as CSV and HTML', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lessons-report-'));
    const url = `sqlite:${join(dir, 'bot.db')}`;
    const run = cli(url);
    await run(
      'subscriptions',
      'add',
      '--platform',
      'slack',
      '--channel',
      'C3',
      '--label',
      '#early-help',
    );
    await run('deliver', '--at', '2026-11-23T09:05');
    const csv = await run('report');
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\n')[0]).toMatch(/^channel,platform,/);
    expect(csv.stdout).toMatch(/#early-help/);
    const html = await run('report', '--format', 'html', '--out', join(dir, 'report.html'));
    expect(html.code).toBe(0);
    expect(html.stderr).toContain('report.html');
    const evidence = await run(
      'report',
      '--table',
      'evidence',
      '--since',
      '2026-11',
      '--until',
      '2026-11',
    );
    expect(evidence.code).toBe(0);
    const [head, total, ...reviews] = evidence.stdout.trim().split('\r\n');
    expect(head).toMatch(/^breakdown,id,name,teams_reached,/);
    expect(total).toMatch(/^total,,All reviews,1,1,0,/);
    expect(reviews.filter((r) => r.startsWith('review,'))).toHaveLength(1);
    const json = JSON.parse((await run('report', '--format', 'json', '--until', '2026-10')).stdout);
    expect(json.reportVersion).toBe(3);
    expect(json.evidence.totals.teamsReached).toBe(0);
  });

  const bad: [string[], RegExp][] = [
    [['subscriptions', 'add', '--channel', 'C1'], /--platform slack or --platform teams/],
    [['subscriptions', 'add', '--platform', 'slack'], /needs --channel/],
    [
      ['subscriptions', 'add', '--platform', 'slack', '--channel', 'C1', '--day', 'someday'],
      /someday/,
    ],
    [
      ['subscriptions', 'add', '--platform', 'slack', '--channel', 'C1', '--time', '25:00'],
      /25:00/,
    ],
    [
      ['subscriptions', 'add', '--platform', 'slack', '--channel', 'C1', '--tz', 'Mars/Olympus'],
      /Mars\/Olympus/,
    ],
    [
      ['subscriptions', 'add', '--platform', 'slack', '--channel', 'C1', '--themes', 'chronolgy'],
      /chronolog/,
    ],
    [['subscriptions', 'remove', 'no-such-id'], /no subscription “no-such-id”/],
    [['subscriptions', 'frobnicate'], /subscriptions add/],
    [['deliver'], /needs --at/],
    [['deliver', '--at', 'next tuesday'], /is not a time/],
    [['publish', 'no-such-review'], /no-such-review/],
    [['report', '--format', 'pdf'], /csv, json or html/],
    [['report', '--since', 'yesterday'], /is not a date/],
    [['report', '--until', '2026-02-30'], /--until “2026-02-30” is not a date/],
    [['report', '--since', '2026-03', '--until', '2026-02'], /--since is after --until/],
    [
      ['report', '--review', 'croydon-clare'],
      /no review “croydon-clare”\. Did you mean “croydon-claire”/,
    ],
    [['report', '--theme', 'negelct'], /Did you mean “neglect”/],
    [['report', '--agency', '<script>'], /no agency “<script>”\. The agencies are: /],
    [['report', '--table', 'people'], /--table takes channels, evidence, plans, weekly/],
    [['report', '--format', 'html', '--table', 'plans'], /--table goes with --format csv/],
  ];
  it.each(bad.map(([args, message]) => [args.join(' '), args, message] as const))(
    '“%s” exits 1 with a message that says what to fix',
    async (_, args, message) => {
      const dir = await mkdtemp(join(tmpdir(), 'lessons-bad-'));
      const result = await cli(`sqlite:${join(dir, 'bot.db')}`)(...args);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    },
  );

  it('exits 1, not 2, for a database it cannot reach: the operator’s to fix, not a bug', async () => {
    const result = await runMain(['subscriptions', 'list'], {
      env: { DATABASE_URL: 'postgres://lessons:hunter2@127.0.0.1:1/nowhere' },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('DATABASE_URL');
    expect(result.stderr).not.toMatch(/bug|hunter2/);
  });

  it('refuses a malformed DATABASE_URL, naming it, without a stack trace', async () => {
    const result = await runMain(['subscriptions', 'list'], {
      env: { DATABASE_URL: 'mysql://u:hunter2@db/x' },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('DATABASE_URL');
    expect(result.stderr).not.toContain('hunter2');
  });
});
