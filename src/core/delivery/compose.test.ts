import { describe, expect, it } from 'vitest';
import { smallCorpus } from '../../../test/helpers/delivery-corpus.ts';
import type { Delivery } from '../model/index.ts';
import { buildOutgoingMessage } from './compose.ts';

const row = (fields: Partial<Delivery>): Delivery => ({
  id: 'dlv-1',
  subscriptionId: 'sub-1',
  kind: 'briefing',
  period: '2026-W48',
  status: 'sent',
  attempts: 1,
  dueAt: new Date('2026-11-23T09:00:00Z'),
  updatedAt: new Date('2026-11-23T09:00:00Z'),
  ...fields,
});

describe('buildOutgoingMessage', () => {
  const corpus = smallCorpus();

  it('rebuilds a briefing with its lesson and a new acknowledgement count', () => {
    const message = buildOutgoingMessage(corpus, row({ lessonId: 'york-child-c/2' }), 4);
    expect(message).toMatchObject({
      kind: 'briefing',
      briefing: { deliveryId: 'dlv-1', acknowledgements: 4, lesson: { id: 'york-child-c/2' } },
    });
  });

  it('rebuilds an announcement from the row’s review', () => {
    const message = buildOutgoingMessage(
      corpus,
      row({ kind: 'broadcast', period: 'review:york-child-c#1', reviewId: 'york-child-c' }),
      2,
    );
    expect(message).toMatchObject({
      kind: 'announcement',
      announcement: { deliveryId: 'dlv-1', acknowledgements: 2, review: { id: 'york-child-c' } },
    });
  });

  it('says when the corpus no longer has what the row names', () => {
    expect(buildOutgoingMessage(corpus, row({ lessonId: 'gone/1' }), 0)).toEqual({
      error: 'lesson gone/1 is no longer in the corpus',
    });
    expect(buildOutgoingMessage(corpus, row({ kind: 'broadcast', reviewId: 'gone' }), 0)).toEqual({
      error: 'review gone is no longer in the corpus',
    });
  });
});
