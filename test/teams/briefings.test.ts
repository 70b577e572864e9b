/**
 * Weekly briefings and broadcasts through the Teams front door: activities POSTed to the
 * real Teams SDK app on 127.0.0.1, signed with a local Bot Framework key set (admins are
 * admins only where a token vouches for them), a real store (SQLite in memory, and
 * PostgreSQL when TEST_DATABASE_URL is set) whose
 * conversation references the bot fills, the real corpus, the core's delivery runner and
 * briefing commands on a fake clock, and the Teams notifier posting proactively to the
 * fake connector with a fake token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeamsNotifier } from '../../src/adapters/teams/index.ts';
import { buildReport, type Corpus, type DeliveryRunner, type Store } from '../../src/core/index.ts';
import { type VirtualTime, virtualTime } from '../helpers/delivery-clock.ts';
import { frontDoorDelivery, frontDoorStores } from '../helpers/front-door-stores.ts';
import { realDeps } from '../helpers/real-deps.ts';
import { teamsActivity } from '../helpers/teams-activities.ts';
import { cardSchemaErrors } from '../helpers/teams-card-schema.ts';
import type { PostedActivity } from '../helpers/teams-fake-connector.ts';
import { FAKE_BOT_TOKEN, fakeTokenProvider } from '../helpers/teams-fake-token.ts';
import { startTeamsHarness, type TeamsHarness } from '../helpers/teams-harness.ts';

const FRIDAY = '2026-11-20T12:00:00Z';
const TENANT = '00000000-0000-0000-0000-00000000c0de';
const CHANNEL = '19:safeguardingteam@thread.tacv2';
const PRACTITIONER = '00000000-0000-0000-0000-0000000000a1';
const COLLEAGUE = {
  id: '29:2colleague',
  name: 'A Colleague',
  aadObjectId: '00000000-0000-0000-0000-0000000000a2',
};
const ADMIN = {
  id: '29:3office',
  name: 'The Office',
  aadObjectId: '00000000-0000-0000-0000-0000000000ad',
};
const CREDENTIALS = {
  clientId: '00000000-0000-0000-0000-0000000000b0',
  tenantId: TENANT,
  allowUnauthenticated: false,
};

let h: TeamsHarness;
let store: Store;
let time: VirtualTime;
let runner: DeliveryRunner;
let corpus: Corpus;

/** A message in the channel, @mentioning the bot, as someone; its thread is `thread`. */
function inChannel(text: string, from?: object, thread = '1700000000002') {
  return teamsActivity('message-channel-mention', h.connector.serviceUrl, {
    id: `${thread}-${Math.random().toString(36).slice(2)}`,
    text: `<at>lessons-bot</at> ${text}`,
    conversation: { id: `${CHANNEL};messageid=${thread}` },
    channelData: { team: { name: 'Early Help' }, channel: { name: 'Safeguarding' } },
    ...(from ? { from } : {}),
  });
}

/** An Action.Submit pressed on the card `activityId` in the channel. */
function pressOn(activityId: string, data: unknown, from?: object) {
  return teamsActivity('message-channel-mention', h.connector.serviceUrl, {
    text: '',
    entities: [],
    value: data,
    replyToId: activityId,
    conversation: { id: `${CHANNEL};messageid=${activityId}` },
    ...(from ? { from } : {}),
  });
}

/** Sends an activity and waits for the bot's answer in the conversation. */
async function ask(activity: Record<string, unknown>): Promise<PostedActivity> {
  const before = h.connector.posted.length;
  const res = await h.post(activity);
  expect(res.status).toBe(200);
  const posted = await h.connector.waitFor(before + 1);
  return posted[before] as PostedActivity;
}

function cardOf(posted: PostedActivity | undefined) {
  const card = posted?.body.attachments?.[0]?.content;
  expect(cardSchemaErrors(card)).toEqual([]);
  return card;
}

/** Every TextBlock, fact and button title of a card, in order. */
function textOf(posted: PostedActivity | { body: PostedActivity['body'] } | undefined): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const r = node as Record<string, unknown>;
      for (const key of ['text', 'title', 'value'])
        if (typeof r[key] === 'string') out.push(r[key] as string);
      for (const [key, value] of Object.entries(r)) if (key !== 'data') walk(value);
    }
  };
  walk(posted?.body.attachments?.[0]?.content);
  return out.join('\n');
}

function submitData(posted: PostedActivity | undefined, title: RegExp): unknown {
  let found: unknown;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const r = node as Record<string, unknown>;
      if (r.type === 'Action.Submit' && typeof r.title === 'string' && title.test(r.title))
        found ??= r.data;
      Object.values(r).forEach(walk);
    }
  };
  walk(posted?.body.attachments?.[0]?.content);
  if (!found) throw new Error(`no button ${title} on the card`);
  return found;
}

describe.each(frontDoorStores())('briefings through the Teams front door, on $name', ({ open }) => {
  beforeAll(async () => {
    store = await open();
    time = virtualTime(FRIDAY);
    const deps = await realDeps();
    corpus = deps.corpus;
    // Proactive posts go through the notifier, with a fake token; the bot checks the
    // tokens of what it receives. Both use the store's conversation references.
    const notifier = createTeamsNotifier({
      teams: CREDENTIALS,
      tokenProvider: fakeTokenProvider,
      conversations: store.conversations,
    });
    const wired = frontDoorDelivery(store, notifier, deps.corpus, time);
    runner = wired.runner;
    const { briefings } = wired;
    h = await startTeamsHarness(
      {
        deps: { ...deps, briefings },
        conversations: store.conversations,
        briefings: { store },
        isAdmin: (user) => user.aadObjectId === ADMIN.aadObjectId,
        now: time.clock,
      },
      { authenticated: true },
    );
  });
  afterAll(async () => {
    await h.close();
    await store.close();
  });

  describe('subscribing a channel', () => {
    it('confirms "subscribe" in a channel with a card saying when the first lesson comes', async () => {
      const reply = await ask(inChannel('subscribe'));
      cardOf(reply);
      expect(reply.conversationId).toBe(`${CHANNEL};messageid=1700000000002`);
      expect(textOf(reply)).toContain(
        'Subscribed: this channel will get a lesson to discuss every Monday at 09:00 (Europe/London), on every theme. The first comes on Monday 23 November 2026, 09:00 (Europe/London).',
      );
      const [subscription] = await store.listSubscriptions();
      expect(subscription).toMatchObject({
        target: {
          platform: 'teams',
          workspace: TENANT,
          channel: CHANNEL,
          label: 'Early Help › Safeguarding',
        },
        createdBy: `teams:${PRACTITIONER}`,
      });
      expect(await store.conversations.get(CHANNEL)).toMatchObject({
        serviceUrl: h.connector.serviceUrl,
        conversationType: 'channel',
      });
    });

    it('answers bad input with a clear message, changing nothing', async () => {
      const reply = await ask(inChannel('subscribe funday'));
      expect(textOf(reply)).toMatch(/did not understand “funday”/);
      expect((await store.listSubscriptions())[0]?.schedule.day).toBe(1);
    });

    it('previews the next lesson only to whoever asked (a targeted message), without the button', async () => {
      const reply = await ask(inChannel('preview'));
      expect(reply.targeted).toBe(true);
      expect(reply.body.recipient).toMatchObject({ aadObjectId: PRACTITIONER, isTargeted: true });
      cardOf(reply);
      expect(textOf(reply)).toContain('Preview: lesson of the week');
      expect(textOf(reply)).toContain('It will be posted here on Monday 23 November 2026, 09:00');
      expect(textOf(reply)).not.toContain('Discussed in our team');
    });
  });

  describe('publishing a review', () => {
    it('refuses anyone who is not an admin', async () => {
      const reply = await ask(inChannel('publish croydon-claire'));
      expect(textOf(reply)).toContain('only the partnership office can do that');
      expect(await store.listBroadcasts()).toEqual([]);
    });

    it('publishes for an admin: a summary in the thread, the card in the subscribed channel', async () => {
      const before = h.connector.posted.length;
      await h.post(inChannel('publish croydon-claire', ADMIN));
      // "Publishing…" at once (a broadcast can take minutes), the card, then the summary.
      const posted = await h.connector.waitFor(before + 3);
      const fresh = posted.slice(before);
      const announcement = fresh.find((p) => p.conversationId === CHANNEL);
      const [notice, summary] = fresh.filter((p) => p.conversationId !== CHANNEL);
      expect(textOf(notice)).toContain('Publishing to every subscribed channel');
      expect(textOf(summary)).toContain('Published “Claire” (Croydon, 2017) to 1 channel.');
      expect(announcement?.conversationId).toBe(CHANNEL);
      expect(announcement?.authorization).toBe(`Bearer ${FAKE_BOT_TOKEN}`);
      cardOf(announcement);
      expect(textOf(announcement)).toContain('New review published');
      expect(textOf(announcement)).toContain('Discussed in our team');
    });
  });

  describe('"Discussed in our team" on a posted card', () => {
    let card: PostedActivity;
    let activityId: string;

    beforeAll(async () => {
      time.set('2026-11-23T09:05:00Z');
      const before = h.connector.posted.length;
      expect((await runner.runDue(time.clock())).sent).toBe(1);
      card = h.connector.posted[before] as PostedActivity;
      const [row] = await store.listDeliveries({ kind: 'briefing' });
      activityId = row?.messageRef ?? '';
    });

    it('posts the weekly lesson to the channel', () => {
      expect(card.conversationId).toBe(CHANNEL);
      cardOf(card);
      expect(textOf(card)).toContain('Lesson of the week');
      expect(textOf(card)).toContain('Questions for your team');
      expect(activityId).toMatch(/^activity-\d+$/);
    });

    it('counts each person once and updates the card in place', async () => {
      const ack = submitData(card, /^Discussed in our team/);
      await h.post(pressOn(activityId, ack));
      const [first] = await h.connector.waitForUpdates(1);
      expect(first).toMatchObject({ conversationId: CHANNEL, activityId });
      expect(textOf(first)).toContain('Discussed by this team (1 confirmed)');

      const posts = h.connector.posted.length;
      await h.post(pressOn(activityId, ack));
      await h.post(pressOn(activityId, ack, COLLEAGUE));
      // Each POST is answered once the bot has done its work: nothing more is on its way.
      const updates = await h.connector.waitForUpdates(2);
      expect(h.connector.updated).toHaveLength(2);
      expect(textOf(updates[1])).toContain('Discussed by this team (2 confirmed)');
      // One team discussion, from the first press; the presses are its confirmations.
      expect(await store.listTeamDiscussions()).toEqual([
        { deliveryId: expect.any(String), discussedAt: time.clock() },
      ]);
      // Nothing said in the channel: Teams cannot say it to one person there.
      expect(h.connector.posted).toHaveLength(posts);
      const acks = await store.listAcknowledgements();
      expect(acks.map((a) => a.userId).sort()).toEqual([
        `teams:${PRACTITIONER}`,
        `teams:${COLLEAGUE.aadObjectId}`,
      ]);
    });

    const planOn = (typed: unknown) => ({
      ...(submitData(card, /^Save our plan$/) as Record<string, unknown>),
      lessonsBotPlan: typed,
    });
    const planOf = async () => (await store.listTeamDiscussions())[0]?.plan;

    it('asks "What will we do differently?" in a labelled input of at most 280, before the card’s buttons', () => {
      const body = (cardOf(card) as { body: Array<Record<string, unknown>> }).body;
      const input = body.find((e) => e.type === 'Input.Text');
      expect(input).toMatchObject({
        id: 'lessonsBotPlan',
        label: 'What will we do differently?',
        maxLength: 280,
        isRequired: false,
      });
      const next = body[body.indexOf(input ?? {}) + 1] as { type: string; actions: unknown[] };
      expect(next).toMatchObject({ type: 'ActionSet', actions: [{ title: 'Save our plan' }] });
    });

    it("saves the team's plan, trimmed, with the delivery, and says so", async () => {
      const reply = await ask(pressOn(activityId, planOn('  Chronology at the first referral  ')));
      expect(textOf(reply)).toContain('Saved for your team: “Chronology at the first referral”');
      expect(await planOf()).toBe('Chronology at the first referral');
    });

    it.each([
      ['a date of birth', 'See Ellie, born on 3 April 2019, alone'],
      ['an NHS number', 'Chase 943 476 5919 with the GP'],
      ['an address', 'Visit 12 Acacia Avenue, SE1 7PB, weekly'],
      ['a name with a role', 'Ask Sarah Peel, the health visitor, to come'],
    ])(
      'refuses a plan with %s with the reminder, and keeps the plan stored before',
      async (_, typed) => {
        const reply = await ask(pressOn(activityId, planOn(typed), COLLEAGUE));
        expect(textOf(reply)).toMatch(/case details.*not saved.*without names, dates of birth/);
        expect(textOf(reply)).not.toContain(typed.slice(0, 12));
        expect(await planOf()).toBe('Chronology at the first referral');
      },
    );

    it('saves nothing for an empty, hostile or huge plan, or one on a card from elsewhere', async () => {
      expect(textOf(await ask(pressOn(activityId, planOn('   '))))).toContain('Nothing was saved');
      expect(textOf(await ask(pressOn(activityId, planOn({ $ne: 1 }))))).toContain(
        'Nothing was saved',
      );
      expect(textOf(await ask(pressOn(activityId, planOn('y'.repeat(50_000)))))).toContain(
        'Please keep it to 280 characters (this is 50000)',
      );
      const forged = {
        lessonsBot: { v: 1, action: { kind: 'plan', deliveryId: 'no-such' } },
        lessonsBotPlan: 'Weekly huddle',
      };
      expect(textOf(await ask(pressOn('activity-x', forged)))).toContain(
        'not one the bot posted in this conversation',
      );
      expect(await planOf()).toBe('Chronology at the first referral');
    });

    it('answers "More on this theme" as a reply in the card’s thread', async () => {
      const reply = await ask(pressOn(activityId, submitData(card, /^More on this theme$/)));
      expect(reply.conversationId).toBe(`${CHANNEL};messageid=${activityId}`);
      expect(textOf(reply)).toMatch(/^Lessons on /);
    });

    it('reports to an admin privately: other teams’ names and counts are not for the channel', async () => {
      const reply = await ask(inChannel('report', ADMIN));
      expect(reply.targeted).toBe(true);
      expect(textOf(reply)).toContain(
        '1 weekly lesson and 1 review announcement delivered; 1 team discussed 1 post (1 lesson), 1 plan made',
      );
      expect(textOf(reply)).toContain('Early Help › Safeguarding');
    });

    it('shows the admin each review’s funnel as facts, with the numbers of the evidence pack', async () => {
      const reply = await ask(inChannel('report', ADMIN));
      const card = reply?.body.attachments?.[0]?.content as { body?: Record<string, unknown>[] };
      const body = card?.body ?? [];
      // A review's funnel: a FactSet whose first fact is the teams reached, after its sentence.
      const funnels = body.flatMap((e, i) => {
        const facts = e.type === 'FactSet' ? (e.facts as { title: string; value: string }[]) : [];
        return facts[0]?.title === 'Teams reached' ? [{ sentence: body[i - 1]?.text, facts }] : [];
      });
      expect(funnels[0]).toEqual({
        sentence:
          'The learning from Children P reached 1 team; 1 discussed it; 1 planned a change; none has yet reported a change in practice.',
        facts: [
          { title: 'Teams reached', value: '1' },
          { title: 'Discussed it', value: '1 of 1 (100%)' },
          { title: 'Planned a change', value: '1 of 1 (100%)' },
          { title: 'Changed practice (fully or in part)', value: '0 of 1 (0%)' },
        ],
      });
      const pack = (await buildReport(store, corpus, { now: time.clock() })).evidence.reviews;
      expect(funnels).toHaveLength(Math.min(3, pack.length));
      funnels.forEach(({ sentence, facts }, i) => {
        const r = pack[i];
        expect(sentence).toBe(r?.sentence);
        expect(facts.map((f) => f.value.split(' (')[0])).toEqual([
          `${r?.teamsReached}`,
          `${r?.teamsDiscussed} of ${r?.teamsReached}`,
          `${r?.teamsPlanned} of ${r?.teamsReached}`,
          `${r?.teamsChanged} of ${r?.teamsReached}`,
        ]);
      });
    });

    it('records nothing for a card the bot did not post in this conversation', async () => {
      const reply = await ask(
        pressOn('activity-x', {
          lessonsBot: { v: 1, action: { kind: 'ack', deliveryId: 'no-such' } },
        }),
      );
      expect(textOf(reply)).toContain('not one the bot posted in this conversation');
      expect(await store.listAcknowledgements()).toHaveLength(2);
    });
  });

  describe('a channel the bot was removed from', () => {
    it('pauses its subscription on a 403, and resumes it on the next message there', async () => {
      time.set('2026-11-30T09:05:00Z');
      h.connector.answerNext({ status: 403, code: 'BotNotInConversationRoster' });
      const summary = await runner.runDue(time.clock());
      expect(summary).toMatchObject({ sent: 0, paused: 1, gone: 0 });
      const where = { platform: 'teams' as const, workspace: TENANT, channel: CHANNEL };
      expect(await store.findSubscription(where)).toMatchObject({
        status: 'paused',
        statusReason: 'HTTP 403 BotNotInConversationRoster',
      });

      time.set('2026-12-01T10:00:00Z');
      const reply = await ask(inChannel('subscription'));
      expect(textOf(reply)).toContain('This channel gets a lesson to discuss every Monday');
      expect((await store.findSubscription(where))?.status).toBe('active');
      expect((await store.listAudit()).at(-1)).toMatchObject({
        action: 'subscriptions.resume',
        detail: { pausedFor: 'HTTP 403 BotNotInConversationRoster' },
      });
    });

    it('resumes a paused subscription when the app is installed there again', async () => {
      const where = { platform: 'teams' as const, workspace: TENANT, channel: CHANNEL };
      const subscription = await store.findSubscription(where);
      await store.setSubscriptionStatus(subscription?.id ?? '', 'paused', 'HTTP 404', time.clock());
      const install = teamsActivity('install-add-team', h.connector.serviceUrl, {
        conversation: { id: CHANNEL, conversationType: 'channel', tenantId: TENANT },
      });
      expect((await h.post(install)).status).toBeLessThan(300);
      expect((await store.findSubscription(where))?.status).toBe('active');
    });
  });

  describe('a follow-up six weeks on, and a reminder as a reply', () => {
    let followUp: PostedActivity;
    let followUpId: string;

    beforeAll(async () => {
      // the lesson of Monday 23 November, its plan saved, six weeks on
      time.set('2027-01-04T09:05:00Z');
      const before = h.connector.posted.length;
      await runner.runDue(time.clock());
      await runner.runDue(time.clock());
      const asked = h.connector.posted
        .slice(before)
        .filter((p) => textOf(p).includes('Has it made a difference?'));
      expect(asked).toHaveLength(1);
      followUp = asked[0] as PostedActivity;
      const [row] = await store.listDeliveries({ kind: 'follow_up' });
      followUpId = row?.messageRef ?? '';
    });

    const answerOn = (title: RegExp, typed: unknown) => ({
      ...(submitData(followUp, title) as Record<string, unknown>),
      lessonsBotPlan: typed,
    });

    it('quotes the plan, with a labelled "What changed (optional)" of at most 280 and four answers', () => {
      expect(followUp.conversationId).toBe(CHANNEL);
      const card = cardOf(followUp) as {
        body: Array<Record<string, unknown>>;
        fallbackText?: string;
      };
      expect(textOf(followUp)).toContain('Chronology at the first referral');
      const input = card.body.find((e) => e.type === 'Input.Text');
      expect(input).toMatchObject({
        label: 'What changed (optional)',
        maxLength: 280,
        isRequired: false,
      });
      for (const title of [
        /^Yes, our practice has changed$/,
        /^Partly$/,
        /^Not yet$/,
        /^We decided against it$/,
      ])
        expect(submitData(followUp, title)).toBeTruthy();
    });

    it('refuses "what changed" with case details, storing nothing, then keeps the answer', async () => {
      const refused = await ask(
        pressOn(followUpId, answerOn(/^Partly$/, 'Chase 943 476 5919 with the GP')),
      );
      expect(textOf(refused)).toMatch(/case details.*not saved/);
      expect(textOf(refused)).not.toContain('943 476');
      expect(await store.listFollowUpAnswers()).toEqual([]);

      // the follow-up card itself is redrawn with the answer; nothing new in the channel
      const posts = h.connector.posted.length;
      const updates = h.connector.updated.length;
      await h.post(
        pressOn(followUpId, answerOn(/^Partly$/, '  Huddles start with the chronology ')),
      );
      const reply = (await h.connector.waitForUpdates(updates + 1))[updates];
      expect(reply).toMatchObject({ conversationId: CHANNEL, activityId: followUpId });
      cardOf(reply as unknown as PostedActivity);
      expect(textOf(reply)).toContain('Your team answered: Partly');
      expect(textOf(reply)).toContain('What changed: Huddles start with the chronology');
      expect(JSON.stringify(reply?.body)).not.toContain('Input.Text');
      expect(h.connector.posted).toHaveLength(posts);
      const [lesson] = await store.listDeliveries({ kind: 'briefing' });
      expect(await store.listFollowUpAnswers()).toMatchObject([
        {
          deliveryId: lesson?.id,
          answer: 'partly',
          whatChanged: 'Huddles start with the chronology',
        },
      ]);
    });

    it('sends the answered card below when Teams will not redraw the follow-up', async () => {
      h.connector.answerNext({ status: 403, code: 'BotNotInConversationRoster' });
      const reply = await ask(pressOn(followUpId, answerOn(/^Not yet$/, '')));
      expect(h.connector.refused.at(-1)).toBe('PUT 403');
      expect(reply.conversationId).toContain(CHANNEL);
      cardOf(reply);
      expect(textOf(reply)).toContain('Your team answered: Not yet');
      expect(await store.listFollowUpAnswers()).toMatchObject([{ answer: 'not-yet' }]);
      // a later answer replaces it, and the card is redrawn again
      const updates = h.connector.updated.length;
      await h.post(pressOn(followUpId, answerOn(/^Partly$/, 'Huddles start with the chronology')));
      await h.connector.waitForUpdates(updates + 1);
      expect(await store.listFollowUpAnswers()).toMatchObject([{ answer: 'partly' }]);
    });

    it('saves nothing for an answer naming a card the bot did not post here', async () => {
      const [lesson] = await store.listDeliveries({ kind: 'briefing' });
      const forged = JSON.parse(
        JSON.stringify(answerOn(/^Not yet$/, '')).replace(lesson?.id ?? '-', 'no-such-delivery'),
      ) as unknown;
      const reply = await ask(pressOn(followUpId, forged));
      expect(textOf(reply)).toContain('not one the bot posted in this conversation');
      expect(await store.listFollowUpAnswers()).toMatchObject([{ answer: 'partly' }]);
    });

    it('reports the answer: the review of the lesson followed up counts its team as changed', async () => {
      const pack = (await buildReport(store, corpus, { now: time.clock() })).evidence.reviews;
      const followed = pack.find((r) => r.followUps.partly > 0);
      expect(followed).toMatchObject({ teamsPlanned: 1, teamsChanged: 1 });
      expect(followed?.sentence).toMatch(
        /; 1 discussed it; 1 planned a change; 1 reports a change in practice\.$/,
      );
      const reply = await ask(inChannel(`report review ${followed?.reviewId}`, ADMIN));
      expect(textOf(reply)).toContain(followed?.sentence);
      expect(textOf(reply)).toContain(
        `Changed practice (fully or in part)\n1 of ${followed?.teamsReached}`,
      );
    });

    it('reminds once, as a reply to a lesson nobody marked discussed, a week on', async () => {
      const lessons = await store.listDeliveries({
        kind: 'briefing',
        since: new Date('2027-01-04T00:00:00Z'),
      });
      const lessonId = lessons[0]?.messageRef ?? '';
      expect(lessonId).toMatch(/^activity-/);
      time.set('2027-01-11T09:05:00Z');
      const before = h.connector.posted.length;
      await runner.runDue(time.clock());
      await runner.runDue(time.clock());
      const replies = h.connector.posted
        .slice(before)
        .filter((p) => p.conversationId === `${CHANNEL};messageid=${lessonId}`);
      expect(replies).toHaveLength(1);
      cardOf(replies[0]);
      expect(textOf(replies[0])).toMatch(/A reminder: has your team discussed “.+”\?/);
    });
  });
});
