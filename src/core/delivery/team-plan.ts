import { type CaseDetail, detectPersonalData } from '../commands/index.ts';
import type { Target } from '../model/index.ts';
import type { Store } from '../ports.ts';

/** The most a team's plan may hold: one line of what the team will do differently. */
export const MAX_PLAN_LENGTH = 280;

/** "What will we do differently?", answered for a posted card. */
export interface PlanInput {
  deliveryId: string;
  /** as typed: it is trimmed and checked here */
  text: string;
  at: Date;
  /** the conversation it was written in: a plan counts only on a card posted there */
  from: Pick<Target, 'platform' | 'channel'>;
}

/**
 * `saved`: stored with the delivery; `empty`: nothing was typed, nothing changed;
 * `refused`: not stored, and `reason` says what to change; `unknown`: no card of ours there.
 */
export type PlanOutcome =
  | { kind: 'saved'; plan: string }
  | { kind: 'empty' }
  | { kind: 'refused'; reason: string }
  | { kind: 'unknown' };

export type PlanStore = Pick<Store, 'getDelivery' | 'getSubscription' | 'savePlan'>;

/** One line: runs of spaces, tabs and line breaks become one space; control characters go. */
export function tidyPlan(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\p{Cc}/gu, '')
    .trim();
}

export function planReminder(details: readonly CaseDetail[]): string {
  return (
    `This seems to include case details (${details.join(', ')}), so it was not saved. ` +
    'Please write what your team will change without names, dates of birth, addresses or NHS numbers.'
  );
}

/** Why a plan cannot be stored as it is, or undefined when it can. */
export function checkPlan(plan: string): string | undefined {
  if (plan.length > MAX_PLAN_LENGTH) {
    return `Please keep it to ${MAX_PLAN_LENGTH} characters (this is ${plan.length}), so it was not saved.`;
  }
  const details = detectPersonalData(plan);
  return details.length > 0 ? planReminder(details) : undefined;
}

/**
 * Stores the team's answer to "What will we do differently?" with the delivery, after
 * the case-details guard: a plan that looks like it holds names, dates of birth, NHS
 * numbers or addresses is refused and nothing is stored. The plan is the team's: who
 * wrote it is not kept.
 */
export async function saveTeamPlan(store: PlanStore, input: PlanInput): Promise<PlanOutcome> {
  const plan = tidyPlan(input.text);
  if (plan === '') return { kind: 'empty' };
  const reason = checkPlan(plan);
  if (reason) return { kind: 'refused', reason };
  const delivery = await store.getDelivery(input.deliveryId);
  const subscription = delivery && (await store.getSubscription(delivery.subscriptionId));
  const { target } = subscription ?? {};
  if (!target || target.platform !== input.from.platform || target.channel !== input.from.channel)
    return { kind: 'unknown' };
  const saved = await store.savePlan({ deliveryId: input.deliveryId, plan, at: input.at });
  return saved ? { kind: 'saved', plan } : { kind: 'unknown' };
}
