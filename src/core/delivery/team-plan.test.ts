import { afterEach, describe, expect, it } from 'vitest';
import { type DeliveryHarness, deliveryHarness } from '../../../test/helpers/delivery-harness.ts';
import { STORE_KINDS } from '../../../test/helpers/delivery-stores.ts';
import { acknowledgeDelivery } from './acknowledge.ts';
import { type PlanInput, saveTeamPlan, tidyPlan } from './team-plan.ts';

const FRIDAY = '2026-11-20T12:00:00Z';
const MONDAY_0905 = '2026-11-23T09:05:00Z';
const HERE: PlanInput['from'] = { platform: 'slack', channel: 'C1' };

describe.each(STORE_KINDS)("a team's discussion and plan on the $name", ({ open }) => {
  let h: DeliveryHarness;
  afterEach(async () => {
    await h?.store.close();
  });

  async function posted(): Promise<string> {
    h = await deliveryHarness(open, FRIDAY);
    await h.subscribe('C1');
    h.time.set(MONDAY_0905);
    await h.runner().runDue(h.time.clock());
    const [row] = await h.store.listDeliveries();
    if (!row) throw new Error('nothing was posted');
    return row.id;
  }

  const plan = (deliveryId: string, text: string, from = HERE) =>
    saveTeamPlan(h.store, { deliveryId, text, at: h.time.clock(), from });

  it("makes the first press the team's discussion, and later ones confirmations", async () => {
    const id = await posted();
    const press = (userId: string) =>
      acknowledgeDelivery(h.store, h.corpus, { deliveryId: id, userId, at: h.time.clock() });
    expect(await press('slack:U1')).toMatchObject({ teamFirst: true, added: true, count: 1 });
    const discussedAt = h.time.clock();
    h.time.set('2026-11-23T10:00:00Z');
    expect(await press('slack:U2')).toMatchObject({ teamFirst: false, added: true, count: 2 });
    expect(await h.store.listTeamDiscussions()).toEqual([{ deliveryId: id, discussedAt }]);
  });

  it('saves the plan trimmed to one line, with the delivery, and a later one replaces it', async () => {
    const id = await posted();
    expect(await plan(id, '  Start a chronology\n at the first   referral  ')).toEqual({
      kind: 'saved',
      plan: 'Start a chronology at the first referral',
    });
    expect(await plan(id, 'Ask the child what they think')).toMatchObject({ kind: 'saved' });
    const [discussion] = await h.store.listTeamDiscussions();
    expect(discussion).toMatchObject({ deliveryId: id, plan: 'Ask the child what they think' });
  });

  it.each([
    ['a date of birth', 'Check Ellie, DOB 03/04/2019, is seen alone'],
    ['an NHS number', 'Follow up 943 476 5919 with the GP'],
    ['an address', 'Visit 12 Acacia Avenue weekly'],
    ['a name with a role', 'Ask Sarah Peel, the health visitor, to attend'],
  ])('refuses a plan with %s with the reminder, and stores nothing', async (_, text) => {
    const id = await posted();
    const outcome = await plan(id, text);
    expect(outcome.kind).toBe('refused');
    expect(outcome.kind === 'refused' && outcome.reason).toMatch(/not saved.*without names/);
    expect(await h.store.listTeamDiscussions()).toEqual([]);
  });

  it('refuses a plan over 280 characters saying how long it is, and stores nothing', async () => {
    const id = await posted();
    const outcome = await plan(id, 'a'.repeat(281));
    expect(outcome).toEqual({
      kind: 'refused',
      reason: 'Please keep it to 280 characters (this is 281), so it was not saved.',
    });
    expect(await plan(id, 'b'.repeat(280))).toMatchObject({ kind: 'saved' });
    expect(await plan(id, 'x'.repeat(1_000_000))).toMatchObject({ kind: 'refused' });
    expect((await h.store.listTeamDiscussions())[0]?.plan).toBe('b'.repeat(280));
  });

  it('changes nothing for an empty plan, an unknown card, or a card posted elsewhere', async () => {
    const id = await posted();
    expect(await plan(id, ' \n\t ')).toEqual({ kind: 'empty' });
    expect(await plan('no-such-id', 'Weekly huddle')).toEqual({ kind: 'unknown' });
    expect(await plan(id, 'Weekly huddle', { platform: 'slack', channel: 'C9' })).toEqual({
      kind: 'unknown',
    });
    expect(await plan(id, 'Weekly huddle', { platform: 'teams', channel: 'C1' })).toEqual({
      kind: 'unknown',
    });
    expect(await h.store.listTeamDiscussions()).toEqual([]);
  });
});

describe('tidyPlan', () => {
  it('keeps one line with no control characters', () => {
    expect(tidyPlan('\u0000Plan\u0007 one\r\ntwo\u200b')).toBe('Plan one two\u200b');
  });
});
