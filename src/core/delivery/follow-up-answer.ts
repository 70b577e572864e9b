import type { Corpus } from '../lessons/index.ts';
import type {
  FollowUpAnswer,
  FollowUpAnswerKind,
  OutgoingMessage,
  Target,
} from '../model/index.ts';
import type { Store } from '../ports.ts';
import { buildOutgoingMessage } from './compose.ts';
import { checkPlan, tidyPlan } from './team-plan.ts';

/** The four answers to "Has it made a difference?", in the order the cards show them. */
export const FOLLOW_UP_ANSWERS: readonly { answer: FollowUpAnswerKind; label: string }[] = [
  { answer: 'changed', label: 'Yes, our practice has changed' },
  { answer: 'partly', label: 'Partly' },
  { answer: 'not-yet', label: 'Not yet' },
  { answer: 'decided-against', label: 'We decided against it' },
];

export function followUpLabel(answer: FollowUpAnswerKind): string {
  return FOLLOW_UP_ANSWERS.find((a) => a.answer === answer)?.label ?? answer;
}

export interface FollowUpAnswerInput {
  /** the lesson's post (the follow-up's buttons carry it) */
  deliveryId: string;
  answer: FollowUpAnswerKind;
  /** "What changed (optional)", as typed: trimmed and checked here */
  whatChanged?: string;
  at: Date;
  /** the conversation it was answered in: an answer counts only on a card posted there */
  from: Pick<Target, 'platform' | 'channel'>;
}

export type FollowUpAnswerOutcome =
  /** `message`: the follow-up card redrawn with the answer; null when it cannot be (its lesson left the corpus) */
  | {
      kind: 'saved';
      answer: FollowUpAnswerKind;
      whatChanged?: string;
      message: OutgoingMessage | null;
    }
  | { kind: 'refused'; reason: string }
  | { kind: 'unknown' };

export type FollowUpAnswerStore = Pick<
  Store,
  'getDelivery' | 'getSubscription' | 'saveFollowUpAnswer' | 'listTeamDiscussions'
>;

/**
 * Stores a team's answer to its follow-up with the lesson's post, after the same
 * case-details guard as the plan: "what changed" that looks like it holds names, dates of
 * birth, NHS numbers or addresses is refused and nothing is stored. Who answered is not kept.
 */
export async function answerFollowUp(
  store: FollowUpAnswerStore,
  corpus: () => Corpus,
  input: FollowUpAnswerInput,
): Promise<FollowUpAnswerOutcome> {
  const whatChanged = tidyPlan(input.whatChanged ?? '');
  const reason = whatChanged === '' ? undefined : checkPlan(whatChanged);
  if (reason) return { kind: 'refused', reason };
  const delivery = await store.getDelivery(input.deliveryId);
  const subscription = delivery && (await store.getSubscription(delivery.subscriptionId));
  const { target } = subscription ?? {};
  if (
    !delivery ||
    !target ||
    target.platform !== input.from.platform ||
    target.channel !== input.from.channel
  )
    return { kind: 'unknown' };
  const kept = whatChanged === '' ? {} : { whatChanged };
  const answer: FollowUpAnswer = {
    deliveryId: delivery.id,
    answer: input.answer,
    answeredAt: input.at,
    ...kept,
  };
  if (!(await store.saveFollowUpAnswer(answer))) return { kind: 'unknown' };
  const [discussion] = await store.listTeamDiscussions({ deliveryIds: [delivery.id] });
  const plan = discussion?.plan ?? '';
  const weeks = Math.round((input.at.getTime() - delivery.dueAt.getTime()) / WEEK_MS);
  const built = buildOutgoingMessage(
    corpus(),
    { ...delivery, kind: 'follow_up', period: delivery.id },
    0,
    {
      original: delivery,
      plan,
      answer,
      weeks,
    },
  );
  return { kind: 'saved', answer: input.answer, ...kept, message: 'error' in built ? null : built };
}

const WEEK_MS = 7 * 24 * 60 * 60_000;
