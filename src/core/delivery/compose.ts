import { buildAnnouncement, buildBriefing } from '../briefing/index.ts';
import type { Corpus } from '../lessons/index.ts';
import type { Delivery, OutgoingMessage } from '../model/index.ts';
import type { Compose } from './attempt-delivery.ts';

/**
 * The message for a ledger row, built from the row's own lesson or review so that a retry
 * posts what was chosen first, and so that a card re-rendered with a new acknowledgement
 * count (Notifier.update) shows the same lesson. An error when the corpus lost it.
 */
export function buildOutgoingMessage(
  corpus: Corpus,
  delivery: Delivery,
  acknowledgements: number,
): OutgoingMessage | { error: string } {
  if (delivery.kind === 'briefing') {
    if (!corpus.lessonById.has(delivery.lessonId ?? '')) {
      return { error: `lesson ${delivery.lessonId ?? '(none)'} is no longer in the corpus` };
    }
    return { kind: 'briefing', briefing: buildBriefing(corpus, delivery, acknowledgements) };
  }
  const review = corpus.reviewById.get(delivery.reviewId ?? '');
  if (!review) {
    return { error: `review ${delivery.reviewId ?? '(none)'} is no longer in the corpus` };
  }
  const announcement = buildAnnouncement(corpus, review, delivery, acknowledgements);
  return { kind: 'announcement', announcement };
}

/** Composes a first post: nothing was posted yet, so nobody has acknowledged it. */
export function composeFor(corpus: Corpus): Compose {
  return (delivery) => buildOutgoingMessage(corpus, delivery, 0);
}
