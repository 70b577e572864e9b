/**
 * Weekly briefings and broadcasts through the Slack front door: signed slash commands and
 * block_actions against the real Bolt app, a real store (SQLite in memory, and PostgreSQL
 * when TEST_DATABASE_URL is set), the real corpus,
 * the core's delivery runner and briefing commands on a fake clock, and the Slack notifier
 * posting to the fake Web API.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSlackNotifier } from '../../src/adapters/slack/index.ts';
import { buildReport, type Corpus, type DeliveryRunner, type Store } from '../../src/core/index.ts';
import { type VirtualTime, virtualTime } from '../helpers/delivery-clock.ts';
import { frontDoorDelivery, frontDoorStores } from '../helpers/front-door-stores.ts';
import { blockKitProblems, buttonActions, visibleTexts } from '../helpers/slack-blocks.ts';
import { type HttpHarness, realDeps, startHttpHarness } from '../helpers/slack-harness.ts';
import {
  appHomeOpenedBody,
  pressButton,
  sendEvent,
  slashCommand,
} from '../helpers/slack-signing.ts';
import { submitView } from '../helpers/slack-views.ts';

interface Message {
  text: string;
  blocks: Array<{ type: string; elements?: unknown[] }>;
  response_type?: string;
  replace_original?: boolean;
}
interface Button {
  type: 'button';
  action_id: string;
  value: string;
  text: { text: string };
}

interface PlanModal {
  callback_id: string;
  private_metadata?: string;
  blocks: Array<Record<string, unknown> & { type: string }>;
}

const acks0At = (acks: readonly { at: Date }[]) => acks.map((a) => a.at).sort((a, b) => +a - +b)[0];

const FRIDAY = '2026-11-20T12:00:00Z';
const ADMIN = 'UADMIN';
/** Slack's channel ids look like this; the Home tab links them. */
const C1 = 'C0EARLYHELP';

let h: HttpHarness;
let store: Store;
let time: VirtualTime;
let runner: DeliveryRunner;
let corpus: Corpus;

async function command(
  text: string,
  options: { user?: string; channel?: string; name?: string } = {},
): Promise<Message> {
  const res = await slashCommand(h.eventsUrl, {
    text,
    response_url: h.api.responseUrl(),
    user_id: options.user ?? 'U123',
    channel_id: options.channel ?? C1,
    channel_name: options.name ?? 'early-help',
  });
  expect(res.status).toBe(200);
  const message = (await res.json()) as Message;
  expect(blockKitProblems(message, { surface: 'message' })).toEqual([]);
  return message;
}

const textOf = (message: Message) => visibleTexts(message).join('\n');

function buttonOn(message: Message, kind: string): Button {
  const found = message.blocks
    .flatMap((b) => (b.elements ?? []) as Button[])
    .find((e) => e.type === 'button' && (JSON.parse(e.value) as { kind: string }).kind === kind);
  if (!found) throw new Error(`no ${kind} button in ${JSON.stringify(buttonActions(message))}`);
  return found;
}

/** Presses a button on a card the bot posted in the channel; resolves with what came back on the response_url. */
async function pressOnCard(
  button: Button,
  user: string,
  messageTs: string,
  typed?: Record<string, unknown>,
): Promise<Message> {
  const id = `r-${user}-${Math.random().toString(36).slice(2)}`;
  const res = await pressButton(h.eventsUrl, {
    button,
    response_url: h.api.responseUrl(id),
    user_id: user,
    channel_id: C1,
    message_ts: messageTs,
    ephemeral: false,
    ...(typed ? { typed } : {}),
  });
  expect(res.status).toBe(200);
  await h.api.waitFor(() => h.api.responsePosts.some((p) => p.id === id), `a response to ${id}`);
  return h.api.responsePosts.find((p) => p.id === id)?.body as unknown as Message;
}

describe.each(frontDoorStores())('briefings through the Slack front door, on $name', ({ open }) => {
  beforeAll(async () => {
    store = await open();
    time = virtualTime(FRIDAY);
    h = await startHttpHarness(async (api) => {
      const deps = await realDeps();
      corpus = deps.corpus;
      const notifier = createSlackNotifier({ botToken: 'xoxb-test', apiUrl: api.apiUrl });
      const wired = frontDoorDelivery(store, notifier, deps.corpus, time);
      runner = wired.runner;
      const { briefings } = wired;
      return {
        deps: { ...deps, briefings },
        admins: [ADMIN],
        briefings: { store, clock: time.clock },
      };
    });
  });
  afterAll(async () => {
    await h.close();
    await store.close();
  });
  beforeEach(() => {
    h.api.calls.length = 0;
    h.api.responsePosts.length = 0;
  });

  describe('subscribing a channel', () => {
    it('confirms /lessons subscribe tue 10:30 Europe/London themes neglect with the next post time', async () => {
      const reply = await command('subscribe tue 10:30 Europe/London themes neglect');
      expect(reply.response_type).toBe('ephemeral');
      expect(textOf(reply)).toContain(
        'Subscribed: this channel will get a lesson to discuss every Tuesday at 10:30 (Europe/London), on Neglect. The first comes on Tuesday 24 November 2026, 10:30 (Europe/London).',
      );
      const [subscription] = await store.listSubscriptions();
      expect(subscription).toMatchObject({
        target: { platform: 'slack', workspace: 'T1', channel: C1, label: '#early-help' },
        schedule: { day: 2, time: '10:30', timezone: 'Europe/London' },
        themes: ['neglect'],
        createdBy: 'slack:U123',
      });
    });

    it('answers bad input with a clear message that says how to fix it, storing nothing', async () => {
      const reply = await command('subscribe funday 25:00', { channel: 'C2', name: 'other' });
      expect(textOf(reply)).toMatch(/did not understand “funday”/);
      expect(
        await store.findSubscription({ platform: 'slack', workspace: 'T1', channel: 'C2' }),
      ).toBe(undefined);
    });

    it('shows the subscription, and the channel in the Home tab with its next post', async () => {
      expect(textOf(await command('subscription'))).toContain('every Tuesday at 10:30');
      await sendEvent(h.eventsUrl, appHomeOpenedBody('U555'));
      await h.api.waitFor(() => h.api.callsTo('views.publish').length === 1, 'views.publish');
      const view = h.api.callsTo('views.publish')[0]?.args.view as Message;
      expect(blockKitProblems(view, { surface: 'home', channels: [C1] })).toEqual([]);
      expect(textOf(view)).toContain(
        `• <#${C1}> — every Tuesday at 10:30 (Europe/London) · themes: Neglect · next: Tuesday 24 November 2026, 10:30 (Europe/London)`,
      );
    });

    it('previews the next lesson privately, without a "Discussed in our team" button', async () => {
      const reply = await command('preview');
      expect(reply.response_type).toBe('ephemeral');
      expect(textOf(reply)).toContain('Preview: lesson of the week');
      expect(textOf(reply)).toContain(
        'It will be posted in this channel on Tuesday 24 November 2026',
      );
      expect(buttonActions(reply).map((b) => b.action.kind)).not.toContain('ack');
      expect(h.api.callsTo('chat.postMessage')).toEqual([]);
    });
  });

  describe('publishing a review', () => {
    it('refuses anyone who is not an admin', async () => {
      const reply = await command('publish croydon-claire', { user: 'U999' });
      expect(textOf(reply)).toContain('only the partnership office can do that');
      expect(h.api.callsTo('chat.postMessage')).toEqual([]);
    });

    it('publishes for an admin and posts the announcement to the subscribed channel', async () => {
      const posts = h.api.responsePosts.length;
      const ack = await command('publish croydon-claire', { user: ADMIN });
      // Acknowledged at once (a broadcast can take minutes), answered through the response_url.
      expect(textOf(ack)).toContain('Publishing to every subscribed channel');
      await h.api.waitFor(() => h.api.responsePosts.length > posts, 'the late answer');
      const reply = h.api.responsePosts.at(-1)?.body as unknown as Message;
      expect(blockKitProblems(reply, { surface: 'message' })).toEqual([]);
      expect(textOf(reply)).toContain('Published “Claire” (Croydon, 2017) to 1 channel.');
      const [post] = h.api.callsTo('chat.postMessage');
      expect(post?.args).toMatchObject({ channel: C1, unfurl_links: 'false' });
      const card = post?.args as unknown as Message;
      expect(blockKitProblems(card, { surface: 'message' })).toEqual([]);
      expect(textOf(card)).toContain('New review published');
      expect(buttonActions(card).map((b) => b.label)).toContain('Discussed in our team');
      const publishes = (await store.listAudit()).filter((a) => a.action === 'publish');
      // The refusal of the test before, then this one.
      expect(publishes.map((a) => [a.actor, a.detail.outcome])).toEqual([
        ['slack:U999', 'refused'],
        [`slack:${ADMIN}`, undefined],
      ]);
    });
  });

  describe('"Discussed in our team" on a posted card', () => {
    let card: Message;
    let ts: string;

    beforeAll(async () => {
      // Tuesday 10:35 in London: the weekly lesson is due.
      time.set('2026-11-24T10:35:00Z');
      const summary = await runner.runDue(time.clock());
      expect(summary.sent).toBe(1);
      const post = h.api.callsTo('chat.postMessage').at(-1);
      card = post?.args as unknown as Message;
      const [row] = await store.listDeliveries({ kind: 'briefing' });
      ts = row?.messageRef?.split('/')[1] ?? '';
    });

    it('posts the weekly lesson with the button', () => {
      expect(textOf(card)).toContain('Lesson of the week');
      expect(textOf(card)).toContain('Questions for your team');
      expect(buttonActions(card).map((b) => b.label)).toEqual([
        'Discussed in our team',
        'What will we do differently?',
        'More on this theme',
      ]);
    });

    it('counts each person once and updates the card in place', async () => {
      const ack = buttonOn(card, 'ack');
      const first = await pressOnCard(ack, 'U1', ts);
      expect(first.replace_original).toBe(true);
      expect(blockKitProblems(first, { surface: 'message' })).toEqual([]);
      expect(buttonActions(first)[0]?.label).toBe('Discussed by this team (1 confirmed)');

      const again = await pressOnCard(ack, 'U1', ts);
      expect(again.replace_original).toBe(false);
      expect(again.response_type).toBe('ephemeral');
      expect(textOf(again)).toContain('You have already marked this as discussed');

      const second = await pressOnCard(ack, 'U2', ts);
      expect(second.replace_original).toBe(true);
      expect(buttonActions(second)[0]?.label).toBe('Discussed by this team (2 confirmed)');
      const [discussion] = await store.listTeamDiscussions();
      expect(discussion?.discussedAt).toEqual(acks0At(await store.listAcknowledgements()));
      expect(textOf(second)).toContain(textOf(card).split('\n')[2] ?? 'missing');

      const acks = await store.listAcknowledgements();
      expect(acks.map((a) => a.userId).sort()).toEqual(['slack:U1', 'slack:U2']);
    });

    it('counts a redelivered click once, and says nothing twice', async () => {
      const ack = buttonOn(card, 'ack');
      const payload = {
        button: ack,
        response_url: h.api.responseUrl('retried'),
        user_id: 'U3',
        channel_id: C1,
        message_ts: ts,
        ephemeral: false,
        action_ts: '1700000500.000001',
      };
      await pressButton(h.eventsUrl, payload);
      await pressButton(h.eventsUrl, payload, { headers: { 'x-slack-retry-num': '1' } });
      await h.api.waitFor(() => h.api.responsePosts.some((p) => p.id === 'retried'), 'a response');
      await new Promise((r) => setTimeout(r, 200));
      expect(h.api.responsePosts.filter((p) => p.id === 'retried')).toHaveLength(1);
      expect((await store.listAcknowledgements()).length).toBe(3);
    });

    it('records nothing for a button copied into another channel', async () => {
      const res = await pressButton(h.eventsUrl, {
        button: buttonOn(card, 'ack'),
        response_url: h.api.responseUrl('elsewhere'),
        user_id: 'U4',
        channel_id: 'C9',
        ephemeral: false,
      });
      expect(res.status).toBe(200);
      await h.api.waitFor(
        () => h.api.responsePosts.some((p) => p.id === 'elsewhere'),
        'a response',
      );
      const answer = h.api.responsePosts.find((p) => p.id === 'elsewhere')
        ?.body as unknown as Message;
      expect(answer.replace_original).toBe(false);
      expect(textOf(answer)).toContain('not one the bot posted in this channel');
      expect((await store.listAcknowledgements()).length).toBe(3);
    });

    /** Presses "What will we do differently?" and returns the modal views.open was given. */
    async function openPlan(user: string, channel = C1): Promise<PlanModal> {
      const before = h.api.callsTo('views.open').length;
      const res = await pressButton(h.eventsUrl, {
        button: buttonOn(card, 'plan'),
        response_url: h.api.responseUrl(`plan-${user}`),
        user_id: user,
        channel_id: channel,
        message_ts: ts,
        ephemeral: false,
      });
      expect(res.status).toBe(200);
      await h.api.waitFor(() => h.api.callsTo('views.open').length > before, 'views.open');
      const call = h.api.callsTo('views.open').at(-1);
      expect(call?.args.trigger_id).toBe('1.2.3');
      const view = call?.args.view;
      return (typeof view === 'string' ? JSON.parse(view) : view) as PlanModal;
    }

    async function submitPlan(modal: PlanModal, value: string | null) {
      const res = await submitView(h.eventsUrl, {
        view: modal,
        values: { plan: { plan: value } },
        user_id: 'U6',
      });
      expect(res.status).toBe(200);
      return (await res.json()) as {
        response_action: string;
        errors?: Record<string, string>;
        view?: Message;
      };
    }

    it('opens a modal asking "What will we do differently?" in one optional line of 280', async () => {
      const modal = await openPlan('U6');
      expect(modal).toMatchObject({ type: 'modal', callback_id: 'lessons:plan' });
      const input = modal.blocks.find((b) => b.type === 'input');
      expect(input).toMatchObject({
        optional: true,
        label: { text: 'What will we do differently?' },
        element: { type: 'plain_text_input', max_length: 280, multiline: false },
      });
    });

    it("saves the team's plan trimmed, with the delivery, and says so in the modal", async () => {
      const answer = await submitPlan(
        await openPlan('U6'),
        '  Start a chronology at the first referral ',
      );
      expect(answer.response_action).toBe('update');
      expect(textOf(answer.view as Message)).toContain(
        'Saved for your team: “Start a chronology at the first referral”',
      );
      const [row] = await store.listDeliveries({ kind: 'briefing' });
      const discussion = (await store.listTeamDiscussions()).find((d) => d.deliveryId === row?.id);
      expect(discussion?.plan).toBe('Start a chronology at the first referral');
    });

    it.each([
      ['a date of birth', 'Make sure Ellie (DOB 03/04/2019) is seen alone'],
      ['an NHS number', 'Chase 943 476 5919 with the GP'],
      ['an address', 'Visit 12 Acacia Avenue every week'],
    ])(
      'refuses a plan with %s with the reminder on the input, storing nothing',
      async (_, text) => {
        const before = await store.listTeamDiscussions();
        const answer = await submitPlan(await openPlan('U7'), text);
        expect(answer.response_action).toBe('errors');
        expect(answer.errors?.plan).toMatch(
          /case details.*not saved.*without names, dates of birth/,
        );
        expect(await store.listTeamDiscussions()).toEqual(before);
      },
    );

    it('saves nothing for an empty plan, a hostile one, or one opened in another channel', async () => {
      const before = await store.listTeamDiscussions();
      const empty = await submitPlan(await openPlan('U8'), null);
      expect(empty.response_action).toBe('update');
      expect(textOf(empty.view as Message)).toContain('Nothing was saved');
      const huge = await submitPlan(await openPlan('U8'), 'x'.repeat(100_000));
      expect(huge.errors?.plan).toBe(
        'Please keep it to 280 characters (this is 100000), so it was not saved.',
      );
      const elsewhere = await submitPlan(await openPlan('U8', 'C9'), 'Weekly huddle');
      expect(elsewhere.errors?.plan).toContain('not one the bot posted in this channel');
      const forged = await submitPlan(
        { callback_id: 'lessons:plan', private_metadata: '{"d":1}', blocks: [] },
        'Weekly huddle',
      );
      expect(forged.errors?.plan).toContain('not one the bot posted');
      expect(await store.listTeamDiscussions()).toEqual(before);
    });

    it('answers "More on this theme" privately, leaving the card in the channel as it is', async () => {
      const theme = buttonOn(card, 'theme');
      const { label } = JSON.parse(theme.value) as { label: string };
      const more = await pressOnCard(theme, 'U5', ts);
      expect(more.response_type).toBe('ephemeral');
      expect(more.replace_original).toBe(false);
      expect(textOf(more)).toContain(`Lessons on ${label}`);
    });
  });

  describe('report', () => {
    it('shows the admin what reached the channel and what was discussed', async () => {
      const reply = await command('report', { user: ADMIN });
      expect(textOf(reply)).toContain(
        '1 channel (1 active): 1 weekly lesson and 1 review announcement delivered; 1 team discussed 1 post (1 lesson), 1 plan made',
      );
      expect(textOf(reply)).toContain('*#early-help* · Slack');
    });

    it('shows each review’s funnel as a table, with the numbers of the evidence pack', async () => {
      const reply = await command('report', { user: ADMIN });
      const funnels = reply.blocks.flatMap((b) => {
        const block = b as { text?: { text: string }; fields?: { text: string }[] };
        return block.fields ? [[block.text?.text, ...block.fields.map((f) => f.text)]] : [];
      });
      expect(funnels[0]).toEqual([
        'The learning from Children P reached 1 team; 1 discussed it; 1 planned a change; none has yet reported a change in practice.',
        '*Teams reached*',
        '1',
        '*Discussed it*',
        '1 of 1 (100%)',
        '*Planned a change*',
        '1 of 1 (100%)',
        '*Changed practice (fully or in part)*',
        '0 of 1 (0%)',
      ]);
      const pack = (await buildReport(store, corpus, { now: time.clock() })).evidence.reviews;
      expect(funnels).toHaveLength(Math.min(3, pack.length));
      funnels.forEach((shown, i) => {
        const r = pack[i];
        expect(shown[0]).toBe(r?.sentence);
        expect(shown.filter((_, j) => j >= 2 && j % 2 === 0).map((v) => v?.split(' (')[0])).toEqual(
          [
            `${r?.teamsReached}`,
            `${r?.teamsDiscussed} of ${r?.teamsReached}`,
            `${r?.teamsPlanned} of ${r?.teamsReached}`,
            `${r?.teamsChanged} of ${r?.teamsReached}`,
          ],
        );
      });
      expect(reply.text).toMatch(/^Dissemination report: 1 channel \(1 active\)/);
      expect(
        reply.blocks.filter((b) => JSON.stringify(b).includes('1 channel (1 active)')),
      ).toHaveLength(1);
    });
  });

  describe('a channel the bot is not in', () => {
    const OUTSIDE = 'C0NOTINVITED';
    const joined = (user: string, inviter: string) => ({
      ...appHomeOpenedBody(),
      event_id: `Ev-${user}`,
      event: {
        type: 'member_joined_channel',
        user,
        channel: OUTSIDE,
        channel_type: 'C',
        team: 'T1',
        inviter,
        event_ts: '1700000003.000100',
      },
    });
    const subscriptionHere = () =>
      store.findSubscription({ platform: 'slack', workspace: 'T1', channel: OUTSIDE });

    it('subscribes it paused and says to invite the bot, and the Home tab shows it', async () => {
      h.api.answer('conversations.info', (args) => ({
        ok: true,
        channel: { id: args.channel, is_member: args.channel !== OUTSIDE },
      }));
      const reply = await command('subscribe', { channel: OUTSIDE, name: 'new-team' });
      expect(textOf(reply)).toContain(
        'but the bot cannot post here yet (not_in_channel). To fix it, invite me with /invite @lessons-bot and the weekly lesson starts by itself.',
      );
      expect(await subscriptionHere()).toMatchObject({
        status: 'paused',
        statusReason: 'not_in_channel',
      });
      expect(textOf(await command('subscription', { channel: OUTSIDE }))).toMatch(
        /is paused: the bot cannot post here \(not_in_channel\)/,
      );
      await sendEvent(h.eventsUrl, appHomeOpenedBody('U556'));
      await h.api.waitFor(() => h.api.callsTo('views.publish').length === 1, 'views.publish');
      const view = h.api.callsTo('views.publish')[0]?.args.view as Message;
      expect(textOf(view)).toContain(
        `• <#${OUTSIDE}> — every Monday at 09:00 (Europe/London) · paused until the bot is invited: \`/invite @lessons-bot\` (not_in_channel)`,
      );
    });

    it('resumes it when the bot itself joins the channel, not when someone else does', async () => {
      expect((await sendEvent(h.eventsUrl, joined('U777', 'U999'))).status).toBe(200);
      expect((await sendEvent(h.eventsUrl, joined('UBOT', 'U123'))).status).toBe(200);
      // Bolt acknowledges an event before its listener has run
      for (let i = 0; i < 100 && (await subscriptionHere())?.status !== 'active'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect((await subscriptionHere())?.status).toBe('active');
      const resumes = (await store.listAudit()).filter((e) => e.action === 'subscriptions.resume');
      expect(resumes).toEqual([
        expect.objectContaining({
          actor: 'slack:U123',
          detail: expect.objectContaining({ channel: OUTSIDE, pausedFor: 'not_in_channel' }),
        }),
      ]);
    });
  });

  describe('a follow-up six weeks on, and a reminder in the thread', () => {
    let followUpCard: Message;
    let followUpTs: string;
    const posts = () => h.api.callsTo('chat.postMessage').map((c) => c.args as unknown as Message);

    it('asks "Has it made a difference?" at the channel’s slot, quoting the plan, and keeps the answer', async () => {
      // the lesson of Tuesday 24 November 10:30, six weeks on
      time.set('2027-01-05T10:35:00Z');
      await runner.runDue(time.clock());
      await runner.runDue(time.clock());
      const asked = posts().filter((m) => m.text.startsWith('Has it made a difference?'));
      expect(asked).toHaveLength(1);
      const card = asked[0] as Message;
      expect(blockKitProblems(card, { surface: 'message' })).toEqual([]);
      expect(textOf(card)).toContain('Start a chronology at the first referral');
      expect(buttonActions(card).map((b) => b.label)).toEqual([
        'Yes, our practice has changed',
        'Partly',
        'Not yet',
        'We decided against it',
      ]);
      // "What changed", one optional line typed before an answer is pressed
      const inputAt = card.blocks.findIndex((b) => b.type === 'input');
      expect(card.blocks[inputAt]).toMatchObject({
        optional: true,
        label: { type: 'plain_text', text: 'What changed (optional)' },
        element: { type: 'plain_text_input', max_length: 280, multiline: false },
      });
      expect(card.blocks[inputAt + 1]?.type).toBe('actions');
      followUpCard = card;
      const [row] = await store.listDeliveries({ kind: 'follow_up' });
      followUpTs = row?.messageRef?.split('/')[1] ?? '';
      const answered = await pressOnCard(buttonOn(card, 'follow-up'), 'U8', followUpTs, {
        what_changed: '  Huddles start   with the chronology ',
      });
      expect(answered.replace_original).toBe(true);
      expect(textOf(answered)).toMatch(/Your team answered:\*? Yes, our practice has changed/);
      expect(textOf(answered)).toMatch(/What changed:\*? Huddles start with the chronology/);
      expect(buttonActions(answered)).toEqual([]);
      expect(answered.blocks.some((b) => b.type === 'input')).toBe(false);
      const [lesson] = await store.listDeliveries({ kind: 'briefing' });
      expect(await store.listFollowUpAnswers()).toMatchObject([
        {
          deliveryId: lesson?.id,
          answer: 'changed',
          whatChanged: 'Huddles start with the chronology',
        },
      ]);
      expect(JSON.stringify(h.logger.lines)).not.toContain('Huddles');
    });

    it('refuses "what changed" with case details, or too long, privately, keeping the answer it had', async () => {
      const before = await store.listFollowUpAnswers();
      for (const typed of ['Chase 943 476 5919 with the GP', 'x'.repeat(5000)]) {
        const refused = await pressOnCard(buttonOn(followUpCard, 'follow-up'), 'U9', followUpTs, {
          what_changed: typed,
        });
        expect(refused).toMatchObject({ response_type: 'ephemeral', replace_original: false });
        expect(textOf(refused)).toMatch(/not saved/);
        expect(textOf(refused)).not.toContain('943 476');
      }
      expect(await store.listFollowUpAnswers()).toEqual(before);
    });

    it('takes an answer with nothing typed, or with input that is not text, as no "what changed"', async () => {
      for (const typed of [{}, { what_changed: null }, { what_changed: 42 }, { other: 'x' }]) {
        const answered = await pressOnCard(
          buttonOn(followUpCard, 'follow-up'),
          'U9',
          followUpTs,
          typed,
        );
        expect(textOf(answered)).toMatch(/Your team answered:\*? Yes, our practice has changed/);
        expect(textOf(answered)).not.toContain('What changed:');
      }
      const [answer] = await store.listFollowUpAnswers();
      expect(answer).toMatchObject({ answer: 'changed' });
      expect(answer?.whatChanged).toBeUndefined();
    });

    it('reports the answer: the review of the lesson followed up counts its team as changed', async () => {
      const pack = (await buildReport(store, corpus, { now: time.clock() })).evidence.reviews;
      const followed = pack.find((r) => r.followUps.changed > 0);
      expect(followed).toMatchObject({ teamsPlanned: 1, teamsChanged: 1 });
      expect(followed?.sentence).toMatch(
        /; 1 discussed it; 1 planned a change; 1 reports a change in practice\.$/,
      );
      const reply = await command(`report review ${followed?.reviewId}`, { user: ADMIN });
      expect(textOf(reply)).toContain(followed?.sentence);
      expect(textOf(reply)).toContain(
        `*Changed practice (fully or in part)*\n1 of ${followed?.teamsReached}`,
      );
    });

    it('reminds once, in the thread of a lesson nobody marked discussed, a week on', async () => {
      const lessons = await store.listDeliveries({
        kind: 'briefing',
        since: new Date('2027-01-05T00:00:00Z'),
      });
      const ts = lessons.find((d) => d.messageRef?.startsWith(`${C1}/`))?.messageRef?.split('/')[1];
      expect(ts).toBeTruthy();
      time.set('2027-01-12T10:35:00Z');
      await runner.runDue(time.clock());
      await runner.runDue(time.clock());
      const inThread = h.api
        .callsTo('chat.postMessage')
        .filter((c) => (c.args as { thread_ts?: string }).thread_ts === ts);
      expect(inThread).toHaveLength(1);
      const reminder = inThread[0]?.args as unknown as Message;
      expect(reminder.text).toMatch(/^A reminder: has your team discussed “.+”\?/);
      expect(blockKitProblems(reminder, { surface: 'message' })).toEqual([]);
    });
  });
});
