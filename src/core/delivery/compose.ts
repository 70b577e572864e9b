import { buildAnnouncement, buildBriefing } from '../briefing/index.ts';
import { toLessonCard } from '../commands/index.ts';
import type { Corpus } from '../lessons/index.ts';
import type { Delivery, FollowUpAnswer, OutgoingMessage } from '../model/index.ts';
import type { Compose } from './attempt-delivery.ts';

/**
 * What a follow-up or a reminder quotes, read from the store before composing: the
 * original post, the team's plan (follow-ups), its answer once given, and how many weeks
 * after the original a follow-up comes.
 */
export interface Quoted {
  original: Delivery;
  plan?: string;
  answer?: FollowUpAnswer;
  weeks?: number;
}

function lessonGone(id: string | undefined): { error: string } {
  return { error: `lesson ${id ?? '(none)'} is no longer in the corpus` };
}

/** A follow-up or reminder, quoting its original post; an error when that cannot be done. */
function buildQuoting(
  corpus: Corpus,
  delivery: Delivery,
  quoted: Quoted | undefined,
): OutgoingMessage | { error: string } {
  if (!quoted) return { error: `the post ${delivery.period} it follows up is not in the ledger` };
  const { original } = quoted;
  const lesson = corpus.lessonById.get(original.lessonId ?? '');
  if (!lesson) return lessonGone(original.lessonId);
  if (delivery.kind === 'reminder') {
    if (!original.messageRef) return { error: 'the original post has no message to reply to' };
    return {
      kind: 'reminder',
      reminder: {
        deliveryId: original.id,
        lessonTitle: lesson.title,
        replyTo: original.messageRef,
      },
    };
  }
  if (quoted.plan === undefined) return { error: 'the team has no plan to follow up' };
  const { answer } = quoted;
  return {
    kind: 'follow-up',
    followUp: {
      deliveryId: original.id,
      lesson: toLessonCard(corpus, lesson),
      plan: quoted.plan,
      weeks: quoted.weeks ?? 0,
      ...(answer ? { answer: answer.answer } : {}),
      ...(answer?.whatChanged === undefined ? {} : { whatChanged: answer.whatChanged }),
    },
  };
}

/**
 * The message for a ledger row, built from the row's own lesson or review so that a retry
 * posts what was chosen first, and so that a card re-rendered with a new acknowledgement
 * count (Notifier.update) shows the same lesson. An error when the corpus lost it.
 */
export function buildOutgoingMessage(
  corpus: Corpus,
  delivery: Delivery,
  acknowledgements: number,
  quoted?: Quoted,
): OutgoingMessage | { error: string } {
  if (delivery.kind === 'follow_up' || delivery.kind === 'reminder') {
    return buildQuoting(corpus, delivery, quoted);
  }
  if (delivery.kind === 'briefing') {
    if (!corpus.lessonById.has(delivery.lessonId ?? '')) return lessonGone(delivery.lessonId);
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
export function composeFor(corpus: Corpus, quoted?: Quoted): Compose {
  return (delivery) => buildOutgoingMessage(corpus, delivery, 0, quoted);
}
