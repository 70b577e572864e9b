import { beforeEach, describe, expect, it } from 'vitest';
import {
  type DeliveryHarness,
  deliveryHarness,
} from '../../../../test/helpers/delivery-harness.ts';
import { gone, notInChannel } from '../../../../test/helpers/delivery-notifier.ts';
import { memoryStore } from '../../../../test/helpers/memory-store.ts';
import {
  type BriefingCommands,
  type Conversation,
  handleCommand,
  parseCommand,
} from '../../commands/index.ts';
import { CorpusError } from '../../errors.ts';
import type { Reply } from '../../model/index.ts';
import { createSearchIndex } from '../../search/index.ts';
import { resumeSubscription } from '../resume.ts';
import { createBriefingCommands } from './create-briefing-commands.ts';

const FRIDAY = '2026-11-20T12:00:00Z';
const channel = (id: string, label?: string): Conversation => ({
  target: { platform: 'slack', workspace: 'T1', channel: id, ...(label ? { label } : {}) },
  userId: 'slack:U42',
});
const HERE = channel('C1', '#early-help');

let h: DeliveryHarness;
let commands: BriefingCommands;
let reloaded: () => Promise<string>;

beforeEach(async () => {
  h = await deliveryHarness(async () => memoryStore(), FRIDAY);
  reloaded = async () => '10 lessons from 3 reviews';
  commands = createBriefingCommands({
    store: h.store,
    runner: h.runner(),
    corpus: () => h.corpus,
    clock: h.time.clock,
    onReload: () => reloaded(),
    notifier: h.notifier,
  });
});

function expectKind<K extends Reply['kind']>(reply: Reply, kind: K): Extract<Reply, { kind: K }> {
  if (reply.kind !== kind)
    throw new Error(`expected a ${kind} reply, got ${JSON.stringify(reply)}`);
  return reply as Extract<Reply, { kind: K }>;
}

describe('subscribe', () => {
  it('subscribes with the defaults and says when the first lesson comes', async () => {
    const reply = expectKind(await commands.subscribe(HERE, ''), 'subscription');
    expect(reply.change).toBe('subscribed');
    expect(reply.text).toBe(
      'Subscribed: this channel will get a lesson to discuss every Monday at 09:00 (Europe/London), on every theme. The first comes on Monday 23 November 2026, 09:00 (Europe/London).',
    );
    expect(reply.subscription).toMatchObject({
      channel: '#early-help',
      day: 'Monday',
      time: '09:00',
      timezone: 'Europe/London',
      themes: [],
      status: 'active',
      nextPost: 'Monday 23 November 2026, 09:00 (Europe/London)',
      nextPostAt: '2026-11-23T09:00:00.000Z',
    });
    const [stored] = await h.store.listSubscriptions();
    expect(stored).toMatchObject({
      createdBy: 'slack:U42',
      schedule: { day: 1, time: '09:00', timezone: 'Europe/London' },
    });
    const [audit] = await h.store.listAudit();
    expect(audit).toMatchObject({ actor: 'slack:U42', action: 'subscriptions.add' });
    expect(audit?.detail).toMatchObject({
      subscriptionId: stored?.id,
      change: 'subscribed',
      channel: 'C1',
    });
  });

  it('reads a day, time, zone and themes, and names the themes', async () => {
    const reply = expectKind(
      await commands.subscribe(HERE, 'wed 2.30pm europe/london themes neglect, escalation'),
      'subscription',
    );
    expect(reply.subscription).toMatchObject({
      day: 'Wednesday',
      time: '14:30',
      themes: [
        { id: 'neglect', label: 'Neglect' },
        { id: 'escalation', label: 'Escalation' },
      ],
      nextPost: 'Wednesday 25 November 2026, 14:30 (Europe/London)',
    });
    expect(reply.text).toContain(
      'every Wednesday at 14:30 (Europe/London), on Neglect and Escalation',
    );
  });

  it('gives the next post in the channel’s own zone', async () => {
    const reply = expectKind(
      await commands.subscribe(HERE, 'mon 9am Australia/Sydney'),
      'subscription',
    );
    expect(reply.subscription?.nextPost).toBe('Monday 23 November 2026, 09:00 (Australia/Sydney)');
    expect(reply.subscription?.nextPostAt).toBe('2026-11-22T22:00:00.000Z');
  });

  it('updates the channel’s subscription, changing only what was named', async () => {
    await commands.subscribe(HERE, 'wed 14:30 themes neglect');
    const reply = expectKind(await commands.subscribe(HERE, 'thursday'), 'subscription');
    expect(reply.change).toBe('updated');
    expect(reply.subscription).toMatchObject({
      day: 'Thursday',
      time: '14:30',
      themes: [{ id: 'neglect' }],
    });
    expect(reply.text).toMatch(/^Updated: this channel now gets a lesson every Thursday at 14:30/);
    expect(await h.store.listSubscriptions()).toHaveLength(1);
    const cleared = expectKind(await commands.subscribe(HERE, 'themes all'), 'subscription');
    expect(cleared.subscription?.themes).toEqual([]);
  });

  it('says nothing changed when subscribing again with the same settings, storing nothing', async () => {
    await commands.subscribe(HERE, 'tue 10:00');
    const reply = expectKind(await commands.subscribe(HERE, 'tue 10:00'), 'subscription');
    expect(reply.change).toBe('unchanged');
    expect(reply.text).toMatch(/^This channel already gets a lesson every Tuesday at 10:00/);
    expect(await h.store.listAudit()).toHaveLength(1);
  });

  it('skips a week that already had its lesson when the time changes', async () => {
    await commands.subscribe(HERE, 'mon 09:00');
    h.time.set('2026-11-23T09:05:00Z');
    await h.runner().runDue(h.time.clock());
    const reply = expectKind(await commands.subscribe(HERE, '14:00'), 'subscription');
    expect(reply.subscription?.nextPost).toBe('Monday 30 November 2026, 14:00 (Europe/London)');
  });

  it.each([
    ['funday', /did not understand “funday”/],
    ['wendesday', /Did you mean Wednesday\?/],
    ['mon 25:00', /“25:00” is not a time of day/],
    ['mon 9', /could be any time/],
    ['Europe/Londno', /Did you mean Europe\/London\?/],
    ['London', /is a city, not a timezone.*Europe\/London/],
    ['themes neglct', /no theme called “neglct”\. Did you mean “neglect”\?/],
    ['themes private fostering', /No lesson is tagged “Private fostering”/],
    ['mon fri', /Give one day/],
    ['sign us up please', /did not understand “sign”/],
  ])(
    'refuses “%s” with a message that says how to fix it, storing nothing',
    async (args, message) => {
      const reply = expectKind(await commands.subscribe(HERE, args), 'error');
      expect(reply.code).toBe('subscribe_invalid');
      expect(reply.message).toMatch(message);
      expect(
        await h.store.listSubscriptions({ status: ['active', 'inactive', 'removed'] }),
      ).toEqual([]);
      expect(await h.store.listAudit()).toEqual([]);
    },
  );

  it('offers the themes a misspelling may have meant as buttons', async () => {
    const reply = expectKind(await commands.subscribe(HERE, 'themes neglct'), 'error');
    expect(reply.suggestions).toEqual([
      { label: 'Neglect', action: { kind: 'theme', id: 'neglect', label: 'Neglect' } },
    ]);
  });
});

describe('subscription', () => {
  it('says how to subscribe when the channel is not subscribed', async () => {
    const reply = expectKind(await commands.subscription(HERE), 'subscription');
    expect(reply.change).toBe('not-subscribed');
    expect(reply.subscription).toBeNull();
    expect(reply.examples).toContain('subscribe');
  });

  it('shows the subscription and its next post', async () => {
    await commands.subscribe(HERE, 'fri 16:00 themes domestic abuse');
    const reply = expectKind(await commands.subscription(HERE), 'subscription');
    expect(reply.change).toBe('current');
    expect(reply.text).toBe(
      'This channel gets a lesson to discuss every Friday at 16:00 (Europe/London), on Domestic abuse. The next comes on Friday 20 November 2026, 16:00 (Europe/London).',
    );
  });

  it('explains a subscription stopped because the channel went away', async () => {
    await commands.subscribe(HERE, '');
    h.notifier.script('C1', gone('is_archived'));
    h.time.set('2026-11-23T09:05:00Z');
    await h.runner().runDue(h.time.clock());
    const reply = expectKind(await commands.subscription(HERE), 'subscription');
    expect(reply.subscription).toMatchObject({
      status: 'inactive',
      statusReason: 'is_archived',
      nextPost: null,
    });
    expect(reply.text).toMatch(/stopped because the bot could not post here \(is_archived\)/);
    const again = expectKind(await commands.subscribe(HERE, ''), 'subscription');
    expect(again.change).toBe('updated');
    expect(again.subscription?.status).toBe('active');
  });
});

describe('a channel the bot is not in', () => {
  it('subscribes it paused, saying how to invite the bot, and resumes it when the bot is invited', async () => {
    h.notifier.leave('C1');
    const reply = expectKind(await commands.subscribe(HERE, ''), 'subscription');
    expect(reply.change).toBe('subscribed');
    expect(reply.subscription).toMatchObject({
      status: 'paused',
      statusReason: 'not_in_channel',
      nextPost: null,
    });
    expect(reply.text).toBe(
      'Subscribed: this channel will get a lesson every Monday at 09:00 (Europe/London), on every theme, but the bot cannot post here yet (not_in_channel). To fix it, invite me with /invite @lessons-bot and the weekly lesson starts by itself.',
    );
    const shown = expectKind(await commands.subscription(HERE), 'subscription');
    expect(shown.text).toMatch(
      /is paused: the bot cannot post here \(not_in_channel\)\. To fix it, invite me with \/invite @lessons-bot/,
    );

    h.time.set('2026-11-23T09:05:00Z');
    expect((await h.runner().runDue(h.time.clock())).sent).toBe(0);
    expect(h.notifier.calls).toEqual([]);

    h.time.set('2026-11-24T12:00:00Z');
    expect(await resumeSubscription(h.store, HERE.target, 'slack:UBOT', h.time.clock())).toBe(true);
    expect(await resumeSubscription(h.store, HERE.target, 'slack:UBOT', h.time.clock())).toBe(
      false,
    );
    const back = expectKind(await commands.subscription(HERE), 'subscription');
    expect(back.subscription?.status).toBe('active');
    expect((await h.store.listAudit()).at(-1)).toMatchObject({
      actor: 'slack:UBOT',
      action: 'subscriptions.resume',
      detail: { pausedFor: 'not_in_channel' },
    });
    h.time.set('2026-11-30T09:05:00Z');
    expect((await h.runner().runDue(h.time.clock())).sent).toBe(1);
  });

  it('pauses a subscription whose post finds the bot gone, saying how to bring it back in Teams', async () => {
    const chat: Conversation = {
      target: { platform: 'teams', workspace: 'tenant', channel: '19:c@thread.tacv2' },
      userId: 'teams:u',
    };
    await commands.subscribe(chat, '');
    h.notifier.script('19:c@thread.tacv2', notInChannel('HTTP 403 BotNotInConversationRoster'));
    h.time.set('2026-11-23T09:05:00Z');
    const summary = await h.runner().runDue(h.time.clock());
    expect(summary).toMatchObject({ sent: 0, paused: 1, gone: 0 });
    expect(summary.pausedChannels[0]?.reason).toBe('HTTP 403 BotNotInConversationRoster');
    const shown = expectKind(await commands.subscription(chat), 'subscription');
    expect(shown.subscription?.status).toBe('paused');
    expect(shown.text).toMatch(
      /add lessons-bot to this team or chat again \(or @mention it here\)/,
    );
  });
});

describe('unsubscribe', () => {
  it('removes the subscription, keeps its deliveries and audits who did it', async () => {
    await commands.subscribe(HERE, '');
    h.time.set('2026-11-23T09:05:00Z');
    await h.runner().runDue(h.time.clock());
    const reply = expectKind(await commands.unsubscribe(HERE), 'subscription');
    expect(reply.change).toBe('unsubscribed');
    expect(reply.subscription?.status).toBe('removed');
    const [sub] = await h.store.listSubscriptions({ status: ['removed'] });
    expect(sub?.statusReason).toBe('unsubscribed');
    expect(await h.store.listDeliveries({ subscriptionId: sub?.id ?? '' })).toHaveLength(1);
    expect((await h.store.listAudit()).at(-1)).toMatchObject({
      actor: 'slack:U42',
      action: 'subscriptions.remove',
    });
    expect(expectKind(await commands.subscription(HERE), 'subscription').change).toBe(
      'not-subscribed',
    );
    expect(expectKind(await commands.unsubscribe(HERE), 'subscription').change).toBe(
      'not-subscribed',
    );
  });
});

describe('preview', () => {
  it('shows the lesson the runner will post next, claiming nothing', async () => {
    await commands.subscribe(HERE, 'themes domestic-abuse');
    const reply = expectKind(await commands.preview(HERE), 'briefing');
    expect(reply.preview).toBe(true);
    expect(reply.briefing.deliveryId).toBe('');
    expect(reply.briefing.period).toBe('2026-W48');
    expect(reply.nextPost).toBe('Monday 23 November 2026, 09:00 (Europe/London)');
    expect(reply.notices).toEqual([]);
    expect(await h.store.listDeliveries()).toEqual([]);
    h.time.set('2026-11-23T09:05:00Z');
    await h.runner().runDue(h.time.clock());
    const posted = h.notifier.calls[0]?.message;
    expect(posted?.kind === 'briefing' && posted.briefing.lesson.id).toBe(reply.briefing.lesson.id);
    const next = expectKind(await commands.preview(HERE), 'briefing');
    expect(next.briefing.lesson.id).not.toBe(reply.briefing.lesson.id);
    expect(next.briefing.period).toBe('2026-W49');
  });

  it('shows an unsubscribed channel what it would get, and says so', async () => {
    const reply = expectKind(await commands.preview(HERE), 'briefing');
    expect(reply.nextPost).toBeNull();
    expect(reply.notices[0]?.text).toMatch(/does not get the weekly lesson/);
  });
});

describe('publish', () => {
  beforeEach(async () => {
    await commands.subscribe(channel('C1', '#one'), '');
    await commands.subscribe(channel('C2', '#two'), '');
    await commands.subscribe(channel('C3', '#three'), '');
  });

  it('publishes a review by id and reports what reached whom', async () => {
    h.notifier.script('C3', gone('is_archived'));
    h.notifier.script('C2', notInChannel());
    const reply = expectKind(
      await commands.publish('slack:UADMIN', 'leeds-child-b', false),
      'published',
    );
    expect(reply).toMatchObject({
      round: 1,
      resumed: false,
      counts: { subscriptions: 3, sent: 1, already: 0, pending: 0, gone: 1, paused: 1, failed: 0 },
      gone: [{ label: '#three', reason: 'is_archived' }],
      paused: [{ label: '#two', reason: 'not_in_channel' }],
      notices: [],
    });
    expect(reply.review.id).toBe('leeds-child-b');
    expect(reply.text).toBe(
      'Published “Child B” (leeds, 2021) to 1 channel. 1 channel gone, now marked inactive: #three. 1 channel without the bot, now paused until it is back: #two.',
    );
    const statuses = await h.store.listSubscriptions();
    expect(statuses.map((s) => [s.target.channel, s.status, s.statusReason])).toEqual([
      ['C1', 'active', undefined],
      ['C2', 'paused', 'not_in_channel'],
      ['C3', 'inactive', 'is_archived'],
    ]);
  });

  it('resumes a published review and says how to send it again', async () => {
    await commands.publish('slack:UADMIN', 'leeds-child-b', false);
    const reply = expectKind(
      await commands.publish('slack:UADMIN', 'Leeds-Child-B', false),
      'published',
    );
    expect(reply.resumed).toBe(true);
    expect(reply.counts).toMatchObject({ sent: 0, already: 3 });
    expect(reply.text).toMatch(
      /had been published before \(round 1\): sent now to 0 channels that did not have it; 3 already had it/,
    );
    expect(reply.notices).toEqual([
      {
        kind: 'info',
        text: 'To send it to every channel again, use “publish leeds-child-b again”.',
      },
    ]);
    const again = expectKind(
      await commands.publish('slack:UADMIN', 'leeds-child-b', true),
      'published',
    );
    expect(again).toMatchObject({ round: 2, resumed: false, counts: { sent: 3 } });
  });

  it('refuses a review it cannot find exactly, suggesting close ids', async () => {
    const reply = expectKind(await commands.publish('slack:UADMIN', 'leeds-child', false), 'error');
    expect(reply.code).toBe('review_not_found');
    expect(reply.suggestions[0]).toEqual({
      label: 'leeds-child-b',
      action: { kind: 'review', id: 'leeds-child-b' },
    });
    expect(h.notifier.calls).toEqual([]);
    const empty = expectKind(await commands.publish('slack:UADMIN', '', false), 'error');
    expect(empty.message).toMatch(/Say which review/);
  });
});

describe('report', () => {
  it('summarises the ledger and audits the request', async () => {
    await commands.subscribe(HERE, '');
    h.time.set('2026-11-23T09:05:00Z');
    await h.runner().runDue(h.time.clock());
    const reply = expectKind(await commands.report('slack:UADMIN', '2026-11'), 'report');
    expect(reply.report.totals).toMatchObject({
      channels: 1,
      activeChannels: 1,
      briefingsDelivered: 1,
    });
    expect(reply.report.since).toBe('2026-11-01T00:00:00.000Z');
    expect(reply.text).toBe(
      '1 channel (1 active): 1 weekly lesson and 0 review announcements delivered; 0 teams discussed 0 posts (0 lessons), 0 plans made since 2026-11-01.',
    );
    expect((await h.store.listAudit()).at(-1)).toMatchObject({
      actor: 'slack:UADMIN',
      action: 'report',
    });
  });

  it.each(['yesterday', '2026-13-01', '2026-02-30'])('refuses “%s” as a date', async (since) => {
    const reply = expectKind(await commands.report('slack:UADMIN', since), 'error');
    expect(reply.message).toMatch(/is not a date: write it as YYYY-MM-DD/);
  });

  it('narrows to a period and a review, and quotes each review’s sentence', async () => {
    await commands.subscribe(HERE, '');
    h.time.set('2026-11-23T09:05:00Z');
    await h.runner().runDue(h.time.clock());
    const [posted] = await h.store.listDeliveries();
    const reviewId = h.corpus.lessonById.get(posted?.lessonId ?? '')?.reviewId ?? '';
    const reply = expectKind(
      await commands.report('slack:UADMIN', '2026-11', { until: '2026-11', review: reviewId }),
      'report',
    );
    expect(reply.text).toContain(
      `0 plans made since 2026-11-01 until 2026-11-30 review ${reviewId}.`,
    );
    const title = h.corpus.reviewById.get(reviewId)?.title ?? '';
    expect(reply.report.reviews).toEqual([
      {
        title,
        sentence: `The learning from ${title} reached 1 team; 0 discussed it; 0 planned a change; none has yet reported a change in practice.`,
        stages: [
          { label: 'Teams reached', count: 1 },
          { label: 'Discussed it', count: 0 },
          { label: 'Planned a change', count: 0 },
          { label: 'Changed practice (fully or in part)', count: 0 },
        ],
      },
    ]);
    expect(reply.report.reviewsOmitted).toBe(0);
    // The funnel replaces the sentences notice; only the pointer to the full pack is left.
    expect(reply.notices.map((n) => n.text)).toEqual([
      'For the full evidence pack with charts, run “lessons-bot report --format html”.',
    ]);
    expect((await h.store.listAudit()).at(-1)?.detail).toMatchObject({
      until: '2026-11-30T23:59:59.999Z',
      reviewId,
    });
    const other = expectKind(
      await commands.report('slack:UADMIN', undefined, {
        review: 'york-child-c',
        theme: 'neglect',
      }),
      'report',
    );
    expect(other.report.totals.briefingsDelivered).toBe(reviewId === 'york-child-c' ? 1 : 0);
  });

  it.each([
    [{ review: 'leeds-child-bb' }, /no review “leeds-child-bb”\. Did you mean “leeds-child-b”/],
    [{ theme: 'negleckt' }, /no theme “negleckt”\. Did you mean “neglect”/],
    [{ until: 'soon' }, /“soon” is not a date/],
    [{ stray: 'please' }, /“please” is not part of a report: each of since, until/],
    [{ until: '2026-01' }, /starts after it ends/],
    [
      { review: `${'<b>'.repeat(50_000)}` },
      /^There is no review “(<b>){20}”\. The reviews command/,
    ],
    [{ stray: 'x'.repeat(100_000) }, /^“x{40}” is not part of a report/],
  ])('refuses %j, saying what to fix, and audits nothing', async (filters, message) => {
    const audits = (await h.store.listAudit()).length;
    const reply = expectKind(await commands.report('slack:UADMIN', '2026-11', filters), 'error');
    expect(reply.message).toMatch(message);
    expect(await h.store.listAudit()).toHaveLength(audits);
  });
});

describe('reload', () => {
  it('reloads through the function main.ts gives, and audits it', async () => {
    expect(await commands.reload('cli')).toEqual({
      kind: 'notice',
      text: 'Reloaded the lessons: 10 lessons from 3 reviews.',
    });
    expect((await h.store.listAudit()).at(-1)).toMatchObject({ actor: 'cli', action: 'reload' });
  });

  it('says what is wrong with an invalid corpus and that the old one stays', async () => {
    reloaded = async () => {
      throw new CorpusError([{ file: 'lessons/x.yaml', line: 3, message: 'bad theme' }]);
    };
    const reply = expectKind(await commands.reload('cli'), 'error');
    expect(reply.message).toMatch(/lessons\/x\.yaml:3: bad theme.*unchanged/s);
  });

  it('says reloading is not available when nothing was wired', async () => {
    const bare = createBriefingCommands({
      store: h.store,
      runner: h.runner(),
      corpus: () => h.corpus,
      clock: h.time.clock,
    });
    expect(expectKind(await bare.reload('cli'), 'error').code).toBe('not_available');
  });
});

describe('through handleCommand', () => {
  const commandDeps = () => ({
    corpus: h.corpus,
    search: createSearchIndex(h.corpus),
    pageSize: 3,
    random: () => 0,
    briefings: commands,
  });

  it('runs the typed command for the conversation it came from', async () => {
    const deps = commandDeps();
    const reply = await handleCommand(parseCommand('subscribe tue 10:30 themes neglect'), deps, {
      isAdmin: false,
      where: HERE,
    });
    expect(expectKind(reply, 'subscription').subscription).toMatchObject({
      day: 'Tuesday',
      time: '10:30',
    });
    const refused = await handleCommand(parseCommand('publish leeds-child-b'), deps, {
      isAdmin: false,
      where: HERE,
    });
    expect(expectKind(refused, 'error').code).toBe('not_admin');
  });

  it('keeps every refused admin command in the audit log: who, from which platform, what', async () => {
    const deps = commandDeps();
    for (const text of ['publish leeds-child-b', 'report', 'reload'])
      await handleCommand(parseCommand(text), deps, { isAdmin: false, where: HERE });
    expect(await h.store.listAudit()).toEqual(
      ['publish', 'report', 'reload'].map((action) => ({
        at: new Date(FRIDAY),
        actor: 'slack:U42',
        action,
        detail: { outcome: 'refused', platform: 'slack' },
      })),
    );
  });
});
