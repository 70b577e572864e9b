import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  answerFollowUp,
  createBriefingCommands,
  createDeliveryRunner,
  type DeliveryRunner,
  type Store,
  saveTeamPlan,
  silentLogger,
} from '../../src/core/index.ts';
import { ukWorkingDays } from '../../src/runtime/uk-working-days.ts';
import { openStore } from '../../src/store/index.ts';
import { type DeliveryHarness, deliveryHarness } from '../helpers/delivery-harness.ts';
import { STORE_KINDS } from '../helpers/delivery-stores.ts';
import { TEST_DATABASE_URL, TestSchemas } from '../store/helpers/postgres-schemas.ts';

const schemas = TEST_DATABASE_URL ? new TestSchemas(TEST_DATABASE_URL) : undefined;
afterAll(async () => {
  await schemas?.dropAll();
});

const KINDS: { name: string; open: () => Promise<Store> }[] = [
  ...STORE_KINDS,
  ...(schemas
    ? [{ name: 'PostgreSQL store', open: async () => openStore((await schemas.create()).url) }]
    : []),
];

describe.each(KINDS)('follow-ups and reminders on the $name', ({ open }) => {
  let h: DeliveryHarness;
  afterEach(async () => {
    await h?.store.close();
  });

  /** A runner as main.ts makes one: the UK nations' bank holidays, six weeks to a follow-up. */
  function runner(owner = 'runner-a'): DeliveryRunner {
    return createDeliveryRunner({
      store: h.store,
      notifier: h.notifier,
      corpus: () => h.corpus,
      clock: h.time.clock,
      owner,
      logger: silentLogger,
      isWorkingDay: ukWorkingDays(),
      options: { sleep: h.time.sleep, random: () => 0.5, followUpWeeks: 6 },
    });
  }

  function postsOf(kind: 'briefing' | 'follow-up' | 'reminder') {
    return h.notifier.deliveredTo('C1').filter((c) => c.message.kind === kind);
  }

  async function lessonOn(at: string) {
    h.time.set(at);
    await runner().runDue(h.time.clock());
    const posted = await h.store.listDeliveries({
      kind: 'briefing',
      since: new Date(Date.parse(at) - 3_600_000),
    });
    // the lesson posted to C1 (another channel may have had its own)
    const post = posted.find((d) => d.messageRef?.startsWith('C1/'));
    if (!post) throw new Error('no lesson was posted');
    return post;
  }

  it('follows up a planned change six weeks on, at the channel’s slot, once, quoting the plan; the answer is kept', async () => {
    h = await deliveryHarness(open, '2026-11-20T12:00:00Z');
    await h.subscribe('C1');
    const lesson = await lessonOn('2026-11-23T09:05:00Z');
    h.time.set('2026-11-24T10:00:00Z');
    const planned = await saveTeamPlan(h.store, {
      deliveryId: lesson.id,
      text: 'Start a chronology at the first referral',
      at: h.time.clock(),
      from: { platform: 'slack', channel: 'C1' },
    });
    expect(planned.kind).toBe('saved');

    // the Monday before the sixth week is out: nothing yet
    h.time.set('2026-12-28T09:05:00Z');
    await runner().runDue(h.time.clock());
    expect(postsOf('follow-up')).toHaveLength(0);

    h.time.set('2027-01-04T09:05:00Z');
    await Promise.all([runner('a').runDue(h.time.clock()), runner('b').runDue(h.time.clock())]);
    await runner('c').runDue(h.time.clock());
    const followUps = postsOf('follow-up');
    expect(followUps).toHaveLength(1);
    const message = followUps[0]?.message;
    if (message?.kind !== 'follow-up') throw new Error('expected a follow-up');
    expect(message.followUp).toMatchObject({
      deliveryId: lesson.id,
      plan: 'Start a chronology at the first referral',
      weeks: 6,
      lesson: { id: lesson.lessonId },
    });
    const rows = await h.store.listDeliveries({ kind: 'follow_up' });
    expect(rows).toMatchObject([{ period: lesson.id, status: 'sent' }]);
    expect(rows[0]?.dueAt.toISOString()).toBe('2027-01-04T09:00:00.000Z');

    const refused = await answerFollowUp(h.store, () => h.corpus, {
      deliveryId: lesson.id,
      answer: 'changed',
      whatChanged: 'Chronology for Jane Smith, NHS number 943 476 5919',
      at: h.time.clock(),
      from: { platform: 'slack', channel: 'C1' },
    });
    expect(refused.kind).toBe('refused');
    expect(await h.store.listFollowUpAnswers()).toEqual([]);
    const elsewhere = await answerFollowUp(h.store, () => h.corpus, {
      deliveryId: lesson.id,
      answer: 'partly',
      at: h.time.clock(),
      from: { platform: 'slack', channel: 'C-other' },
    });
    expect(elsewhere.kind).toBe('unknown');

    const saved = await answerFollowUp(h.store, () => h.corpus, {
      deliveryId: lesson.id,
      answer: 'changed',
      whatChanged: '  Chronologies   start at intake ',
      at: h.time.clock(),
      from: { platform: 'slack', channel: 'C1' },
    });
    expect(saved).toMatchObject({ kind: 'saved', answer: 'changed' });
    if (saved.kind !== 'saved' || saved.message?.kind !== 'follow-up') throw new Error('no card');
    expect(saved.message.followUp).toMatchObject({
      answer: 'changed',
      whatChanged: 'Chronologies start at intake',
    });
    expect(await h.store.listFollowUpAnswers()).toEqual([
      {
        deliveryId: lesson.id,
        answer: 'changed',
        whatChanged: 'Chronologies start at intake',
        answeredAt: h.time.clock(),
      },
    ]);
  });

  it('asks nothing of a lesson its team made no plan for', async () => {
    h = await deliveryHarness(open, '2026-11-20T12:00:00Z');
    await h.subscribe('C1');
    const lesson = await lessonOn('2026-11-23T09:05:00Z');
    await h.store.recordTeamDiscussion(lesson.id, new Date('2026-11-24T10:00:00Z'));
    h.time.set('2027-01-04T09:05:00Z');
    await runner().runDue(h.time.clock());
    expect(postsOf('follow-up')).toHaveLength(0);
    expect(await h.store.listDeliveries({ kind: 'follow_up' })).toEqual([]);
  });

  it('reminds once, in the lesson’s thread, moved past a bank holiday to the next working day', async () => {
    h = await deliveryHarness(open, '2026-12-18T12:00:00Z');
    await h.subscribe('C1');
    const lesson = await lessonOn('2026-12-21T09:05:00Z');
    // a week on is Monday 28 December, the Boxing Day substitute bank holiday in England
    h.time.set('2026-12-28T09:05:00Z');
    await runner().runDue(h.time.clock());
    expect(postsOf('reminder')).toHaveLength(0);
    h.time.set('2026-12-29T09:05:00Z');
    await Promise.all([runner('a').runDue(h.time.clock()), runner('b').runDue(h.time.clock())]);
    await runner('c').runDue(h.time.clock());
    const reminders = postsOf('reminder');
    expect(reminders).toHaveLength(1);
    const message = reminders[0]?.message;
    if (message?.kind !== 'reminder') throw new Error('expected a reminder');
    expect(message.reminder).toMatchObject({ deliveryId: lesson.id, replyTo: lesson.messageRef });
    const [row] = await h.store.listDeliveries({ kind: 'reminder' });
    expect(row?.dueAt.toISOString()).toBe('2026-12-29T09:00:00.000Z');
    // the lesson of 28 December gets its own reminder the next working day after 4 January
    h.time.set('2027-01-06T12:00:00Z');
    await runner().runDue(h.time.clock());
    expect(postsOf('reminder')).toHaveLength(1);
  });

  it('does not remind of a discussed lesson, nor a channel that turned reminders off', async () => {
    h = await deliveryHarness(open, '2026-11-20T12:00:00Z');
    await h.subscribe('C1');
    const off = await h.store.saveSubscription(
      {
        target: { platform: 'slack', workspace: 'T1', channel: 'C2' },
        schedule: { day: 1, time: '09:00', timezone: 'Europe/London' },
        themes: [],
        reminders: false,
      },
      h.time.clock(),
    );
    const lesson = await lessonOn('2026-11-23T09:05:00Z');
    await h.store.recordTeamDiscussion(lesson.id, new Date('2026-11-25T10:00:00Z'));
    h.time.set('2026-11-30T09:05:00Z');
    await runner().runDue(h.time.clock());
    expect(postsOf('reminder')).toHaveLength(0);
    expect(h.notifier.deliveredTo('C2').filter((c) => c.message.kind === 'reminder')).toEqual([]);
    expect(await h.store.listDeliveries({ kind: 'reminder' })).toEqual([]);
    expect(off.reminders).toBe(false);
  });

  it('shows the coming follow-up and reminder in preview', async () => {
    h = await deliveryHarness(open, '2026-11-20T12:00:00Z');
    await h.subscribe('C1');
    await h.subscribe('C2');
    const planned = await lessonOn('2026-11-23T09:05:00Z');
    await saveTeamPlan(h.store, {
      deliveryId: planned.id,
      text: 'Weekly huddle on chronologies',
      at: h.time.clock(),
      from: { platform: 'slack', channel: 'C1' },
    });
    const commands = createBriefingCommands({
      store: h.store,
      runner: runner(),
      corpus: () => h.corpus,
      clock: h.time.clock,
      followUps: { weeks: 6, isWorkingDay: ukWorkingDays() },
    });
    const where = (channel: string) => ({
      target: { platform: 'slack' as const, workspace: 'T1', channel },
      userId: 'slack:U1',
    });
    const c1 = await commands.preview(where('C1'));
    const c2 = await commands.preview(where('C2'));
    if (c1.kind !== 'briefing' || c2.kind !== 'briefing') throw new Error('expected previews');
    expect(c1.notices.map((n) => n.text)).toEqual([
      expect.stringMatching(
        /^Follow-up of “.+” \(has your plan made a difference\?\): Monday 4 January 2027, 09:00/,
      ),
    ]);
    expect(c2.notices.map((n) => n.text)).toEqual([
      expect.stringMatching(
        /^Reminder of “.+”, not yet marked discussed: Monday 30 November 2026, 09:00/,
      ),
    ]);
  });
});
