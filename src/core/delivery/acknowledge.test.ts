import { afterEach, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../../test/helpers/delivery-corpus.ts';
import { type DeliveryHarness, deliveryHarness } from '../../../test/helpers/delivery-harness.ts';
import { STORE_KINDS } from '../../../test/helpers/delivery-stores.ts';
import { answerLater } from '../commands/index.ts';
import {
  ACKNOWLEDGEMENTS_UNAVAILABLE,
  acknowledgeDelivery,
  acknowledgementReply,
} from './acknowledge.ts';

const FRIDAY = '2026-11-20T12:00:00Z';
const MONDAY_0905 = '2026-11-23T09:05:00Z';

describe.each(STORE_KINDS)('acknowledgeDelivery on the $name', ({ open }) => {
  let h: DeliveryHarness;
  afterEach(async () => {
    await h?.store.close();
  });

  /** A channel C1 that got this week's briefing; returns the posted row's id. */
  async function posted(): Promise<string> {
    h = await deliveryHarness(open, FRIDAY);
    await h.subscribe('C1');
    h.time.set(MONDAY_0905);
    await h.runner().runDue(h.time.clock());
    const [row] = await h.store.listDeliveries();
    if (!row) throw new Error('nothing was posted');
    return row.id;
  }

  const press = (deliveryId: string, userId: string) => ({
    deliveryId,
    userId,
    at: h.time.clock(),
  });

  it('counts each person once and re-renders the card with the count', async () => {
    const id = await posted();
    const first = await acknowledgeDelivery(h.store, h.corpus, press(id, 'slack:U1'));
    expect(first).toMatchObject({ added: true, count: 1, target: { channel: 'C1' } });
    expect(first?.delivery.messageRef).toBe('C1/1');
    expect(first?.message?.kind === 'briefing' && first.message.briefing).toMatchObject({
      deliveryId: id,
      acknowledgements: 1,
    });
    const again = await acknowledgeDelivery(h.store, h.corpus, press(id, 'slack:U1'));
    expect(again).toMatchObject({ added: false, count: 1 });
    const other = await acknowledgeDelivery(h.store, h.corpus, press(id, 'slack:U2'));
    expect(other).toMatchObject({ added: true, count: 2 });
    expect(await h.store.listAcknowledgements()).toHaveLength(2);
  });

  it('records nothing for an unknown card, or for a card pressed in another conversation', async () => {
    const id = await posted();
    expect(await acknowledgeDelivery(h.store, h.corpus, press('nope', 'slack:U1'))).toBeUndefined();
    const elsewhere = {
      ...press(id, 'slack:U1'),
      from: { platform: 'slack' as const, channel: 'C9' },
    };
    expect(await acknowledgeDelivery(h.store, h.corpus, elsewhere)).toBeUndefined();
    const teams = { ...press(id, 'slack:U1'), from: { platform: 'teams' as const, channel: 'C1' } };
    expect(await acknowledgeDelivery(h.store, h.corpus, teams)).toBeUndefined();
    expect(await h.store.listAcknowledgements()).toEqual([]);
    const here = { ...press(id, 'slack:U1'), from: { platform: 'slack' as const, channel: 'C1' } };
    expect(await acknowledgeDelivery(h.store, h.corpus, here)).toMatchObject({ count: 1 });
  });

  it('still counts when the lesson has left the corpus, with no card to re-render', async () => {
    const id = await posted();
    h.useCorpus(
      buildCorpus([
        { id: 'other-child-z', published: '2020-01', lessons: [{ n: 1, themes: ['neglect'] }] },
      ]),
    );
    const done = await acknowledgeDelivery(h.store, h.corpus, press(id, 'teams:abc'));
    expect(done).toMatchObject({ added: true, count: 1, message: null });
  });
});

describe('the answers to a press, the same words on every platform', () => {
  it('says nothing was recorded on a card that is not ours, in the platform’s word for where', () => {
    expect(acknowledgementReply(undefined, 'channel')).toMatchObject({
      kind: 'error',
      code: 'command_invalid',
      message: 'This card is not one the bot posted in this channel, so nothing was recorded.',
    });
    expect(acknowledgementReply(undefined, 'conversation')).toMatchObject({
      message: expect.stringContaining('not one the bot posted in this conversation'),
    });
  });

  it('thanks once, says "already" after, and counts people', () => {
    expect(acknowledgementReply({ added: false, count: 3 }, 'channel')).toEqual({
      kind: 'notice',
      text: 'You have already marked this as discussed. Thank you.',
    });
    expect(acknowledgementReply({ added: true, count: 1 }, 'channel')).toEqual({
      kind: 'notice',
      text: 'Thank you: 1 person has marked this as discussed.',
    });
    expect(acknowledgementReply({ added: true, count: 4 }, 'conversation')).toMatchObject({
      text: 'Thank you: 4 people have marked this as discussed.',
    });
  });

  it('says where the database is missing that nothing can be recorded', () => {
    expect(ACKNOWLEDGEMENTS_UNAVAILABLE).toMatchObject({ kind: 'error', code: 'not_available' });
  });
});

describe('answerLater: the notice before an answer that takes minutes', () => {
  it('is given for an admin’s publish only', () => {
    const publish = { kind: 'publish', review: 'croydon-claire', again: false } as const;
    expect(answerLater(publish, true)).toEqual({
      kind: 'notice',
      text: 'Publishing to every subscribed channel. This can take a few minutes; the result will follow here.',
    });
    expect(answerLater(publish, false)).toBeUndefined();
    expect(answerLater({ kind: 'themes' }, true)).toBeUndefined();
  });
});
